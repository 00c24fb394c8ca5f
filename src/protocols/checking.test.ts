import { describe, expect, it } from 'vitest';
import { checkWorld } from '../engine';
import { checkingBoundsOf, checkingStartOf } from './kit';
import { protocols } from './registry';
import { configGrid } from './testing/config-grid';

describe('the default model check, on every small config of every protocol', () => {
  for (const protocol of protocols)
    it(`${protocol.id}: starts where it should and searches, for every variant and config`, () => {
      const grid = configGrid(protocol);
      expect(grid.length).toBeGreaterThan(1);
      for (const config of grid)
        for (const { id: variant } of protocol.variants) {
          const where = `${variant} with ${JSON.stringify(config)}`;
          const start = checkingStartOf(protocol, variant, config);
          // A start the config cannot reach (a story naming S4 on three nodes) falls back, saying so.
          if (start.fallback !== null) expect(start.fallback, where).toMatch(/starts from the beginning$/);
          const result = checkWorld(protocol.build(config, variant), 1, { maxDepth: 3, maxStates: 300, budget: protocol.checking.budget, prefix: start.choices });
          expect(['none', 'violation'], where).toContain(result.kind);
        }
    });

  it('says in words where the Paxos search starts, for the config it is given', () => {
    const paxos = protocols.find((p) => p.id === 'paxos')!;
    const summary = (input: { readonly [key: string]: unknown }) => {
      const checked = paxos.validate(input);
      if (!checked.ok) throw new Error(checked.problems.join('; '));
      return checkingStartOf(paxos, 'correct', checked.config).summary;
    };
    expect(summary({})).toBe('A chosen by A1 and A2 in ballot (1,P1); P2 has not heard');
    expect(summary({ acceptors: 5, proposers: 3 })).toBe('A chosen by A1, A2 and A3 in ballot (1,P1); P2 and P3 have not heard');
    expect(summary({ proposers: 1 })).toBe('A chosen by A1 and A2 in ballot (1,P1); P1 has learned it');
  });

  it('starts from the beginning, saying why, when the usual start does not fit the config', () => {
    const paxos = protocols.find((p) => p.id === 'paxos')!;
    const fixed = { ...paxos, checking: { ...paxos.checking, prefixFor: undefined, prefix: { summary: 'P9 proposes', steps: [{ do: 'client' as const, node: 'P9', op: 'propose' }] } } };
    const start = checkingStartOf(fixed, 'correct', paxos.defaults());
    expect(start.choices).toEqual([]);
    expect(start.fallback).toBe('the usual starting point (P9 proposes) cannot be reached with this config, so the search starts from the beginning');
  });

  it("searches a variant with its own depth and fault budget where it names them, and the protocol's otherwise", () => {
    const multi = protocols.find((p) => p.id === 'kafka-multi-region')!;
    expect(checkingBoundsOf(multi, 'correct')).toEqual({ maxDepth: multi.checking.maxDepth, budget: multi.checking.budget });
    expect(checkingBoundsOf(multi, 'no-writer-fencing')).toEqual({ maxDepth: 6, budget: { ...multi.checking.budget, crashes: 0, losses: 0 } });
    expect(checkingBoundsOf(multi, 'reuse-offset-across-regions').maxDepth).toBe(multi.checking.maxDepth);
  });
});
