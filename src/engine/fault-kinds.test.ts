import { describe, expect, it } from 'vitest';
import type { Choice } from './choice';
import { faultBudget, faultBudgetProblem, faultBudgetText, faultKind, faultKinds } from './fault-kinds';

describe('fault kinds', () => {
  it('charges a crash, a drop, a duplicate and a partition each to its own budget, and nothing else', () => {
    const choices: Choice[] = [
      { type: 'crash', node: 1 },
      { type: 'drop', id: 3 },
      { type: 'duplicate', id: 3 },
      { type: 'partition', groups: [[0], [1]] },
      { type: 'deliver', id: 3 },
      { type: 'fire', id: 4 },
      { type: 'restart', node: 1 },
      { type: 'heal' },
      { type: 'client', node: 0, op: 'begin' },
      { type: 'network', options: { lossPercent: 10 } },
    ];
    expect(choices.map(faultKind)).toEqual(['crashes', 'losses', 'duplicates', 'partitions', null, null, null, null, null, null]);
  });

  it('fills a budget that names some kinds with none of the others, or with the number given', () => {
    expect(faultBudget({ crashes: 1 })).toEqual({ crashes: 1, losses: 0, duplicates: 0, partitions: 0 });
    expect(faultBudget({ losses: 2 }, 1)).toEqual({ crashes: 1, losses: 2, duplicates: 1, partitions: 1 });
    expect(Object.keys(faultBudget({}))).toEqual(faultKinds.map((k) => k.kind));
  });

  it('says what is wrong with a negative or fractional budget, and reads a budget in words', () => {
    expect(faultBudgetProblem({ crashes: 1, losses: 0 })).toBeNull();
    expect(faultBudgetProblem({ crashes: -1 })).toBe('the budget of crashes must be a whole number, at least 0; got -1');
    expect(faultBudgetProblem({ partitions: 0.5 })).toMatch(/budget of partitions/);
    expect(faultBudgetText(faultBudget({ crashes: 1, losses: 2 }))).toBe('1 crash, 2 losses, 0 duplicates, 0 partitions');
  });
});
