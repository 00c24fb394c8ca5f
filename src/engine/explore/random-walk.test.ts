import { describe, expect, it } from 'vitest';
import type { Choice } from '../choice';
import { faultBudget, faultKind } from '../fault-kinds';
import { replay } from '../run';
import { checkWorld, walkWorld } from './check-world';
import { counterSystem } from './testing/counter';

const one = faultBudget({}, 1);
const none = faultBudget({});

const faultsIn = (choices: readonly Choice[]) => choices.filter((c) => faultKind(c) !== null).map((c) => c.type);

describe('random walks with shrinking', () => {
  it('find the duplicated INC the no-dedupe counter counts twice, shrunk to a run that replays to it', () => {
    const system = counterSystem('no-dedupe');
    const result = walkWorld(system, 1, { walks: 200, steps: 30, budget: one });
    expect(result).toMatchObject({ kind: 'violation', rule: 'exactly-once' });
    if (result.kind !== 'violation') return;
    const replayed = replay(system, 1, result.choices);
    expect(replayed.ok).toBe(true);
    expect(replayed.world.violations.map((v) => v.rule)).toContain('exactly-once');
    // Shrunk to what the breadth-first search finds: ask, duplicate, deliver both.
    expect(result.choices.length).toBeLessThanOrEqual(result.walkedSteps);
    expect(result.choices).toHaveLength(4);
    expect(faultsIn(result.choices)).toEqual(['duplicate']);
  });

  it('find the volatile counter counting from zero after a crash, within the budget', () => {
    const system = counterSystem('volatile');
    const result = walkWorld(system, 1, { walks: 500, steps: 40, budget: { ...none, crashes: 1 } });
    expect(result).toMatchObject({ kind: 'violation', rule: 'monotonic-acks' });
    if (result.kind !== 'violation') return;
    expect(faultsIn(result.choices)).toEqual(['crash']);
    const shortest = checkWorld(system, 1, { maxDepth: 40, budget: { ...none, crashes: 1 } });
    expect(result.choices).toHaveLength(shortest.kind === 'violation' ? shortest.choices.length : -1);
  });

  it('never spend a fault the budget does not allow, nor crash a node not named crashable', () => {
    expect(walkWorld(counterSystem('no-dedupe'), 1, { walks: 300, steps: 30, budget: { ...one, duplicates: 0 } }).kind).toBe('none');
    const system = counterSystem('volatile');
    const client = system.nodes.findIndex((n) => n.role === 'client');
    expect(walkWorld(system, 1, { walks: 300, steps: 40, budget: { ...none, crashes: 1 }, crashable: [client] }).kind).toBe('none');
  });

  it('say how many walks and steps found nothing in the correct counter', () => {
    const result = walkWorld(counterSystem('correct'), 1, { walks: 50, steps: 20, budget: one });
    expect(result.kind).toBe('none');
    if (result.kind === 'none') {
      expect(result.walks).toBe(50);
      expect(result.steps).toBeGreaterThan(50);
      expect(result.steps).toBeLessThanOrEqual(50 * 20);
    }
  });

  it('are the same walks for the same seed, and other walks for another', () => {
    const system = counterSystem('no-dedupe');
    const run = (walkSeed: number) => walkWorld(system, 1, { walks: 200, steps: 30, budget: one, walkSeed });
    expect(run(1)).toEqual(run(1));
    const walksOf = [1, 2, 3, 4, 5].map((seed) => run(seed)).map((r) => (r.kind === 'violation' ? r.walk : 0));
    expect(new Set(walksOf).size).toBeGreaterThan(1);
  });
});
