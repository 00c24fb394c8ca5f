import { describe, expect, it } from 'vitest';
import { checkModel } from './check-model';
import { chosenValues, paxosTla } from './testing/paxos-tla';

// TLC's figures for Lamport's Paxos.tla with Acceptor = {a1, a2, a3}, Value = {v1, v2},
// Ballot = 0..1, majority quorums and no symmetry: 3,921 distinct states, depth 17.
const size = { acceptors: 3, values: 2, ballots: 2 };

describe('Paxos.tla cross-check against TLC', () => {
  it('finds exactly the 3,921 distinct states and depth 17 that TLC reports for 3 acceptors, 2 values and ballots 0..1', () => {
    expect(checkModel(paxosTla(size))).toEqual({ kind: 'none', distinctStates: 3921, depth: 17, exhaustive: true, stoppedBy: null });
  });

  it('reaches states where a value is chosen, so the consistency check is not vacuous', () => {
    const model = paxosTla(size);
    const majorities = [[0, 1], [0, 2], [1, 2], [0, 1, 2]];
    const chosen = checkModel({
      ...model,
      violation: (s) => (chosenValues(s, majorities).length > 0 ? { rule: 'chosen', message: 'a value is chosen' } : null),
    });
    // Phase1a, two Phase1b, Phase2a, two Phase2b: a value is chosen after six steps at the earliest.
    expect(chosen).toMatchObject({ kind: 'violation', rule: 'chosen', depth: 7 });
  });

  it('catches a Phase2a that ignores the values reported in phase 1: two values get chosen', () => {
    const result = checkModel(paxosTla(size, 'any-value'));
    expect(result).toMatchObject({ kind: 'violation', rule: 'Consistency', message: 'values 0 and 1 are both chosen' });
    if (result.kind !== 'violation') return;
    expect(result.actions.filter((a) => a.type === 'Phase2a').map((a) => a.type === 'Phase2a' && a.bal)).toEqual([0, 1]);
  });
});
