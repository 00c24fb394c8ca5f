// A proposer of single-decree Paxos, which is also a learner.
//
// Asked by a client to propose its own value, a proposer picks a ballot (a round higher than any
// it has used or seen, paired with its own number, so no two proposers share a ballot), writes
// the round to its log and sends PREPARE to every acceptor. Phase 1 ends with PROMISEs from a
// majority. A promise reports the acceptor's highest accepted ballot and value: if any promise
// reports one, the proposer must propose the value of the highest such ballot, because that
// value may already be chosen; only when none does may it propose its own. Phase 2 sends ACCEPT
// with that value. A NACK means a higher ballot has cut in: the proposer backs off. When its
// retry timer fires before its value is known to be chosen, it tries again with a higher round.
//
// As a learner it counts ACCEPTED messages per ballot; a majority in one ballot means the value
// is chosen, and it learns it.
//
// The failures it teaches: two proposers that keep cutting each other off never finish (the
// dueling-proposers condition; randomized backoff makes it unlikely, never impossible). The
// broken variants drop one rule: `ignores-accepted-value` proposes its own value whatever the
// promises report, `adopts-lowest-ballot` takes the value of the lowest accepted ballot reported
// rather than the highest, and `minority-quorum` starts phase 2 with too few promises. Each lets
// a later ballot choose a different value.
import { setup } from 'xstate';
import type { NodeId, Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { ballotKey, ballotText, compareBallots, type Ballot } from './ballot';
import { majorityOf, ownValue, type PaxosConfig } from './config';
import type { Received } from './messages';
import { learnedValue, tallied, type Tally } from './tally';

export interface ProposerContext {
  /** This proposer's number (1 for P1) and its own value ("A" for P1). */
  readonly number: number;
  readonly own: string;
  readonly acceptors: NodeId[];
  /** The highest round it has used or seen in a NACK: the next ballot goes above it. */
  readonly round: number;
  readonly ballot: Ballot | null;
  /** Acceptors that promised the current ballot, and the highest acceptance they reported. */
  readonly promises: NodeId[];
  readonly highest: Ballot | null;
  readonly highestValue: string | null;
  /** The value sent in phase 2 of the current ballot. */
  readonly proposal: string | null;
  /** As a learner: who accepted what, per ballot. */
  readonly tally: Tally;
  readonly learned: string | null;
  readonly boot: 'fresh' | 'recovered' | null;
  readonly retryTicks: number;
  readonly randomizedBackoff: boolean;
}

export type ProposerEvent =
  | { type: 'propose' }
  | { type: 'retry' }
  | Received<'PROMISE'>
  | Received<'NACK'>
  | Received<'ACCEPTED'>;

const isCurrent = (context: ProposerContext, ballot: Ballot) => compareBallots(context.ballot, ballot) === 0;

const base = setup({
  types: {
    context: {} as ProposerContext,
    events: {} as ProposerEvent,
    input: {} as MachineInput<PaxosConfig>,
  },
  actions: kitActions,
  guards: {
    logShowsLearned: ({ context }) => context.learned !== null,
    knowsChosen: ({ context }) => learnedValue(context.tally, majorityOf(context.acceptors.length)) !== null,
    newPromise: ({ context, event }) => event.type === 'PROMISE' && isCurrent(context, event.ballot) && !context.promises.includes(event.from),
    refusesCurrent: ({ context, event }) => event.type === 'NACK' && isCurrent(context, event.ballot),
    /** Correct: phase 2 needs promises from a majority of acceptors. */
    promiseQuorum: ({ context }) => context.promises.length >= majorityOf(context.acceptors.length),
  },
});

/** The actions a variant may replace (see variants.ts). */
export const proposerSetup = base.extend({
  actions: {
    /** Correct: counts the promise and keeps the highest accepted ballot any promise reported, with its value. */
    recordPromise: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'PROMISE') return;
      const higher = event.accepted !== null && compareBallots(event.accepted, context.highest) > 0;
      enqueue.assign({
        promises: [...context.promises, event.from],
        ...(higher ? { highest: event.accepted, highestValue: event.value } : {}),
      });
    }),
    /** Correct: the value of the highest accepted ballot among the promises, or its own when none. */
    chooseValue: base.enqueueActions(({ enqueue, context }) => {
      const promises = `has promises from ${context.promises.length} of ${context.acceptors.length} acceptors`;
      if (context.highestValue === null) {
        enqueue({ type: 'note', params: { text: `${promises}, none reporting an accepted value: it proposes its own value ${context.own}` } });
        enqueue.assign({ proposal: context.own });
        return;
      }
      const text = `${promises}; the highest accepted ballot among them is ${ballotText(context.highest)}, so it must propose its value ${context.highestValue}`;
      enqueue({ type: 'note', params: { text } });
      enqueue.assign({ proposal: context.highestValue });
    }),
  },
});

const retryTimer = (context: ProposerContext) => ({
  name: 'retry',
  ticksMin: context.retryTicks,
  ticksMax: context.randomizedBackoff ? 2 * context.retryTicks : context.retryTicks,
});

