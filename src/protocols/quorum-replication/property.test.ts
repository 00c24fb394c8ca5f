import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, enabled, next, type Choice, type World } from '../../engine';
import { chaosRun, determinismProblem, settle } from '../../engine/testing/schedules';
import { operationIntervals } from '../kit';
import { quorumReplication as quorum } from './index';
import { summaryOf } from './replicas';

interface Schedule {
  readonly seed: number;
  readonly dynamo: boolean;
  readonly nodes: number;
  readonly quorums: readonly [number, number];
  readonly keys: number;
  readonly roundRobin: boolean;
  readonly sloppy: boolean;
  readonly readRepair: boolean;
  readonly skew: number;
  readonly lossPercent: number;
  readonly duplicationPercent: number;
  /** Each pick either lets the default scheduler move (even picks) or takes any enabled choice. */
  readonly picks: readonly number[];
}

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  dynamo: fc.boolean(),
  nodes: fc.constantFrom(3, 4, 5),
  quorums: fc.constantFrom([2, 2], [1, 3], [3, 1], [1, 1], [2, 1]) as fc.Arbitrary<readonly [number, number]>,
  keys: fc.constantFrom(1, 1, 2),
  roundRobin: fc.boolean(),
  sloppy: fc.boolean(),
  readRepair: fc.boolean(),
  skew: fc.constantFrom(0, 0, 30, -30),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  duplicationPercent: fc.constantFrom(0, 0, 10, 30),
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 150, size: 'max' }),
});

/** A valid config for the schedule: under the linearizable promise R + W > N and no sloppy quorum. */
function configOf(s: Schedule) {
  const [r, w] = s.dynamo || s.quorums[0] + s.quorums[1] > 3 ? s.quorums : [2, 2];
  return {
    ...quorum.defaults(),
    consistency: s.dynamo ? 'dynamo' : 'linearizable',
    nodes: s.nodes,
    r,
    w,
    keys: s.keys,
    coordinator: s.roundRobin ? 'round-robin' : 'fixed',
    sloppyQuorum: s.dynamo && s.sloppy,
    readRepair: s.readRepair,
    clockSkewTicks: s.skew,
    lossPercent: s.lossPercent,
    duplicationPercent: s.duplicationPercent,
  };
}

function chaos(schedule: Schedule, variant = 'correct'): { world: World; choices: Choice[] } {
  const checked = quorum.validate(configOf(schedule), variant);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return chaosRun(createWorld(quorum.build(checked.config, variant), schedule.seed), schedule.picks);
}

/**
 * A busier schedule than chaos: mostly the scheduler and client operations, messages delivered
 * out of order, and now and then a fault, so that many gets and puts overlap and return.
 */
function workloadRun(start: World, picks: readonly number[]): { world: World; choices: Choice[] } {
  const choices: Choice[] = [];
  let world = start;
  for (const pick of picks) {
    const options = enabled(world);
    const kind = pick % 20;
    const pool =
      kind < 9 ? [] : kind < 15 ? options.filter((c) => c.type === 'client') : kind < 19 ? options.filter((c) => c.type === 'deliver') : pick % 100 === 99 ? options : [];
    const choice = pool.length === 0 ? (next(world) ?? options.find((c) => c.type === 'client')) : pool[Math.floor(pick / 20) % pool.length];
    if (choice === undefined) break;
    world = apply(world, choice);
    choices.push(choice);
  }
  return { world, choices };
}

describe('quorum replication under random faults', () => {
  it('the correct store keeps every promise of its configuration, whatever crashes, losses, duplicates and partitions happen', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 5_000);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
      }),
      { numRuns: 300, seed: 20_261_121 },
    );
  });

  it('once every node is up and the network is whole, anti-entropy brings every home replica to the same versions', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        const world = settle(messy, choices, 5_000);
        expect(next(world)).toBeNull();
        expect(summaryOf(world).keys.flatMap((k) => k.behind)).toEqual([]);
        expect(summaryOf(world).replicas.flatMap((r) => r.hints)).toEqual([]);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('under a busy workload with reordered messages, every history the linearizable store gives is linearizable', () => {
    let reads = 0;
    fc.assert(
      fc.property(schedules, fc.array(fc.noBias(fc.nat()), { minLength: 200, maxLength: 300 }), (schedule, picks) => {
        const checked = quorum.validate({ ...configOf({ ...schedule, dynamo: false, lossPercent: 0 }), antiEntropy: false, opsPerClient: 12 }, 'correct');
        if (!checked.ok) throw new Error(checked.problems.join('; '));
        const { world, choices } = workloadRun(createWorld(quorum.build(checked.config, 'correct'), schedule.seed), picks);
        const settled = settle(world, choices, 5_000);
        expect(settled.violations).toEqual([]);
        reads += operationIntervals(settled.observations).filter((i) => i.invoke.action === 'get' && i.result?.ok === true).length;
      }),
      { numRuns: 150, seed: 5 },
    );
    // The workload really reads: several hundred gets returned a value to check.
    expect(reads).toBeGreaterThan(500);
  });

  it('the same seed and choices give the same trace', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(determinismProblem(() => chaos(schedule), schedule.seed)).toBeNull();
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  for (const variant of ['single-phase-write', 'r-plus-w-not-above-n'])
    it(`a busy workload catches the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          const checked = quorum.validate({ ...configOf({ ...schedule, dynamo: false }), antiEntropy: false, opsPerClient: 12 }, variant);
          if (!checked.ok) throw new Error(checked.problems.join('; '));
          const { world, choices } = workloadRun(createWorld(quorum.build(checked.config, variant), schedule.seed), schedule.picks);
          return settle(world, choices, 5_000).violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_121, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });

  for (const variant of ['last-write-wins', 'no-read-repair-no-anti-entropy'])
    it(`the same random schedules catch the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          const { world, choices } = chaos({ ...schedule, lossPercent: Math.max(10, schedule.lossPercent) }, variant);
          return settle(world, choices, 5_000).violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_121, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });
});
