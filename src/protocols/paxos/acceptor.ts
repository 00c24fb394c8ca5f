// An acceptor of single-decree Paxos.
//
// An acceptor is one vote in a majority. In phase 1 a proposer asks it to PREPARE for a ballot;
// if that ballot is at least as high as any it has promised, it promises to ignore every lower
// ballot and answers PROMISE, reporting the highest ballot it has accepted and that ballot's
// value; otherwise it answers NACK, naming the higher ballot it has promised. In phase 2 a
// proposer asks it to ACCEPT a value in a ballot; it accepts unless it has promised a higher
// ballot, and tells every learner ACCEPTED. A value is chosen once a majority of acceptors has
// accepted it in the same ballot.
//
// The promise and the acceptance are written to the log (ballots as their text, "(2,P1)")
// *before* the reply leaves: a promise
// that a crash could erase is no promise. On restart the acceptor reads only its log.
//
// The failure it teaches: the broken variant `forgetful-acceptor` keeps its promise and its
// acceptance only in memory. After a crash it has forgotten that it helped choose a value, so it
// can promise and accept a later ballot that carries a different value: two values get chosen.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { ballotKey, parseBallot, ballotText, compareBallots, type Ballot } from './ballot';
import type { Received } from './messages';

export interface AcceptorContext {
  /** The highest ballot promised: lower ballots are refused. */
  readonly promised: Ballot | null;
  /** The highest ballot in which it accepted a value, and that value. */
  readonly accepted: Ballot | null;
  readonly value: string | null;
  /** What the log said at start-up; cleared once acted on. */
  readonly boot: 'fresh' | 'recovered' | null;
}

export type AcceptorEvent = Received<'PREPARE'> | Received<'ACCEPT'>;

const base = setup({
  types: {
    context: {} as AcceptorContext,
    events: {} as AcceptorEvent,
    input: {} as MachineInput,
  },
  actions: kitActions,
  guards: {
    freshStart: ({ context }) => context.boot === 'fresh',
    logShowsAcceptance: ({ context }) => context.accepted !== null,
    logShowsPromise: ({ context }) => context.promised !== null,
    /** A ballot may be promised or accepted unless a higher one was promised. */
    notBelowPromise: ({ context, event }) => compareBallots(event.ballot, context.promised) >= 0,
  },
});

/** The actions a variant may replace (see variants.ts). */
export const acceptorSetup = base.extend({
  actions: {
    /** Correct: the promise reaches the log before the proposer hears it. */
    logPromise: base.enqueueActions(({ enqueue, event }) => {
      enqueue({ type: 'persist', params: { data: { promised: ballotText(event.ballot) } } });
    }),
    /** Correct: the acceptance reaches the log before any learner hears of it. */
    logAcceptance: base.enqueueActions(({ enqueue, event }) => {
      if (event.type !== 'ACCEPT') return;
      enqueue({ type: 'persist', params: { data: { promised: ballotText(event.ballot), accepted: ballotText(event.ballot), value: event.value } } });
    }),
  },
});

const actions = acceptorSetup.extend({
  actions: {
    promise: acceptorSetup.enqueueActions(({ enqueue, context, event }) => {
      const what = context.accepted === null ? 'it has accepted nothing' : `it accepted ${context.value} in ${ballotText(context.accepted)}`;
      enqueue('logPromise');
      enqueue.assign({ promised: event.ballot });
      enqueue({ type: 'note', params: { text: `promises ballot ${ballotText(event.ballot)} and reports that ${what}` } });
      const body = { type: 'PROMISE', ballot: event.ballot, accepted: context.accepted, value: context.value };
      enqueue({ type: 'send', params: { to: event.from, body } });
    }),
    accept: acceptorSetup.enqueueActions(({ enqueue, event }) => {
      if (event.type !== 'ACCEPT') return;
      enqueue('logAcceptance');
      enqueue.assign({ promised: event.ballot, accepted: event.ballot, value: event.value });
      enqueue({ type: 'note', params: { text: `accepts ${event.value} in ballot ${ballotText(event.ballot)}` } });
      enqueue({ type: 'observe', params: { value: { accepted: event.value, ballot: ballotKey(event.ballot) } } });
      enqueue({ type: 'broadcast', params: { role: 'proposer', body: { type: 'ACCEPTED', ballot: event.ballot, value: event.value } } });
    }),
    refuse: base.enqueueActions(({ enqueue, context, event }) => {
      if (context.promised === null) return;
      const text = `refuses ballot ${ballotText(event.ballot)}: it has promised the higher ballot ${ballotText(context.promised)}`;
      enqueue({ type: 'note', params: { text } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'NACK', ballot: event.ballot, promised: context.promised } } });
    }),
    forgetBoot: base.assign({ boot: null }),
  },
});

/** What a log says the acceptor promised and accepted. */
export function fromLog(log: Persisted | null): Omit<AcceptorContext, 'boot'> {
  const value = log?.['value'];
  return {
    promised: parseBallot(log?.['promised']),
    accepted: parseBallot(log?.['accepted']),
    value: typeof value === 'string' ? value : null,
  };
}

const answer = {
  PREPARE: [{ guard: 'notBelowPromise', actions: 'promise' }, { actions: 'refuse' }],
  ACCEPT: [{ guard: 'notBelowPromise', target: 'accepted', actions: 'accept' }, { actions: 'refuse' }],
} as const;

export const acceptor = actions.createMachine({
  id: 'acceptor',
  context: ({ input }) => ({ ...fromLog(input.log), boot: input.log === null ? 'fresh' : 'recovered' }),
  initial: 'start',
  states: {
    /** Passed through on every start: the log alone decides where to resume. */
    start: {
      exit: 'forgetBoot',
      always: [
        { guard: 'freshStart', target: 'idle' },
        {
          guard: 'logShowsAcceptance',
          target: 'accepted',
          actions: { type: 'note', params: { text: 'finds its promise and its accepted value in its log' } },
        },
        { guard: 'logShowsPromise', target: 'promised', actions: { type: 'note', params: { text: 'finds its promise in its log' } } },
        { target: 'idle', actions: { type: 'note', params: { text: 'finds an empty log: it has promised and accepted nothing' } } },
      ],
    },
    /** Nothing promised, nothing accepted. */
    idle: {
      on: { PREPARE: { target: 'promised', actions: 'promise' }, ACCEPT: { target: 'accepted', actions: 'accept' } },
    },
    /** Has promised a ballot, accepted nothing yet. */
    promised: { on: answer },
    /** Has accepted a value (and may since have promised a higher ballot). */
    accepted: { on: answer },
  },
});
