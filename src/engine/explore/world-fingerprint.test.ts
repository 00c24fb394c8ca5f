import { describe, expect, it } from 'vitest';
import { createWorld } from '../apply';
import { worldKey } from '../fingerprint';
import type { System } from '../system';
import { pingSystem } from '../testing/ping';
import { checkModel } from './check-model';
import { counterSystem } from './testing/counter';
import { tallySystem } from './testing/tally';
import { worldFingerprint } from './world-fingerprint';
import { worldModel, type FaultBudget } from './world-model';

const budget: FaultBudget = { crashes: 2, losses: 2, duplicates: 2, partitions: 1 };

/** Explores `system` and checks that equal keys and equal fingerprints always go together. */
function compare(system: System, maxDepth: number): { worlds: number; classes: number; clashes: number } {
  const model = worldModel(createWorld(system, 1), budget, worldKey);
  const byKey = new Map<string, string>();
  const byPrint = new Map<string, string>();
  let worlds = 0;
  let clashes = 0;
  checkModel(
    {
      ...model,
      key(state) {
        const key = worldKey(state.world);
        const print = worldFingerprint(state.world);
        worlds++;
        if ((byKey.get(key) ?? print) !== print || (byPrint.get(print) ?? key) !== key) clashes++;
        byKey.set(key, print);
        byPrint.set(print, key);
        return model.key(state);
      },
    },
    { maxDepth },
  );
  return { worlds, classes: byKey.size, clashes };
}

describe('worldFingerprint', () => {
  it('tells worlds apart exactly when worldKey does, through crashes, losses, duplicates and partitions', () => {
    for (const [system, depth] of [
      [{ ...pingSystem(), invariants: [] }, 11],
      [counterSystem('correct', 3), 12],
      [tallySystem(3), 10],
    ] as const) {
      const { worlds, classes, clashes } = compare(system, depth);
      expect(clashes).toBe(0);
      expect(classes).toBeGreaterThan(100);
      expect(worlds).toBeGreaterThan(classes);
    }
  });

  it('makes the checker count the same states as worldKey does', () => {
    const system = counterSystem('correct', 3);
    const byKey = checkModel(worldModel(createWorld(system, 1), budget, worldKey), { maxDepth: 12 });
    const byPrint = checkModel(worldModel(createWorld(system, 1), budget), { maxDepth: 12 });
    expect(byPrint).toEqual(byKey);
  });
});
