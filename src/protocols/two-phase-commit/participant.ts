// A participant (a resource manager) of two-phase commit.
//
// While the transaction runs, the participant is "working". When PREPARE arrives it votes.
// A YES vote is a promise: the participant first writes the vote to its log, then it is
// *prepared* (in doubt): it may no longer decide alone, because the coordinator may already
// have decided COMMIT on the strength of that promise. A NO vote lets it abort on its own at
// once. When the decision arrives it applies it, logs the outcome and acknowledges (again, for
// every duplicate, so the coordinator can stop resending).
//
// A prepared participant that hears nothing asks the coordinator again (QUERY) on a timer, and
// right after it recovers. Recovery reads only the log: a logged outcome is kept; a logged YES
// vote means "still in doubt"; no vote at all means it never promised anything, so it aborts.
//
// The failure it teaches: prepared participants block while the coordinator is unreachable.
// The broken variants remove what makes blocking necessary: `forgetful-participant` does not
// log its vote (after a crash it aborts although it promised YES) and `impatient-participant`
// gives up and aborts on a timeout; either can abort while others commit.
import { setup } from 'xstate';
import type { NodeId, Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import type { TwoPhaseConfig } from './config';
import { asDecision, type Decision, type Received, type Vote } from './messages';

export interface ParticipantContext {
  readonly coordinator: NodeId;
  /** Set by a person before the vote: this participant will answer PREPARE with NO. */
  readonly willVoteNo: boolean;
  readonly vote: Vote | null;
  readonly outcome: Decision | null;
  /** What the log said at start-up; cleared once acted on. */
  readonly boot: 'fresh' | 'recovered' | null;
  readonly retryTicks: number;
}

export type ParticipantEvent =
  | { type: 'vote-no' }
  | { type: 'query' }
  | Received<'PREPARE'>
  | Received<'COMMIT'>
  | Received<'ABORT'>;

const loggedVote = (log: Persisted | null): Vote | null => (log?.['vote'] === 'yes' || log?.['vote'] === 'no' ? log['vote'] : null);

const pastTense: Record<Decision, string> = { commit: 'committed', abort: 'aborted' };

const base = setup({
  types: {
    context: {} as ParticipantContext,
    events: {} as ParticipantEvent,
    input: {} as MachineInput<TwoPhaseConfig>,
  },
  actions: kitActions,
  guards: {
    freshStart: ({ context }) => context.boot === 'fresh',
    logShowsCommit: ({ context }) => context.outcome === 'commit',
    logShowsAbort: ({ context }) => context.outcome === 'abort',
    logShowsYesVote: ({ context }) => context.vote === 'yes',
    willVoteNo: ({ context }) => context.willVoteNo,
    /** Correct: a prepared participant never gives up on its own. */
    impatient: () => false,
  },
});

/** The actions a variant may replace (see variants.ts). */
export const participantSetup = base.extend({
  actions: {
    /** Correct: the YES vote is a promise, so it reaches the log before the coordinator hears it. */
    logVote: base.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'persist', params: { data: { vote: 'yes' } } });
    }),
  },
});

const decide = (outcome: Decision, text: string) =>
  base.enqueueActions(({ enqueue, context }) => {
    enqueue.assign({ outcome });
    enqueue({ type: 'note', params: { text } });
    enqueue({ type: 'persist', params: { data: { outcome } } });
    enqueue({ type: 'observe', params: { value: { outcome } } });
    enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'ACK', outcome } } });
  });

