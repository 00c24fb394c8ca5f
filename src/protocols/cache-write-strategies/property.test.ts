import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, type Choice, type World } from '../../engine';
import { chaosRun, determinismProblem, settle } from '../../engine/testing/schedules';
import { cacheWriteStrategies as protocol } from './index';
import { clientHistory, operationOpen } from './history';
import { cacheMemory, stored } from './rules';

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  strategy: fc.constantFrom('write-through', 'write-around', 'write-back'),
  sequential: fc.boolean(),
  readThrough: fc.boolean(),
  apps: fc.integer({ min: 1, max: 3 }),
  keys: fc.integer({ min: 1, max: 2 }),
  ttlTicks: fc.constantFrom(0, 0, 25, 200),
  capacity: fc.constantFrom(0, 0, 1),
  warm: fc.boolean(),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  duplicationPercent: fc.constantFrom(0, 0, 10, 30),
  /** Each pick either lets the default scheduler move (even picks) or takes any enabled choice. */
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 120, size: 'max' }),
});

type Schedule = typeof schedules extends fc.Arbitrary<infer T> ? T : never;

/** The default scheduler mixed with random operations, crashes, restarts, drops, duplicates and partitions. */
function chaos(schedule: Schedule, variant = 'correct', forced: { readonly [key: string]: unknown } = {}): { world: World; choices: Choice[] } {
  const { seed: _seed, picks, ...options } = schedule;
  const checked = protocol.validate({ ...options, ...forced }, variant);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const run = chaosRun(createWorld(protocol.build(checked.config, variant), schedule.seed), picks);
  return { world: run.world, choices: run.choices };
}

/** Every key the cache holds, as the database has it. */
function coherent(world: World): boolean {
  const memory = cacheMemory(world);
  return memory === null || memory.entries.every((e) => e.value === stored(world, e.key).value);
}

describe('cache write strategies under random faults', () => {
  it('the correct protocol keeps every invariant, whatever crashes, losses, duplicates and partitions happen', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 3_000);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
      }),
      { numRuns: 600, seed: 20_261_206 },
    );
  });

  it('once everything is back and the network is whole, every acknowledged write reaches the database and the cache agrees with it', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        const world = settle(messy, choices, 3_000);
        for (const [key, write] of clientHistory(world).newest) expect(stored(world, key).version).toBeGreaterThanOrEqual(write.version);
        // A server that crashed halfway through a write may leave the cache stale: only then may it disagree.
        if (!operationOpen(world)) expect(coherent(world)).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('the same seed and choices give the same trace', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(determinismProblem(() => chaos(schedule), schedule.seed)).toBeNull();
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  for (const variant of protocol.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
    it(`the same random schedules catch the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          // A stale value must outlive the run to be seen, so no TTL; a partial failure needs x cached.
          const forced = { ttlTicks: 0, warm: variant === 'parallel-write-partial-failure' };
          const { world, choices } = chaos({ ...schedule, apps: Math.max(2, schedule.apps) }, variant, forced);
          return settle(world, choices, 3_000).violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_206, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });
});
