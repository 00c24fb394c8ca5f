// The invariants of Paxos and the condition it teaches. They read what nodes *observed*
// (acceptances, proposals, learned values), not their current states, so a crash cannot hide a
// breach: an acceptance once observed stays observed, even by an acceptor that forgot it.
import type { Json, NodeId, Rule, World } from '../../engine';
// Imported from the kit's files rather than its index: these run on every step.
import { foldObservations } from '../kit/observation-fold';
import { nameList, nodesWithRole, onObservations } from '../kit/world-query';
import { majorityOf } from './config';

interface Chosen {
  readonly value: string;
  /** "2.1": the ballot in which a majority accepted it. */
  readonly ballot: string;
  readonly acceptors: readonly NodeId[];
}

interface Seen {
  /** Every value chosen, once per value (the lowest ballot that chose it), lowest ballot first. */
  readonly chosen: readonly Chosen[];
  readonly proposed: ReadonlySet<string>;
  /** Learner -> the different values it learned, in the order it learned them. */
  readonly learned: ReadonlyMap<NodeId, readonly string[]>;
  /** Ballots started, with the proposers that started them. */
  readonly ballots: number;
  readonly starters: readonly NodeId[];
}

/** What the fold keeps, changed in place one observation at a time (see kit/observation-fold.ts). */
interface Summary {
  /** Ballot -> its value and the acceptors that accepted it. Entries are replaced, never changed. */
  readonly byBallot: Map<string, { readonly value: string; readonly acceptors: ReadonlySet<NodeId> }>;
  /** Value -> the lowest ballot in which a majority accepted it. */
  readonly chosenIn: Map<string, string>;
  readonly proposed: Set<string>;
  readonly learned: Map<NodeId, string[]>;
  /** A proposer's ballots rise strictly (it logs its round before PREPARE), so each start is a new ballot. */
  ballots: number;
  readonly starters: Set<NodeId>;
}

const field = (value: Json, name: string): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { readonly [key: string]: Json })[name] : undefined;

const roundOf = (ballot: string) => Number(ballot.split('.')[0]);
/** Ballots in the order Paxos ranks them: by round, then by proposer. */
const ballotOrder = (a: string, b: string) => roundOf(a) - roundOf(b) || (a < b ? -1 : a > b ? 1 : 0);

function accept(summary: Summary, world: World, node: NodeId, value: string, ballot: string): void {
  const entry = summary.byBallot.get(ballot) ?? { value, acceptors: new Set<NodeId>() };
  if (entry.acceptors.has(node)) return;
  const acceptors = new Set(entry.acceptors).add(node);
  summary.byBallot.set(ballot, { value: entry.value, acceptors });
  if (acceptors.size < majorityOf(nodesWithRole(world, 'acceptor').length)) return;
  const before = summary.chosenIn.get(entry.value);
  if (before === undefined || ballotOrder(ballot, before) < 0) summary.chosenIn.set(entry.value, ballot);
}

const summary = foldObservations<Summary>({
  start: () => ({ byBallot: new Map(), chosenIn: new Map(), proposed: new Set(), learned: new Map(), ballots: 0, starters: new Set() }),
  add(summary, { node, value }, world) {
    const accepted = field(value, 'accepted');
    const ballot = field(value, 'ballot');
    if (typeof accepted === 'string' && typeof ballot === 'string') accept(summary, world, node, accepted, ballot);
    else if (typeof ballot === 'string') {
      summary.ballots++;
      summary.starters.add(node);
    }
    const p = field(value, 'proposed');
    if (typeof p === 'string') summary.proposed.add(p);
    const l = field(value, 'learned');
    if (typeof l === 'string') {
      const values = summary.learned.get(node) ?? [];
      if (!values.includes(l)) summary.learned.set(node, [...values, l]);
    }
  },
  copy: (s) => ({
    byBallot: new Map(s.byBallot),
    chosenIn: new Map(s.chosenIn),
    proposed: new Set(s.proposed),
    learned: new Map(s.learned),
    ballots: s.ballots,
    starters: new Set(s.starters),
  }),
});

