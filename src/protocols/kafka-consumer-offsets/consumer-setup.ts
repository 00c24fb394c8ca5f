// The consumer's typed setup: its events and guards. `commitsBeforeProcessing` and
// `autoCommitsPolled` are the two guards the broken variants replace (variants.ts).
import { setup } from 'xstate';
import { kitActions, type MachineInput } from '../kit';
import type { ConsumerContext } from './consumer-state';
import { batchKey, freshRecords } from './consumer-state';
import type { Received } from './messages';

export type ConsumerEvent =
  | Received<'JOINED'>
  | Received<'ASSIGNED'>
  | Received<'HEARTBEAT_REPLY'>
  | Received<'RECORDS'>
  | Received<'COMMITTED'>
  | Received<'COMMIT_FAILED'>
  | Received<'OUTPUT_OK'>
  | Received<'TXN_DONE'>
  | Received<'TXN_FENCED'>
  | { type: 'heartbeat' }
  | { type: 'poll' }
  | { type: 'process' }
  | { type: 'retry' }
  | { type: 'auto-commit' };

const mode = (context: ConsumerContext) => context.settings.commit;

export const consumerSetup = setup({
  types: {
    context: {} as ConsumerContext,
    events: {} as ConsumerEvent,
    input: {} as MachineInput,
  },
  actions: kitActions,
  guards: {
    isLeader: ({ context, event }) => event.type === 'JOINED' && event.leader === context.name,
    currentGeneration: ({ context, event }) => 'generation' in event && event.generation === context.generation,
    ownsNothing: ({ context }) => context.positions.length === 0,
    gotRecords: ({ context, event }) => event.type === 'RECORDS' && freshRecords(context, event.records).length > 0,
    mustRejoin: ({ context }) => context.rejoin,
    exactlyOnce: ({ context }) => context.settings.semantics === 'exactly-once',
    atMostOnce: ({ context }) => context.settings.semantics === 'at-most-once',
    syncCommit: ({ context }) => mode(context) === 'sync',
    asyncCommit: ({ context }) => mode(context) === 'async',
    /** Correct: only at-most-once commits what it polled before processing it. */
    commitsBeforeProcessing: ({ context }) => context.settings.semantics === 'at-most-once',
    /** Correct: auto-commit commits what was processed, never what was only polled. */
    autoCommitsPolled: () => false,
    currentOutput: ({ context, event }) => event.type === 'OUTPUT_OK' && context.batch.length > 0 && event.id.startsWith(`${batchKey(context)}#`),
    currentTransaction: ({ context, event }) => (event.type === 'TXN_DONE' || event.type === 'TXN_FENCED') && context.batch.length > 0 && event.id === batchKey(context),
    commitAnswered: ({ context, event }) => (event.type === 'COMMITTED' || event.type === 'COMMIT_FAILED') && event.generation === context.generation,
  },
});
