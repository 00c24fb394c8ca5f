import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, next, type Choice, type World } from '../../engine';
import { chaosRun, determinismProblem, settle } from '../../engine/testing/schedules';
import { twoPhaseCommit } from './index';

interface Schedule {
  readonly seed: number;
  readonly participants: number;
  readonly lossPercent: number;
  readonly duplicationPercent: number;
  /** Each pick either lets the default scheduler move (even picks) or takes any enabled choice. */
  readonly picks: readonly number[];
}

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  participants: fc.integer({ min: 2, max: 4 }),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  duplicationPercent: fc.constantFrom(0, 0, 10, 30),
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 80, size: 'max' }),
});

/** Begins a transaction, then mixes the default scheduler with random crashes, restarts, drops, duplicates and partitions. */
function chaos(schedule: Schedule, variant = 'correct'): { world: World; choices: Choice[] } {
  const { participants, lossPercent, duplicationPercent } = schedule;
  const config = { ...twoPhaseCommit.defaults(), participants, lossPercent, duplicationPercent };
  const system = twoPhaseCommit.build(config, variant);
  const opening: Choice = { type: 'client', node: 0, op: 'begin' };
  const run = chaosRun(apply(createWorld(system, schedule.seed), opening), schedule.picks);
  return { world: run.world, choices: [opening, ...run.choices] };
}


describe('two-phase commit under random faults', () => {
  it('the correct variant never breaks an invariant, and once the coordinator is up and the network whole every participant decides the same way', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 5_000);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
        expect(next(world)).toBeNull();
        const [coordinator, ...participants] = world.nodes.map((n) => n.label);
        expect(coordinator).toBe('finished');
        expect(new Set(participants).size).toBe(1);
        expect(['committed', 'aborted']).toContain(participants[0]);
      }),
      { numRuns: 1_000, seed: 20_261_121 },
    );
  });

  it('the same seed and choices give the same trace', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(determinismProblem(() => chaos(schedule), schedule.seed)).toBeNull();
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  for (const variant of twoPhaseCommit.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
    it(`the same random schedules catch the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          const { world, choices } = chaos(schedule, variant);
          return settle(world, choices, 5_000).violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_121, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });
});