const actions = proposerSetup.extend({
  actions: {
    startBallot: base.enqueueActions(({ enqueue, context, event }) => {
      const ballot = { round: context.round + 1, proposer: context.number };
      if (event.type === 'propose') {
        enqueue({ type: 'observe', params: { value: { proposed: context.own } } });
        enqueue({ type: 'note', params: { text: `wants ${context.own} chosen and starts ballot ${ballotText(ballot)}` } });
      } else enqueue({ type: 'note', params: { text: `has not seen its value chosen in time: it starts the higher ballot ${ballotText(ballot)}` } });
      enqueue({ type: 'persist', params: { data: { round: ballot.round } } });
      enqueue.assign({ round: ballot.round, ballot, promises: [], highest: null, highestValue: null, proposal: null });
      enqueue({ type: 'observe', params: { value: { ballot: ballotKey(ballot) } } });
      enqueue({ type: 'broadcast', params: { to: context.acceptors, body: { type: 'PREPARE', ballot } } });
      enqueue({ type: 'setTimer', params: retryTimer(context) });
    }),
    sendAccept: base.enqueueActions(({ enqueue, context }) => {
      if (context.ballot === null || context.proposal === null) return;
      enqueue({ type: 'broadcast', params: { to: context.acceptors, body: { type: 'ACCEPT', ballot: context.ballot, value: context.proposal } } });
    }),
    backOff: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'NACK') return;
      const text = `is cut off by the higher ballot ${ballotText(event.promised)}: it backs off and will retry when its timer fires`;
      enqueue({ type: 'note', params: { text } });
      enqueue({ type: 'setTimer', params: retryTimer(context) });
    }),
    /** Any NACK, current or late, raises the round the next ballot must beat. */
    noteRound: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type === 'NACK' && event.promised.round > context.round) enqueue.assign({ round: event.promised.round });
    }),
    tallyAccepted: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type === 'ACCEPTED') enqueue.assign({ tally: tallied(context.tally, event.ballot, event.value, event.from) });
    }),
    learn: base.enqueueActions(({ enqueue, context }) => {
      const value = learnedValue(context.tally, majorityOf(context.acceptors.length));
      if (value === null) return;
      enqueue.assign({ learned: value });
      enqueue({ type: 'persist', params: { data: { learned: value } } });
      enqueue({ type: 'note', params: { text: `learns that ${value} is chosen: a majority of acceptors accepted it in one ballot` } });
      enqueue({ type: 'observe', params: { value: { learned: value } } });
    }),
    forgetBoot: base.assign({ boot: null }),
  },
});

function fromLog(log: Persisted | null): Pick<ProposerContext, 'round' | 'learned'> {
  const round = log?.['round'];
  const learned = log?.['learned'];
  return { round: typeof round === 'number' ? round : 0, learned: typeof learned === 'string' ? learned : null };
}

const learning = { guard: 'knowsChosen', target: '#proposer.learned', actions: 'learn' } as const;

export const proposer = actions.createMachine({
  id: 'proposer',
  context: ({ input }) => {
    const number = (input.self.peers['proposer'] ?? []).indexOf(input.self.id) + 1;
    return {
      number,
      own: ownValue(number),
      acceptors: [...(input.self.peers['acceptor'] ?? [])],
      ...fromLog(input.log),
      ballot: null,
      promises: [],
      highest: null,
      highestValue: null,
      proposal: null,
      tally: {},
      boot: input.log === null ? 'fresh' : 'recovered',
      retryTicks: input.self.config.retryTicks,
      randomizedBackoff: input.self.config.randomizedBackoff,
    };
  },
  initial: 'start',
  on: {
    ACCEPTED: { actions: 'tallyAccepted' },
    NACK: { actions: 'noteRound' },
  },
  states: {
    /** Passed through on every start: the log alone decides where to resume. */
    start: {
      exit: 'forgetBoot',
      always: [
        {
          guard: 'logShowsLearned',
          target: 'learned',
          actions: { type: 'note', params: { text: 'finds the chosen value in its log' } },
        },
        { target: 'idle' },
      ],
    },
    idle: {
      on: { propose: { target: 'proposing', actions: 'startBallot' } },
      always: learning,
    },
    proposing: {
      initial: 'preparing',
      exit: { type: 'cancelTimer', params: { name: 'retry' } },
      on: { retry: { target: '.preparing', actions: 'startBallot' } },
      always: learning,
      states: {
        /** Phase 1: collecting promises for its ballot. */
        preparing: {
          on: {
            PROMISE: { guard: 'newPromise', actions: 'recordPromise' },
            NACK: { guard: 'refusesCurrent', target: 'backoff', actions: ['noteRound', 'backOff'] },
          },
          always: { guard: 'promiseQuorum', target: 'accepting', actions: ['chooseValue', 'sendAccept'] },
        },
        /** Phase 2: the value is sent; waiting to learn that it is chosen. */
        accepting: {
          on: { NACK: { guard: 'refusesCurrent', target: 'backoff', actions: ['noteRound', 'backOff'] } },
        },
        /** A higher ballot cut in: waiting for the retry timer before trying again. */
        backoff: {},
      },
    },
    learned: {
      on: { ACCEPTED: {}, NACK: {} },
    },
  },
});