/** What every rule reads, made from the summary in time that does not grow with the run. */
const seen = onObservations((world: World): Seen => {
  const s = summary(world);
  const chosen = [...s.chosenIn]
    .sort(([, a], [, b]) => ballotOrder(a, b))
    .map(([value, ballot]) => ({ value, ballot, acceptors: [...s.byBallot.get(ballot)!.acceptors].sort((a, b) => a - b) }));
  return {
    chosen,
    proposed: new Set(s.proposed),
    learned: new Map(s.learned),
    ballots: s.ballots,
    starters: [...s.starters].sort((a, b) => a - b),
  };
});

const ballotWords = (ballot: string) => {
  const [round, proposer] = ballot.split('.');
  return `(${round},P${proposer})`;
};

export const agreement: Rule = {
  id: 'agreement',
  description: 'At most one value is chosen: no two ballots get different values accepted by a majority.',
  check: onObservations((world) => {
    const { chosen } = seen(world);
    if (chosen.length < 2) return null;
    const [first, second] = chosen as [Chosen, Chosen];
    return {
      message: `${first.value} was chosen in ballot ${ballotWords(first.ballot)} by ${nameList(world, first.acceptors)}, and ${second.value} in ballot ${ballotWords(second.ballot)} by ${nameList(world, second.acceptors)}`,
      nodes: [...new Set([...first.acceptors, ...second.acceptors])].sort((a, b) => a - b),
    };
  }),
};

export const validity: Rule = {
  id: 'validity',
  description: 'Only a value that some proposer proposed can be chosen or learned.',
  check: onObservations((world) => {
    const { chosen, proposed, learned } = seen(world);
    const bad = chosen.find((c) => !proposed.has(c.value));
    if (bad !== undefined)
      return { message: `${bad.value} was chosen by ${nameList(world, bad.acceptors)}, but no proposer proposed it`, nodes: bad.acceptors };
    for (const [node, values] of learned) {
      const wrong = values.find((v) => !proposed.has(v));
      if (wrong !== undefined) return { message: `${nameList(world, [node])} learned ${wrong}, but no proposer proposed it`, nodes: [node] };
    }
    return null;
  }),
};

export const learnerConsistency: Rule = {
  id: 'learner-consistency',
  description: 'No two learners learn different values, and no learner changes its mind.',
  check: onObservations((world) => {
    const { learned } = seen(world);
    const firsts = new Map<string, NodeId[]>();
    for (const [node, values] of learned) {
      if (new Set(values).size > 1) return { message: `${nameList(world, [node])} learned ${values.join(' and then ')}`, nodes: [node] };
      firsts.set(values[0]!, [...(firsts.get(values[0]!) ?? []), node]);
    }
    if (firsts.size < 2) return null;
    const parts = [...firsts.entries()].map(([value, nodes]) => `${nameList(world, nodes)} learned ${value}`);
    return { message: parts.join(' while '), nodes: [...learned.keys()].sort((a, b) => a - b) };
  }),
};

/** Ballots started before the dueling proposers condition shows: each proposer has been cut off at least once. */
const duelBallotsMin = 3;

export const duelingProposers: Rule = {
  id: 'dueling-proposers',
  description: 'Ballots keep rising and nothing is chosen: two or more proposers keep cutting each other off.',
  check: onObservations((world) => {
    const { chosen, ballots, starters } = seen(world);
    if (chosen.length > 0 || starters.length < 2 || ballots < duelBallotsMin) return null;
    return {
      message: `${nameList(world, starters)} have started ${ballots} ballots between them and none has chosen a value yet`,
      nodes: starters,
    };
  }),
};

export const invariants: readonly Rule[] = [agreement, validity, learnerConsistency];
export const conditions: readonly Rule[] = [duelingProposers];
