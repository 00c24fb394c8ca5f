// The coordinator of two-phase commit.
//
// A client asks it to commit a transaction. It writes "started" to its log and sends PREPARE to
// every participant, then collects votes until a deadline (the vote timeout). If every vote is
// YES it decides COMMIT; on any NO, or when the deadline passes, it decides ABORT. It writes the
// decision to its log *before* telling anyone, then sends it to every participant, resending
// on a timer until each has acknowledged; with every ACK in, it logs the end and is finished.
//
// The log is the coordinator's memory across crashes. On restart it reads only the log: a
// logged decision is sent again; a started transaction with no decision is aborted ("presumed
// abort"), which is safe because no participant can have been told COMMIT. A participant that
// asks (QUERY) gets the logged decision, or ABORT when there is no record at all.
//
// The failure it teaches: while the coordinator is down, participants that voted YES are stuck
// in doubt; they may neither commit nor abort until it comes back. The broken variant
// `no-decision-log` sends the decision before logging it, so a crash in between makes the
// recovered coordinator presume ABORT after some participants have already committed.
import { setup } from 'xstate';
import type { NodeId, Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import type { TwoPhaseConfig } from './config';
import { asDecision, decisionMessage, type Decision, type Received, type Vote } from './messages';

export interface CoordinatorContext {
  /** Participant node ids, in order; `votes` and `acked` are indexed like it. */
  readonly participants: NodeId[];
  readonly votes: (Vote | null)[];
  readonly acked: boolean[];
  readonly decision: Decision | null;
  /** What the log said at start-up; cleared once the coordinator has acted on it. */
  readonly boot: 'fresh' | 'empty' | 'started' | 'decided' | 'ended' | null;
  readonly voteTimeoutTicks: number;
  readonly retryTicks: number;
}

export type CoordinatorEvent = { type: 'begin' } | { type: 'resend' } | Received<'VOTE'> | Received<'ACK'> | Received<'QUERY'>;

function bootFrom(log: Persisted | null): CoordinatorContext['boot'] {
  if (log === null) return 'fresh';
  if (log['ended'] === true) return 'ended';
  if (asDecision(log['decision']) !== null) return 'decided';
  return log['started'] === true ? 'started' : 'empty';
}

const position = (context: CoordinatorContext, node: NodeId) => context.participants.indexOf(node);

const base = setup({
  types: {
    context: {} as CoordinatorContext,
    events: {} as CoordinatorEvent,
    input: {} as MachineInput<TwoPhaseConfig>,
  },
  actions: kitActions,
  guards: {
    freshStart: ({ context }) => context.boot === 'fresh',
    logShowsEnd: ({ context }) => context.boot === 'ended',
    logShowsCommit: ({ context }) => context.boot === 'decided' && context.decision === 'commit',
    logShowsAbort: ({ context }) => context.boot === 'decided' && context.decision === 'abort',
    logShowsStart: ({ context }) => context.boot === 'started',
    votedNo: ({ event }) => event.type === 'VOTE' && event.vote === 'no',
    allVotedYes: ({ context }) => context.votes.every((v) => v === 'yes'),
    allAcked: ({ context }) => context.acked.every((a) => a),
  },
  delays: {
    voteTimeout: ({ context }) => context.voteTimeoutTicks,
  },
});

/** The actions a variant may replace (see variants.ts). */
export const coordinatorSetup = base.extend({
  actions: {
    /** Correct: the decision reaches the log before any participant hears it. */
    logDecision: base.enqueueActions(({ enqueue, context }) => {
      if (context.decision !== null) enqueue({ type: 'persist', params: { data: { decision: context.decision } } });
    }),
    /** Correct: the decision is already in the log; the end record lets a restart skip resending. */
    logEnd: base.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'persist', params: { data: { ended: true } } });
    }),
  },
});