const actions = participantSetup.extend({
  actions: {
    voteYes: participantSetup.enqueueActions(({ enqueue, context }) => {
      enqueue('logVote');
      enqueue.assign({ vote: 'yes' });
      enqueue({ type: 'observe', params: { value: { vote: 'yes' } } });
      enqueue({ type: 'note', params: { text: 'votes YES and is now in doubt: it may not decide alone' } });
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'VOTE', vote: 'yes' } } });
    }),
    voteNo: base.enqueueActions(({ enqueue, context }) => {
      enqueue.assign({ vote: 'no', outcome: 'abort' });
      enqueue({ type: 'persist', params: { data: { vote: 'no', outcome: 'abort' } } });
      enqueue({ type: 'observe', params: { value: { vote: 'no' } } });
      enqueue({ type: 'observe', params: { value: { outcome: 'abort' } } });
      enqueue({ type: 'note', params: { text: 'votes NO and aborts on its own' } });
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'VOTE', vote: 'no' } } });
    }),
    /** An aborted participant answers a (late or repeated) PREPARE with NO. */
    refuse: base.enqueueActions(({ enqueue, context }) => {
      if (context.vote === null) {
        enqueue.assign({ vote: 'no' });
        enqueue({ type: 'observe', params: { value: { vote: 'no' } } });
      }
      enqueue({ type: 'note', params: { text: 'has aborted, so it answers PREPARE with NO' } });
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'VOTE', vote: 'no' } } });
    }),
    repeatYes: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'VOTE', vote: 'yes' } } });
    }),
    applyCommit: decide('commit', 'commits the transaction'),
    applyAbort: decide('abort', 'aborts the transaction'),
    abortUnpromised: decide('abort', 'finds no vote in its log: it never promised anything, so it aborts'),
    giveUp: decide('abort', 'hears nothing and gives up: it aborts on its own although it promised to wait'),
    askCoordinator: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'note', params: { text: 'is still in doubt and asks the coordinator for the decision' } });
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'QUERY' } } });
    }),
    armQuery: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'setTimer', params: { name: 'query', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    /** Acknowledges a decision again; a decision that contradicts the logged outcome cannot be applied. */
    acknowledge: base.enqueueActions(({ enqueue, context, event }) => {
      if (context.outcome === null) return;
      const heard: Decision = event.type === 'COMMIT' ? 'commit' : 'abort';
      if (heard !== context.outcome)
        enqueue({ type: 'note', params: { text: `has already ${pastTense[context.outcome]} and cannot ${heard}: the outcomes disagree` } });
      enqueue({ type: 'send', params: { to: context.coordinator, body: { type: 'ACK', outcome: context.outcome } } });
    }),
    forgetBoot: base.assign({ boot: null }),
  },
});

export const participant = actions.createMachine({
  id: 'participant',
  context: ({ input }) => ({
    coordinator: input.self.peers['coordinator']?.[0] ?? 0,
    willVoteNo: false,
    vote: loggedVote(input.log),
    outcome: asDecision(input.log?.['outcome']),
    boot: input.log === null ? 'fresh' : 'recovered',
    retryTicks: input.self.config.retryTicks,
  }),
  initial: 'start',
  states: {
    /** Passed through on every start: the log alone decides where to resume. */
    start: {
      exit: 'forgetBoot',
      always: [
        { guard: 'freshStart', target: 'working' },
        { guard: 'logShowsCommit', target: 'committed', actions: { type: 'note', params: { text: 'finds COMMIT in its log' } } },
        { guard: 'logShowsAbort', target: 'aborted', actions: { type: 'note', params: { text: 'finds ABORT in its log' } } },
        {
          guard: 'logShowsYesVote',
          target: 'prepared',
          actions: [{ type: 'note', params: { text: 'finds its YES vote in its log: it is still in doubt' } }, 'askCoordinator'],
        },
        { target: 'aborted', actions: 'abortUnpromised' },
      ],
    },
    working: {
      on: {
        'vote-no': {
          actions: [base.assign({ willVoteNo: true }), { type: 'note', params: { text: 'will vote NO when asked' } }],
        },
        PREPARE: [{ guard: 'willVoteNo', target: 'aborted', actions: 'voteNo' }, { target: 'prepared', actions: 'voteYes' }],
        ABORT: { target: 'aborted', actions: 'applyAbort' },
      },
    },
    /** In doubt: it promised YES and must wait for the coordinator's decision. */
    prepared: {
      entry: 'armQuery',
      exit: { type: 'cancelTimer', params: { name: 'query' } },
      on: {
        query: [
          { guard: 'impatient', target: 'aborted', actions: 'giveUp' },
          { actions: ['askCoordinator', 'armQuery'] },
        ],
        COMMIT: { target: 'committed', actions: 'applyCommit' },
        ABORT: { target: 'aborted', actions: 'applyAbort' },
        PREPARE: { actions: 'repeatYes' },
      },
    },
    committed: {
      on: { COMMIT: { actions: 'acknowledge' }, ABORT: { actions: 'acknowledge' } },
    },
    aborted: {
      on: {
        COMMIT: { actions: 'acknowledge' },
        ABORT: { actions: 'acknowledge' },
        PREPARE: { actions: 'refuse' },
      },
    },
  },
});
