// A storage node of a Dynamo-style leaderless store. Every node is a replica for the keys whose
// home it is (the N nodes from the key's place on the ring) and can coordinate any client's
// request; none is a leader, and nothing orders writes but their versions.
//
// The logic lives in plain functions (coordinator.ts, replica.ts, sync.ts) that take the node's
// context and build what it does; each transition below hands them the event and the node's
// rules (guards.ts), which the broken variants swap one at a time. The failures they teach:
// reads that see old values (R + W ≤ N, a read that does not write back, a sloppy quorum),
// writes ordered wrongly (a single-phase write, a skewed clock), and replicas that never
// converge (no read repair and no anti-entropy).
import { setup } from 'xstate';
import { kitActions, type MachineInput } from '../kit';
import { startGet, startPut, takeAck, takeValue, timeout } from './coordinator';
import { rulesOf, storageGuards, type Rules } from './guards';
import type { Received } from './messages';
import { emit, Out } from './out';
import { answerRead, armSync, dropHint, handOff, takeHandoff, takeRepair, takeWrite } from './replica';
import { initialStorage, type StorageContext } from './storage-context';
import { answerDigest, exchange, takePush, takeSync } from './sync';

export type StorageEvent =
  | (Received<'PUT'> & { readonly now?: number })
  | Received<'GET'>
  | Received<'READ'>
  | Received<'VALUE'>
  | Received<'WRITE'>
  | Received<'ACK'>
  | Received<'REPAIR'>
  | Received<'HANDOFF'>
  | Received<'HANDED'>
  | Received<'DIGEST'>
  | Received<'SYNC'>
  | Received<'PUSH'>
  | { readonly type: 'antiEntropy' }
  | { readonly type: 'handoff' }
  /** A request's quorum timer: "wait.C1.3". */
  | { readonly type: `wait.${string}` };

export const storageSetup = setup({
  types: { context: {} as StorageContext, events: {} as StorageEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    ...storageGuards,
    coordinating: ({ context }) => Object.keys(context.requests).length > 0,
    notCoordinating: ({ context }) => Object.keys(context.requests).length === 0,
  },
});

type Step = (out: Out<StorageContext>, event: never, rules: Rules) => void;

/** One named action: the plain logic, given the event and the node's rules. */
const act = (step: Step) =>
  storageSetup.enqueueActions(({ context, event, enqueue, check }) => {
    const out = new Out(context);
    step(out, event as never, rulesOf(check as never, context.settings));
    emit(enqueue as never, out);
  });

const unused = initialStorage({ self: { id: 0, name: 'S1', role: 'storage', peers: { storage: [0] }, config: {} }, log: null });

/** On every start: a restarted node takes up its background work again from its log. */
function resume(out: Out<StorageContext>, _event: never, rules: Rules): void {
  if (!out.context.recovered) return;
  out.set({ recovered: false });
  const keys = Object.entries(out.context.data).filter(([, vs]) => vs.length > 0).length;
  out.note(`restarts with what its log holds: ${keys} key(s) and ${out.context.hints.length} hint(s)`);
  if (out.context.hints.length > 0) handOff(out);
  armSync(out, rules);
}

export const storage = storageSetup.createMachine({
  id: 'storage',
  // XState's pure `transition` makes a throwaway actor on every call, which computes an initial
  // context without input; answering that cheaply (rather than throwing) makes a step ~3x faster.
  context: ({ input }) => (input === undefined ? unused : initialStorage(input)),
  initial: 'start',
  on: {
    PUT: { actions: act(startPut as Step) },
    GET: { actions: act(startGet as Step) },
    VALUE: { actions: act(takeValue as Step) },
    ACK: { actions: act(takeAck as Step) },
    'wait.*': { actions: act((out, event: { type: string }, rules) => timeout(out, event.type.slice('wait.'.length), rules)) },
    READ: { actions: act(answerRead as Step) },
    WRITE: { actions: act(takeWrite as Step) },
    REPAIR: { actions: act(takeRepair as Step) },
    HANDOFF: { actions: act(takeHandoff as Step) },
    HANDED: { actions: act(dropHint as Step) },
    handoff: { actions: act(handOff as Step) },
    DIGEST: { actions: act(answerDigest as Step) },
    SYNC: { actions: act(takeSync as Step) },
    PUSH: { actions: act(takePush as Step) },
    antiEntropy: { actions: act(exchange as Step) },
  },
  states: {
    /** Passed through on every start: a restarted node resumes from its log. */
    start: { always: { target: 'serving', actions: act(resume as Step) } },
    /** Answering as a replica; coordinating nothing. */
    serving: { always: { guard: 'coordinating', target: 'coordinating' } },
    /** Coordinating at least one client's request. */
    coordinating: { always: { guard: 'notCoordinating', target: 'serving' } },
  },
});