const actions = coordinatorSetup.extend({
  actions: {
    beginTransaction: base.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'note', params: { text: 'starts a transaction and asks every participant to PREPARE' } });
      enqueue({ type: 'persist', params: { data: { started: true } } });
      enqueue({ type: 'broadcast', params: { role: 'participant', body: { type: 'PREPARE' } } });
    }),
    recordVote: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'VOTE') return;
      const i = position(context, event.from);
      if (i >= 0) enqueue.assign({ votes: context.votes.map((v, j) => (j === i ? event.vote : v)) });
    }),
    decideCommit: coordinatorSetup.enqueueActions(({ enqueue }) => {
      enqueue.assign({ decision: 'commit' });
      enqueue({ type: 'observe', params: { value: { decision: 'commit' } } });
      enqueue('logDecision');
    }),
    decideAbort: coordinatorSetup.enqueueActions(({ enqueue }) => {
      enqueue.assign({ decision: 'abort' });
      enqueue({ type: 'observe', params: { value: { decision: 'abort' } } });
      enqueue('logDecision');
    }),
    /** Recovery with "started" but no decision in the log. Always logged first: nothing was sent yet. */
    presumeAbort: base.enqueueActions(({ enqueue }) => {
      enqueue.assign({ decision: 'abort' });
      enqueue({ type: 'note', params: { text: 'finds a started transaction but no decision in its log: it presumes ABORT' } });
      enqueue({ type: 'persist', params: { data: { decision: 'abort' } } });
      enqueue({ type: 'observe', params: { value: { decision: 'abort' } } });
    }),
    /** Sends the decision to every participant that has not acknowledged it, and re-arms the resend timer. */
    announceDecision: base.enqueueActions(({ enqueue, context }) => {
      if (context.decision === null) return;
      const to = context.participants.filter((_, i) => !context.acked[i]);
      enqueue({ type: 'broadcast', params: { to, body: decisionMessage(context.decision) } });
      enqueue({ type: 'setTimer', params: { name: 'resend', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    recordAck: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'ACK') return;
      const i = position(context, event.from);
      if (i >= 0) enqueue.assign({ acked: context.acked.map((a, j) => a || j === i) });
    }),
    /** Presumed abort: with no decision on record, the answer is ABORT. */
    answerQuery: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'QUERY') return;
      if (context.decision === null)
        enqueue({ type: 'note', params: { text: 'has no record of a decision: it answers ABORT (presumed abort)' } });
      enqueue({ type: 'send', params: { to: event.from, body: decisionMessage(context.decision ?? 'abort') } });
    }),
    forgetBoot: base.assign({ boot: null }),
  },
});

export const coordinator = actions.createMachine({
  id: 'coordinator',
  context: ({ input }) => {
    const participants = [...(input.self.peers['participant'] ?? [])];
    return {
      participants,
      votes: participants.map(() => null),
      acked: participants.map(() => false),
      decision: asDecision(input.log?.['decision']),
      boot: bootFrom(input.log),
      voteTimeoutTicks: input.self.config.voteTimeoutTicks,
      retryTicks: input.self.config.retryTicks,
    };
  },
  initial: 'start',
  states: {
    /** Passed through on every start: the log alone decides where to resume. */
    start: {
      exit: 'forgetBoot',
      always: [
        { guard: 'freshStart', target: 'idle' },
        {
          guard: 'logShowsEnd',
          target: 'finished',
          actions: { type: 'note', params: { text: 'finds the finished transaction in its log' } },
        },
        {
          guard: 'logShowsCommit',
          target: 'decided.commit',
          actions: { type: 'note', params: { text: 'finds COMMIT in its log and sends it again' } },
        },
        {
          guard: 'logShowsAbort',
          target: 'decided.abort',
          actions: { type: 'note', params: { text: 'finds ABORT in its log and sends it again' } },
        },
        { guard: 'logShowsStart', target: 'decided.abort', actions: 'presumeAbort' },
        { target: 'idle', actions: { type: 'note', params: { text: 'finds an empty log: no transaction was running' } } },
      ],
    },
    idle: {
      on: {
        begin: { target: 'preparing', actions: 'beginTransaction' },
        QUERY: { actions: 'answerQuery' },
      },
    },
    preparing: {
      after: {
        voteTimeout: {
          target: 'decided.abort',
          actions: [{ type: 'note', params: { text: 'decides ABORT: not every vote arrived in time' } }, 'decideAbort'],
        },
      },
      on: {
        VOTE: [
          {
            guard: 'votedNo',
            target: 'decided.abort',
            actions: ['recordVote', { type: 'note', params: { text: 'decides ABORT: a participant voted NO' } }, 'decideAbort'],
          },
          { actions: 'recordVote' },
        ],
        QUERY: { actions: { type: 'note', params: { text: 'has not decided yet, so it does not answer the QUERY' } } },
      },
      always: {
        guard: 'allVotedYes',
        target: 'decided.commit',
        actions: [{ type: 'note', params: { text: 'decides COMMIT: every participant voted YES' } }, 'decideCommit'],
      },
    },
    /** The decision is made; it is delivered until every participant has acknowledged it. */
    decided: {
      entry: 'announceDecision',
      exit: { type: 'cancelTimer', params: { name: 'resend' } },
      initial: 'commit',
      states: { commit: {}, abort: {} },
      on: {
        ACK: { actions: 'recordAck' },
        resend: { actions: 'announceDecision' },
        QUERY: { actions: 'answerQuery' },
      },
      always: {
        guard: 'allAcked',
        target: 'finished',
        actions: [{ type: 'note', params: { text: 'has every acknowledgement: the transaction is finished' } }, 'logEnd'],
      },
    },
    finished: {
      on: { QUERY: { actions: 'answerQuery' } },
    },
  },
});
