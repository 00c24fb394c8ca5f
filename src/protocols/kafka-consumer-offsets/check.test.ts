import { describe, expect, it } from 'vitest';
import { checkWorld, replay } from '../../engine';
import { checkingStart, runUntil, type Config } from '../kit';
import { checking } from './checking';
import { kafkaConsumerOffsets as kafka } from './index';
import { zombieSteps } from './scenarios-zombie';

// The checker's own defaults (checking.ts, and each variant's pins and start in variants.ts): each
// broken variant under the semantics whose promise it breaks, from where its bug is within reach. The correct protocol is searched from both
// starting points, under every semantics, to a smaller depth than the CLI's so the suite stays quick.
const configOf = (input: { readonly [key: string]: unknown }, variant = 'correct'): Config => {
  const result = kafka.validate(input, variant);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
};

const expected: Record<string, { rule: string; message: RegExp }> = {
  'auto-commit-ahead': { rule: 'no-loss', message: /^r1 and r2 are below p0's committed offset 2, never processed/ },
  'commit-before-process': { rule: 'no-loss', message: /below p0's committed offset \d, never processed, and nothing holds/ },
  'no-generation-fencing': { rule: 'no-duplicates', message: /^r1 was processed twice, by C2 and then C1$/ },
  'no-transactional-fencing': { rule: 'no-duplicates', message: /^r1 was processed twice, by C2 and then C1$/ },
};

describe('the checker on Kafka consumer offsets', () => {
  for (const [variant, { rule, message }] of Object.entries(expected))
    it(`catches ${variant} with its defaults, breaking ${rule}, in a short run that replays`, () => {
      const defaults = kafka.checking;
      const config = configOf(defaults.config, variant);
      const system = kafka.build(config, variant);
      const prefix = checkingStart(kafka, variant, config);
      const result = checkWorld(system, 1, { maxDepth: defaults.maxDepth, budget: defaults.budget, prefix });
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe(rule);
      expect(result.message).toMatch(message);
      expect(result.choices.length - prefix.length).toBeLessThanOrEqual(6);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations.map((v) => v.rule)).toEqual([rule]);
    });

  for (const semantics of ['at-most-once', 'at-least-once', 'exactly-once'])
    it(`finds nothing wrong with the correct protocol under ${semantics}, polling from the start or facing a zombie`, () => {
      const solo = configOf({ ...checking.config, semantics });
      const fromStart = checkWorld(kafka.build(solo, 'correct'), 1, { maxDepth: 8, budget: kafka.checking.budget, prefix: checkingStart(kafka, 'correct', solo) });
      expect(fromStart).toMatchObject({ kind: 'none', depth: 8 });

      const pair = configOf({ ...checking.config, consumers: 2, semantics });
      const takeover = semantics === 'exactly-once' ? runUntil('TXN', 'C2', 'broker') : runUntil('OUTPUT', 'C2', 'sink');
      const steps = zombieSteps(takeover);
      const prefix = kafka.compileScenario({ id: 'zombie', title: 'zombie', summary: 'zombie', config: pair, steps }).run.choices;
      const withZombie = checkWorld(kafka.build(pair, 'correct'), 1, { maxDepth: 7, budget: kafka.checking.budget, prefix });
      expect(withZombie).toMatchObject({ kind: 'none', depth: 7 });
    });
});
