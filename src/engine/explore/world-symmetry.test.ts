import { describe, expect, it } from 'vitest';
import { apply, createWorld } from '../perform';
import type { Choice } from '../choice';
import { worldKey } from '../fingerprint';
import { replay } from '../run';
import type { World } from '../world';
import { checkWorld } from './check-world';
import { permutationsWithin } from './symmetry';
import { tallySystem } from './testing/tally';
import { renameWorld, symmetricWorldKey } from './world-symmetry';

const none = { crashes: 0, losses: 0, duplicates: 0, partitions: 0 };
const voters = [1, 2, 3];

function play(world: World, choices: readonly Choice[]): World {
  return choices.reduce(apply, world);
}

describe('symmetry reduction over interchangeable nodes', () => {
  it('visits each arrangement of three voters once: 10 states instead of 27', () => {
    // Each voter is undecided, voted with its VOTE in flight, or counted: 3^3 arrangements,
    // of which 10 are different up to renaming the voters.
    expect(checkWorld(tallySystem(3), 1, { maxDepth: 20, budget: none })).toMatchObject({ kind: 'none', distinctStates: 27, exhaustive: true });
    expect(checkWorld(tallySystem(3), 1, { maxDepth: 20, budget: none, symmetry: [voters] })).toMatchObject({
      kind: 'none',
      distinctStates: 10,
      depth: 7,
      exhaustive: true,
    });
  });

  it('reaches the same verdict with faults, and its counterexample still replays', () => {
    const budget = { ...none, crashes: 1, duplicates: 1 };
    const plain = checkWorld(tallySystem(3), 1, { maxDepth: 20, budget });
    const reduced = checkWorld(tallySystem(3), 1, { maxDepth: 20, budget, symmetry: [voters] });
    expect(reduced).toMatchObject({ kind: 'violation', rule: 'no-double-count', depth: plain.depth });
    expect(reduced.distinctStates).toBeLessThan(plain.distinctStates);
    if (reduced.kind !== 'violation') return;
    const run = replay(tallySystem(3), 1, reduced.choices);
    expect(run.ok && run.world.violations[0]?.rule).toBe('no-double-count');
  });

  it('gives a world and every renaming of its voters the same key', () => {
    const system = tallySystem(3);
    const world = play(createWorld(system, 1), [
      { type: 'client', node: 1, op: 'vote' },
      { type: 'client', node: 3, op: 'vote' },
      { type: 'deliver', id: 0 },
      { type: 'crash', node: 2 },
      { type: 'partition', groups: [[3]] },
    ]);
    const key = symmetricWorldKey(system, [voters]);
    const renamings = permutationsWithin([voters], 4);
    expect(renamings).toHaveLength(6);
    const plainKeys = new Set(renamings.map((r) => worldKey(renameWorld(world, r))));
    expect(plainKeys.size).toBe(6);
    expect(new Set(renamings.map((r) => key(renameWorld(world, r))))).toEqual(new Set([key(world)]));
  });

  it('keeps apart worlds that differ in more than the names of the voters', () => {
    const system = tallySystem(3);
    const key = symmetricWorldKey(system, [voters]);
    const start = createWorld(system, 1);
    const inFlight = play(start, [{ type: 'client', node: 1, op: 'vote' }]);
    const counted = play(inFlight, [{ type: 'deliver', id: 0 }]);
    const otherInFlight = play(start, [{ type: 'client', node: 2, op: 'vote' }]);
    expect(key(inFlight)).toBe(key(otherInFlight));
    expect(key(inFlight)).not.toBe(key(counted));
    expect(key(inFlight)).not.toBe(key(start));
  });

  it('rejects groups whose nodes are not interchangeable, naming them', () => {
    const system = tallySystem(3);
    expect(() => checkWorld(system, 1, { maxDepth: 3, budget: none, symmetry: [[0, 1]] })).toThrow(/tally and voter 1 are not interchangeable/);
    expect(() => symmetricWorldKey(system, [[1, 9]])).toThrow(/names 9, which is not an id from 0 to 3/);
    expect(() => symmetricWorldKey(system, [[1, 2], [2, 3]])).toThrow(/id 2 is in two symmetry groups/);
  });

  it('lists every renaming within the groups, the identity first, and refuses too many', () => {
    expect(permutationsWithin([[0, 2]], 3)).toEqual([
      [0, 1, 2],
      [2, 1, 0],
    ]);
    expect(permutationsWithin([[0, 1], [2, 3]], 4)).toHaveLength(4);
    expect(() => permutationsWithin([[0, 1, 2, 3, 4, 5, 6, 7, 8]], 9)).toThrow(/362880 renamings, more than the limit/);
  });
});
