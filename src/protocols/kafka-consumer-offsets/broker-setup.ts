// The broker's typed setup: its events and guards. The fencing guards are the ones the broken
// variants replace (variants.ts).
import { setup } from 'xstate';
import { kitActions, type MachineInput } from '../kit';
import { commitError, everyoneJoined, isMember, type Group } from '../kafka/group';
import { sessionMember, type BrokerContext } from './broker-state';
import type { Received } from './messages';

export type BrokerEvent =
  | Received<'PRODUCE'>
  | Received<'FETCH'>
  | Received<'JOIN'>
  | Received<'SYNC'>
  | Received<'HEARTBEAT'>
  | Received<'COMMIT'>
  | Received<'TXN'>
  | Received<'WRITTEN'>
  | { type: `session.${string}` }
  | { type: 'rebalance' }
  | { type: 'resend' };

/** A member's session ran out; one that has rejoined and waits for the rebalance to end is not timed out. */
const expired = (group: Group, event: BrokerEvent) => {
  if (!event.type.startsWith('session.')) return false;
  const member = group.members.find((m) => m.name === sessionMember(event.type));
  return member !== undefined && !(group.phase === 'joining' && member.joined);
};

export const brokerSetup = setup({
  types: {
    context: {} as BrokerContext,
    events: {} as BrokerEvent,
    input: {} as MachineInput,
  },
  actions: kitActions,
  guards: {
    hasOutbox: ({ context }) => context.outbox.length > 0,
    everyoneJoined: ({ context }) => everyoneJoined(context.group),
    anyoneJoined: ({ context }) => context.group.members.some((m) => m.joined),
    groupEmpty: ({ context }) => context.group.phase === 'empty',
    sessionExpired: ({ context, event }) => expired(context.group, event),
    lastMemberExpired: ({ context, event }) => expired(context.group, event) && context.group.members.length === 1,
    leaderSync: ({ context, event }) =>
      event.type === 'SYNC' && event.generation === context.group.generation && context.group.members[0]?.name === event.member,
    /** A member of the generation being synced asks again: its JOINED was lost, not its place. */
    joinedThisGeneration: ({ context, event }) => event.type === 'JOIN' && context.group.phase === 'syncing' && isMember(context.group, event.member),
    /** A member of the installed generation asks for its assignment again: its ASSIGNED was lost. */
    syncOfThisGeneration: ({ context, event }) => event.type === 'SYNC' && event.generation === context.group.generation && isMember(context.group, event.member),
    alreadyApplied: ({ context, event }) => event.type === 'TXN' && context.applied.includes(event.id),
    /** Correct: only a member of the current generation may commit offsets. */
    commitAllowed: ({ context, event }) => event.type === 'COMMIT' && commitError(context.group, event.member, event.generation) === null,
    /** Correct: only a member of the current generation may commit a transaction (the producer is fenced with its consumer). */
    transactionAllowed: ({ context, event }) => event.type === 'TXN' && commitError(context.group, event.member, event.generation) === null,
  },
});
