// The correct protocol and four deliberately broken ones. Each broken variant replaces one
// named action or guard of a role's machine with `machine.provide(...)`: the statechart stays
// the same, and the whole difference is the few lines below.
import type { VariantDefinition } from '../kit';
import { acceptor, acceptorSetup } from './acceptor';
import { ballotText, compareBallots } from './ballot';
import { proposer, proposerSetup } from './proposer';
import { splitAcceptances } from './scenarios-broken';

/** Keeps its promise and its acceptance only in memory: a crash erases both. */
const forgetfulAcceptor = acceptor.provide({
  actions: {
    logPromise: acceptorSetup.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'note', params: { text: 'does not write its promise to its log' } });
    }),
    logAcceptance: acceptorSetup.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'note', params: { text: 'does not write its acceptance to its log' } });
    }),
  },
});

/** Proposes its own value even when a promise reports an accepted one. */
const stubbornProposer = proposer.provide({
  actions: {
    chooseValue: proposerSetup.enqueueActions(({ enqueue, context }) => {
      const ignored = context.highestValue === null ? '' : `, ignoring ${context.highestValue} accepted in ${ballotText(context.highest)}`;
      enqueue({ type: 'note', params: { text: `has promises from ${context.promises.length} of ${context.acceptors.length} acceptors and proposes its own value ${context.own}${ignored}` } });
      enqueue.assign({ proposal: context.own });
    }),
  },
});

/** Keeps the lowest accepted ballot its promises report: that value may have been superseded by a chosen one. */
const lowestBallotProposer = proposer.provide({
  actions: {
    recordPromise: proposerSetup.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'PROMISE') return;
      const lower = event.accepted !== null && (context.highest === null || compareBallots(event.accepted, context.highest) < 0);
      enqueue.assign({ promises: [...context.promises, event.from], ...(lower ? { highest: event.accepted, highestValue: event.value } : {}) });
    }),
  },
});

/** Starts phase 2 with ⌊n/2⌋ promises: two such minorities need not overlap. */
const minorityQuorumProposer = proposer.provide({
  guards: {
    promiseQuorum: ({ context }) => context.promises.length >= Math.max(1, Math.floor(context.acceptors.length / 2)),
  },
});

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Paxos with logged promises and acceptances, majority quorums, and proposers that adopt the highest accepted value.',
  },
  {
    id: 'forgetful-acceptor',
    title: 'Forgetful acceptor',
    explanation: 'An acceptor does not write its promise and acceptance to its log, so a crash erases them.',
    machines: { acceptor: forgetfulAcceptor },
  },
  {
    id: 'ignores-accepted-value',
    title: 'Ignores accepted value',
    explanation: 'A proposer proposes its own value even when a promise reports a value already accepted.',
    machines: { proposer: stubbornProposer },
  },
  {
    id: 'adopts-lowest-ballot',
    title: 'Adopts the lowest ballot',
    explanation: 'A proposer whose promises report values accepted in different ballots proposes the value of the lowest ballot, not the highest.',
    machines: { proposer: lowestBallotProposer },
    // The bug needs two values accepted in two ballots, which the usual start (A already chosen,
    // nothing else accepted) never has; it starts where they are.
    checkingPrefix: { summary: 'A accepted by A1 alone in ballot (1,P1), then B chosen by A2 and A3 in (1,P2); P1 has not heard', steps: splitAcceptances },
  },
  {
    id: 'minority-quorum',
    title: 'Minority quorum',
    explanation: 'A proposer starts phase 2 with promises from only ⌊n/2⌋ acceptors, not a majority.',
    machines: { proposer: minorityQuorumProposer },
  },
];
