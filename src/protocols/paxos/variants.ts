// The correct protocol and three deliberately broken ones. Each broken variant replaces one
// named action or guard of a role's machine with `machine.provide(...)`: the statechart stays
// the same, and the whole difference is the few lines below.
import type { VariantDefinition } from '../kit';
import { acceptor, acceptorSetup } from './acceptor';
import { ballotText } from './ballot';
import { proposer, proposerSetup } from './proposer';

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
    id: 'minority-quorum',
    title: 'Minority quorum',
    explanation: 'A proposer starts phase 2 with promises from only ⌊n/2⌋ acceptors, not a majority.',
    machines: { proposer: minorityQuorumProposer },
  },
];
