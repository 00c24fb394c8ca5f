import { describe, expect, it } from 'vitest';
import { checkWorld, replay } from '../../engine';
import { checkingStart } from '../kit';
import { paxos } from './index';

// The checker's own defaults for Paxos (index.ts): every search starts after the same prefix,
// which plays the same way in every variant: P1 proposes and A is chosen by A1 and A2 while A3
// hears nothing; P1 learns it and the news to P2 is lost, so nothing is left in flight. The
// checker must then find, on its own, a second ballot that chooses B (P2 proposing, with at most
// one crash), or show that no run of that length does.
const { maxDepth, budget } = paxos.checking;
const config = paxos.defaults();
const prefixOf = (variant: string) => checkingStart(paxos, variant, config);

describe('the checker on Paxos', () => {
  it('finds no violation of the correct variant within small bounds', () => {
    const result = checkWorld(paxos.build(config, 'correct'), 1, { maxDepth, budget, prefix: prefixOf('correct') });
    expect(result).toMatchObject({ kind: 'none', depth: maxDepth });
  });

  for (const variant of ['forgetful-acceptor', 'ignores-accepted-value', 'minority-quorum'])
    it(`finds a short, replayable run of ${variant} in which two values are chosen`, () => {
      const system = paxos.build(config, variant);
      const result = checkWorld(system, 1, { maxDepth, budget, prefix: prefixOf(variant) });
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe('agreement');
      expect(result.message).toMatch(/^A was chosen in ballot \(1,P1\) by .*, and B in ballot \(1,P2\) by /);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations.map((v) => v.rule)).toContain('agreement');
    });
});
