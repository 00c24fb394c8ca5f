// The invariants of Paxos and the condition it teaches. They read what nodes *observed*
// (acceptances, proposals, learned values), not their current states, so a crash cannot hide a
// breach: an acceptance once observed stays observed, even by an acceptor that forgot it.
import type { Json, NodeId, Rule, World } from '../../engine';
// Imported from the kit's files rather than its index: these run on every step.
import { nameList, nodesWithRole, onObservations } from '../kit/world-query';
import { majorityOf } from './config';

interface Chosen {
  readonly value: string;
  /** "2.1": the ballot in which a majority accepted it. */
  readonly ballot: string;
  readonly acceptors: readonly NodeId[];
}

interface Seen {
  /** Every value chosen, once per value (the lowest ballot that chose it). */
  readonly chosen: readonly Chosen[];
  readonly proposed: ReadonlySet<string>;
  /** Learner -> the values it learned. */
  readonly learned: ReadonlyMap<NodeId, readonly string[]>;
  /** Ballots started, with the proposers that started them. */
  readonly ballots: number;
  readonly starters: readonly NodeId[];
}

const field = (value: Json, name: string): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { readonly [key: string]: Json })[name] : undefined;

const roundOf = (ballot: string) => Number(ballot.split('.')[0]);

/** One pass over the observations, shared by every rule (recomputed only when something new is observed). */
const seen = onObservations((world: World): Seen => {
  const byBallot = new Map<string, { value: string; acceptors: Set<NodeId> }>();
  const proposed = new Set<string>();
  const learned = new Map<NodeId, string[]>();
  const ballots = new Set<string>();
  const starters = new Set<NodeId>();
  for (const { node, value } of world.observations) {
    const accepted = field(value, 'accepted');
    const ballot = field(value, 'ballot');
    if (typeof accepted === 'string' && typeof ballot === 'string') {
      const entry = byBallot.get(ballot) ?? { value: accepted, acceptors: new Set<NodeId>() };
      entry.acceptors.add(node);
      byBallot.set(ballot, entry);
    } else if (typeof ballot === 'string') {
      ballots.add(ballot);
      starters.add(node);
    }
    const p = field(value, 'proposed');
    if (typeof p === 'string') proposed.add(p);
    const l = field(value, 'learned');
    if (typeof l === 'string') learned.set(node, [...(learned.get(node) ?? []), l]);
  }
  const majority = majorityOf(nodesWithRole(world, 'acceptor').length);
  const chosen: Chosen[] = [];
  const ordered = [...byBallot.entries()].sort(([a], [b]) => roundOf(a) - roundOf(b) || (a < b ? -1 : 1));
  for (const [ballot, { value, acceptors }] of ordered)
    if (acceptors.size >= majority && !chosen.some((c) => c.value === value))
      chosen.push({ value, ballot, acceptors: [...acceptors].sort((a, b) => a - b) });
  return { chosen, proposed, learned, ballots: ballots.size, starters: [...starters].sort((a, b) => a - b) };
});

const ballotWords = (ballot: string) => {
  const [round, proposer] = ballot.split('.');
  return `(${round},P${proposer})`;
};

export const agreement: Rule = {
  id: 'agreement',
  description: 'At most one value is chosen: no two ballots get different values accepted by a majority.',
  check(world) {
    const { chosen } = seen(world);
    if (chosen.length < 2) return null;
    const [first, second] = chosen as [Chosen, Chosen];
    return {
      message: `${first.value} was chosen in ballot ${ballotWords(first.ballot)} by ${nameList(world, first.acceptors)}, and ${second.value} in ballot ${ballotWords(second.ballot)} by ${nameList(world, second.acceptors)}`,
      nodes: [...new Set([...first.acceptors, ...second.acceptors])].sort((a, b) => a - b),
    };
  },
};

export const validity: Rule = {
  id: 'validity',
  description: 'Only a value that some proposer proposed can be chosen or learned.',
  check(world) {
    const { chosen, proposed, learned } = seen(world);
    const bad = chosen.find((c) => !proposed.has(c.value));
    if (bad !== undefined)
      return { message: `${bad.value} was chosen by ${nameList(world, bad.acceptors)}, but no proposer proposed it`, nodes: bad.acceptors };
    for (const [node, values] of learned) {
      const wrong = values.find((v) => !proposed.has(v));
      if (wrong !== undefined) return { message: `${nameList(world, [node])} learned ${wrong}, but no proposer proposed it`, nodes: [node] };
    }
    return null;
  },
};

export const learnerConsistency: Rule = {
  id: 'learner-consistency',
  description: 'No two learners learn different values, and no learner changes its mind.',
  check(world) {
    const { learned } = seen(world);
    const firsts = new Map<string, NodeId[]>();
    for (const [node, values] of learned) {
      if (new Set(values).size > 1) return { message: `${nameList(world, [node])} learned ${values.join(' and then ')}`, nodes: [node] };
      firsts.set(values[0]!, [...(firsts.get(values[0]!) ?? []), node]);
    }
    if (firsts.size < 2) return null;
    const parts = [...firsts.entries()].map(([value, nodes]) => `${nameList(world, nodes)} learned ${value}`);
    return { message: parts.join(' while '), nodes: [...learned.keys()].sort((a, b) => a - b) };
  },
};

/** Ballots started before the dueling proposers condition shows: each proposer has been cut off at least once. */
const duelBallotsMin = 3;

export const duelingProposers: Rule = {
  id: 'dueling-proposers',
  description: 'Ballots keep rising and nothing is chosen: two or more proposers keep cutting each other off.',
  check(world) {
    const { chosen, ballots, starters } = seen(world);
    if (chosen.length > 0 || starters.length < 2 || ballots < duelBallotsMin) return null;
    return {
      message: `${nameList(world, starters)} have started ${ballots} ballots between them and none has chosen a value yet`,
      nodes: starters,
    };
  },
};

export const invariants: readonly Rule[] = [agreement, validity, learnerConsistency];
export const conditions: readonly Rule[] = [duelingProposers];
