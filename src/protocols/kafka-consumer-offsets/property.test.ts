import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, enabled, next, type Choice, type World } from '../../engine';
import { determinismProblem, settle } from '../../engine/testing/schedules';
import { account } from './accounting';
import { kafkaConsumerOffsets as kafka } from './index';

interface Schedule {
  readonly seed: number;
  readonly semantics: string;
  readonly commit: string;
  readonly partitions: number;
  readonly consumers: number;
  readonly maxPollRecords: number;
  readonly lossPercent: number;
  /** Each pick lets the default scheduler move (even), takes any enabled choice (odd), or produces a record (every seventh). */
  readonly picks: readonly number[];
}

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  semantics: fc.constantFrom('at-most-once', 'at-least-once', 'exactly-once'),
  commit: fc.constantFrom('sync', 'sync', 'async', 'auto'),
  partitions: fc.integer({ min: 1, max: 3 }),
  consumers: fc.integer({ min: 1, max: 3 }),
  maxPollRecords: fc.integer({ min: 1, max: 3 }),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 160, size: 'max' }),
});

// Kafka runs over TCP, which never hands a request over twice or out of order: a commit replayed
// from the past is outside the model at-most-once promises in, so only the other two semantics
// face duplicated messages here.
function chaos(schedule: Schedule, variant = 'correct'): { world: World; choices: Choice[] } {
  const { semantics, commit, partitions, consumers, maxPollRecords, lossPercent } = schedule;
  const config = { ...kafka.defaults(), semantics, commit, partitions, consumers, maxPollRecords, lossPercent };
  let world = createWorld(kafka.build(config, variant), schedule.seed);
  const choices: Choice[] = [];
  const producer = { type: 'client', node: 1, op: 'produce' } as const;
  for (const pick of schedule.picks) {
    const options = enabled(world).filter((c) => c.type !== 'duplicate' || semantics !== 'at-most-once');
    const offered = options.some((c) => c.type === 'client');
    const choice = pick % 7 === 0 && offered ? producer : ((pick % 2 === 0 ? next(world) : null) ?? options[Math.floor(pick / 2) % options.length]);
    if (choice === undefined) break;
    world = apply(world, choice);
    choices.push(choice);
  }
  return { world, choices };
}

const promisesNoLoss = (semantics: string) => semantics !== 'at-most-once';

describe('Kafka consumer offsets under random faults', () => {
  it('the correct protocol keeps the promise of each semantics, whatever crashes, losses and partitions happen', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 1_200);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
      }),
      { numRuns: 150, seed: 20_261_206 },
    );
  });

  it('once everything is up and the network whole, every record is processed where no loss is promised', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        fc.pre(promisesNoLoss(schedule.semantics));
        const { world: messy, choices } = chaos(schedule);
        const world = settle(messy, choices, 1_200);
        const { logs, counts } = account(world);
        const unprocessed = logs.flat().filter((v) => !counts.has(v));
        expect(unprocessed).toEqual([]);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('the same seed and choices give the same trace', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(determinismProblem(() => chaos(schedule), schedule.seed)).toBeNull();
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  for (const [variant, semantics] of [
    ['auto-commit-ahead', 'at-least-once'],
    ['commit-before-process', 'at-least-once'],
  ] as const)
    it(`the same random schedules catch the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          const { world } = chaos({ ...schedule, semantics, commit: variant === 'auto-commit-ahead' ? 'auto' : 'sync' }, variant);
          return world.violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_206, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });
});
