import { describe, expect, it } from 'vitest';
import { checkWorld, replay } from '../../engine';
import { checkingBoundsOf, checkingStart, type Config } from '../kit';
import { kafkaMultiRegion as multi } from './index';

// The checker's own defaults (checking.ts, and each variant's pins and start in variants.ts). The correct protocol is searched under both
// arrangements, one step less deep than the CLI's so the suite stays quick.
const configOf = (input: { readonly [key: string]: unknown }, variant = 'correct'): Config => {
  const result = multi.validate(input, variant);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
};

describe('the checker on multi-region Kafka', () => {
  for (const [variant, rule] of [
    ['reuse-offset-across-regions', 'no-loss'],
    ['no-writer-fencing', 'single-writer'],
  ] as const)
    it(`catches ${variant} with its defaults, breaking ${rule}, in a short run that replays`, () => {
      const defaults = checkingBoundsOf(multi, variant);
      const config = configOf(multi.checking.config, variant);
      const system = multi.build(config, variant);
      const prefix = checkingStart(multi, variant, config);
      const result = checkWorld(system, 1, { maxDepth: defaults.maxDepth, budget: defaults.budget, prefix });
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe(rule);
      expect(result.choices.length - prefix.length).toBeLessThanOrEqual(6);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.world.violations.map((v) => v.rule)).toEqual([rule]);
    });

  for (const arrangement of ['active-passive', 'active-active'])
    it(`finds nothing wrong with the correct protocol, ${arrangement}, during a failover`, () => {
      const defaults = multi.checking;
      const config = configOf({ ...defaults.config, arrangement });
      const prefix = checkingStart(multi, 'correct', config);
      const result = checkWorld(multi.build(config, 'correct'), 1, { maxDepth: defaults.maxDepth - 1, budget: defaults.budget, prefix });
      expect(result).toMatchObject({ kind: 'none', depth: defaults.maxDepth - 1 });
    });
});
