// The broker: a topic's partitions, the group coordinator and (for exactly-once) the transaction
// coordinator, in one node.
//
// As the topic, it appends each PRODUCE at the end of its partition, writing the log before it
// answers, and answers a FETCH with the records from the asked positions. As the group
// coordinator it runs the group through its phases (see ../kafka/group.ts): a JOIN starts a
// rebalance; when every member has rejoined (or the rebalance times out) the generation goes up
// and each member hears JOINED; the leader sends the assignment in SYNC, and each member gets its
// partitions in ASSIGNED with the committed offsets to start from. Each member has a session
// timer that its heartbeats restart; when it fires the member is removed and a rebalance starts.
// It keeps the committed offsets durably and refuses a COMMIT from an older generation or an
// unknown member (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID): that is how a zombie is fenced.
//
// As the transaction coordinator it commits a TXN (the output of a batch and its offsets) in one
// step, written to its log together, then writes the output to the sink until the sink confirms.
//
// The failures it teaches: `no-generation-fencing` accepts a zombie's late COMMIT, which moves the
// offset under the new owner; `no-transactional-fencing` commits a zombie's TXN, duplicating its
// output.
import { brokerActions } from './broker-actions';
import { brokerContext } from './broker-state';
import { brokerSetup } from './broker-setup';
import { contextFactory } from '../kafka/machine-context';

const machine = brokerSetup.extend({ actions: brokerActions });

const rejoinOrExpire = {
  JOIN: { target: 'joining', actions: 'joinMember' },
  'session.*': [
    { guard: 'lastMemberExpired', target: 'empty', actions: 'removeMember' },
    { guard: 'sessionExpired', target: 'joining', actions: 'removeMember' },
  ],
} as const;

export const broker = machine.createMachine({
  id: 'broker',
  context: contextFactory(brokerContext),
  initial: 'start',
  on: {
    PRODUCE: { actions: 'append' },
    FETCH: { actions: 'serveFetch' },
    HEARTBEAT: { actions: 'answerHeartbeat' },
    COMMIT: [{ guard: 'commitAllowed', actions: 'commitOffsets' }, { actions: 'refuseCommit' }],
    TXN: [
      { guard: 'alreadyApplied', actions: 'confirmTransaction' },
      { guard: 'transactionAllowed', actions: 'commitTransaction' },
      { actions: 'fenceTransaction' },
    ],
    WRITTEN: { actions: 'confirmWrite' },
    resend: { actions: 'writeOutbox' },
  },
  states: {
    /** Passed through on every start: the log holds the partitions, the offsets and the transactions. */
    start: {
      // The boot is forgotten after the recovery is noted: as an exit action it ran first, and the note never appeared.
      always: [{ guard: 'hasOutbox', target: 'empty', actions: ['noteRecovery', 'writeOutbox', 'forgetBoot'] }, { target: 'empty', actions: ['noteRecovery', 'forgetBoot'] }],
    },
    /** No members: nobody consumes. */
    empty: {
      on: { JOIN: { target: 'joining', actions: 'joinMember' } },
    },
    /** A rebalance: waiting for every member to (re)join. */
    joining: {
      entry: 'startRebalanceTimer',
      exit: { type: 'cancelTimer', params: { name: 'rebalance' } },
      on: {
        JOIN: { actions: 'joinMember' },
        'session.*': { guard: 'sessionExpired', actions: 'removeMember' },
        rebalance: [{ guard: 'anyoneJoined', target: 'syncing', actions: 'completeJoin' }, { target: 'empty', actions: 'dropLaggards' }],
      },
      always: [
        { guard: 'groupEmpty', target: 'empty' },
        { guard: 'everyoneJoined', target: 'syncing', actions: 'completeJoin' },
      ],
    },
    /** A new generation: waiting for the leader's assignment. */
    syncing: {
      on: {
        ...rejoinOrExpire,
        JOIN: [{ guard: 'joinedThisGeneration', actions: 'answerJoinAgain' }, rejoinOrExpire.JOIN],
        SYNC: { guard: 'leaderSync', target: 'stable', actions: 'installAssignment' },
      },
    },
    /** Every member knows its partitions. */
    stable: {
      on: { ...rejoinOrExpire, SYNC: { guard: 'syncOfThisGeneration', actions: 'answerSyncAgain' } },
    },
  },
});
