import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, enabled, next, type Choice, type World } from '../../engine';
import { determinismProblem, settle } from '../../engine/testing/schedules';
import { clusters, counted } from './accounting';
import { kafkaMultiRegion as multi } from './index';

interface Schedule {
  readonly seed: number;
  readonly arrangement: string;
  readonly regions: number;
  readonly lossPercent: number;
  /** Each pick lets the default scheduler move (even), takes any enabled choice (odd), or produces a record (every fifth). */
  readonly picks: readonly number[];
}

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  arrangement: fc.constantFrom('active-passive', 'active-active'),
  regions: fc.constantFrom(2, 2, 3),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 150, size: 'max' }),
});

// As over TCP, nothing hands a write over twice: duplicated messages are left out here.
function chaos(schedule: Schedule): { world: World; choices: Choice[] } {
  const { arrangement, regions, lossPercent } = schedule;
  let world = createWorld(multi.build({ ...multi.defaults(), arrangement, regions, lossPercent }, 'correct'), schedule.seed);
  const choices: Choice[] = [];
  for (const pick of schedule.picks) {
    const options = enabled(world).filter((c) => c.type !== 'duplicate');
    const produce = options.filter((c) => c.type === 'client' && c.op === 'produce');
    const choice = pick % 5 === 0 && produce.length > 0 ? produce[pick % produce.length]! : ((pick % 2 === 0 ? next(world) : null) ?? options[Math.floor(pick / 2) % options.length]);
    if (choice === undefined) break;
    world = apply(world, choice);
    choices.push(choice);
  }
  return { world, choices };
}

describe('multi-region Kafka under random faults', () => {
  it('the correct protocol keeps its promises, whatever crashes, losses, partitions and failovers happen', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 1_000);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
      }),
      { numRuns: 120, seed: 20_261_207 },
    );
  });

  it('once everything is up and the network whole, every aggregate holds every record and the writer counts them all', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        const world = settle(messy, choices, 1_500);
        const all = clusters(world).flatMap((c) => c.stream);
        for (const c of clusters(world)) expect([...c.aggregate].sort()).toEqual([...all].sort());
        const seen = new Set(counted(world).map(([v]) => v));
        expect(all.filter((v) => !seen.has(v))).toEqual([]);
      }),
      { numRuns: 80, seed: 5 },
    );
  });

  it('the same seed and choices give the same trace', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(determinismProblem(() => chaos(schedule), schedule.seed)).toBeNull();
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
