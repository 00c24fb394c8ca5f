// A consumer of the group.
//
// It joins the group (JOIN, then JOINED with its generation; the leader computes the assignment
// and sends it in SYNC; everyone gets its partitions in ASSIGNED) and starts each partition at
// the committed offset, or where auto.offset.reset says when nothing was committed. While a
// member it heartbeats on a timer; a heartbeat answered with an error (a rebalance, or it was
// removed) makes it rejoin at its next poll. Then it loops: poll (FETCH, RECORDS), process (a
// step of its own, after the processing time), commit. A crash can fall between any two.
//
// The semantics decide the order. At-most-once commits what it polled, then processes once and
// never writes again: a crash after the commit loses the batch, but nothing is done twice.
// At-least-once processes, waits for the sink's OK (writing again when none comes), then commits:
// a crash before the commit makes the next owner process the batch again, but nothing is lost.
// Exactly-once sends the output and the offsets to the transaction coordinator as one
// transaction, retried under the same id: both happen or neither.
//
// The failures it teaches: `commit-before-process` commits first although it promises
// at-least-once, and `auto-commit-ahead` auto-commits the polled position rather than the
// processed one; a crash then loses records that were never processed.
import { consumerActions } from './consumer-actions';
import { consumerSetup } from './consumer-setup';
import { consumerContext } from './consumer-state';
import { contextFactory } from '../kafka/machine-context';

const machine = consumerSetup.extend({ actions: consumerActions });

export const consumer = machine.createMachine({
  id: 'consumer',
  context: contextFactory(consumerContext),
  initial: 'joining',
  on: {
    heartbeat: { actions: 'heartbeat' },
    HEARTBEAT_REPLY: { actions: 'hearHeartbeat' },
    COMMITTED: { actions: 'recordCommitted' },
    COMMIT_FAILED: { actions: 'hearCommitFailed' },
    'auto-commit': [{ guard: 'autoCommitsPolled', actions: 'autoCommitPolled' }, { actions: 'autoCommitDone' }],
  },
  states: {
    /** Asking to (re)join: everything it owned is given up. */
    joining: {
      entry: 'sendJoin',
      on: {
        JOINED: [
          { guard: 'isLeader', target: 'leading', actions: 'takeJoined' },
          { target: 'awaiting', actions: 'takeJoined' },
        ],
        retry: { target: 'joining', reenter: true },
        // It is rejoining already: news of the rebalance it answers, or of a fence, changes nothing.
        HEARTBEAT_REPLY: {},
        COMMIT_FAILED: {},
      },
    },
    /** The leader: it has sent the assignment and waits for its own part. */
    leading: {
      entry: 'sendSync',
      on: {
        ASSIGNED: { guard: 'currentGeneration', target: 'next', actions: 'takeAssignment' },
        retry: { target: 'leading', reenter: true },
      },
      always: { guard: 'mustRejoin', target: 'joining' },
    },
    /** A follower: waiting for its partitions. */
    awaiting: {
      entry: 'awaitAssignment',
      on: {
        ASSIGNED: { guard: 'currentGeneration', target: 'next', actions: 'takeAssignment' },
        // Its ASSIGNED may have been lost: it asks for its partitions again, as the leader resends SYNC.
        retry: { target: 'awaiting', reenter: true, actions: 'askAssignmentAgain' },
      },
      always: { guard: 'mustRejoin', target: 'joining' },
    },
    /** Poll: a FETCH from its positions is on its way. */
    fetching: {
      entry: 'sendFetch',
      on: {
        RECORDS: [
          { guard: 'gotRecords', target: 'holding', actions: 'holdBatch' },
          { target: 'idle', actions: 'stopWaiting' },
        ],
        retry: { target: 'fetching', reenter: true },
      },
      always: { guard: 'mustRejoin', target: 'joining' },
    },
    /** Nothing new: it polls again after a while. */
    idle: {
      entry: 'armPoll',
      on: { poll: { target: 'fetching' } },
      always: { guard: 'mustRejoin', target: 'joining' },
    },
    /** It holds a polled batch: at-most-once commits it, and waits for the commit, before anything else. */
    holding: {
      always: [
        { guard: 'exactlyOnce', target: 'polled' },
        { guard: 'commitsBeforeProcessing', target: 'committingPolled' },
        { target: 'polled' },
      ],
    },
    /** Waiting for the coordinator to confirm the commit of what it polled, before processing it. */
    committingPolled: {
      entry: 'sendCommitPolled',
      on: {
        COMMITTED: { guard: 'commitAnswered', target: 'polled', actions: ['recordCommitted', 'stopWaiting'] },
        COMMIT_FAILED: { guard: 'commitAnswered', target: 'joining', actions: ['hearCommitFailed', 'dropBatch'] },
        retry: { target: 'committingPolled', reenter: true },
      },
    },
    /** The batch is in hand; processing takes the processing time. */
    polled: {
      entry: 'armProcess',
      on: {
        process: [
          { guard: 'exactlyOnce', target: 'transacting' },
          { guard: 'atMostOnce', target: 'next', actions: ['sendOutputOnce', 'markDone'] },
          { target: 'processing' },
        ],
      },
    },
    /** The output is on its way to the sink; the batch counts as processed once the sink says OK. */
    processing: {
      entry: 'sendOutput',
      on: {
        OUTPUT_OK: { guard: 'currentOutput', target: 'processed', actions: 'markDone' },
        retry: { target: 'processing', reenter: true },
      },
    },
    /** Processed: at-least-once commits now (sync waits, async does not, auto leaves it to its timer). */
    processed: {
      always: [
        { guard: 'commitsBeforeProcessing', target: 'next' },
        { guard: 'syncCommit', target: 'committing' },
        { guard: 'asyncCommit', target: 'next', actions: 'commitAsync' },
        { target: 'next' },
      ],
    },
    /** Waiting for the coordinator to confirm the commit of what it processed. */
    committing: {
      entry: 'sendCommit',
      on: {
        COMMITTED: { guard: 'commitAnswered', target: 'next', actions: ['recordCommitted', 'stopWaiting'] },
        COMMIT_FAILED: { guard: 'commitAnswered', target: 'next', actions: ['hearCommitFailed', 'stopWaiting'] },
        retry: { target: 'committing', reenter: true },
      },
    },
    /** Exactly-once: the output and the offsets are one transaction, sent until it is answered. */
    transacting: {
      entry: 'sendTransaction',
      on: {
        TXN_DONE: { guard: 'currentTransaction', target: 'next', actions: 'markDone' },
        TXN_FENCED: { guard: 'currentTransaction', target: 'joining', actions: ['hearFenced', 'dropBatch'] },
        retry: { target: 'transacting', reenter: true },
      },
    },
    /** Between two polls: rejoin if the group asked for it, else poll (when it owns anything). */
    next: {
      always: [{ guard: 'mustRejoin', target: 'joining' }, { guard: 'ownsNothing', target: 'idle' }, { target: 'fetching' }],
    },
  },
});
