import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, next, runToQuiet, type Choice, type World } from '../../engine';
import { chaosRun, determinismProblem, settle } from '../../engine/testing/schedules';
import { paxos } from './index';

interface Schedule {
  readonly seed: number;
  readonly proposers: number;
  readonly acceptors: number;
  readonly lossPercent: number;
  readonly duplicationPercent: number;
  readonly randomizedBackoff: boolean;
  /** Each pick either lets the default scheduler move (even picks) or takes any enabled choice. */
  readonly picks: readonly number[];
}

const schedules = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  proposers: fc.integer({ min: 1, max: 3 }),
  acceptors: fc.constantFrom(3, 3, 4, 5),
  lossPercent: fc.constantFrom(0, 0, 10, 30),
  duplicationPercent: fc.constantFrom(0, 0, 10, 30),
  randomizedBackoff: fc.boolean(),
  picks: fc.array(fc.noBias(fc.nat()), { maxLength: 100, size: 'max' }),
});

/** P1 proposes; then the default scheduler mixes with random proposals, crashes, restarts, drops, duplicates and partitions. */
function chaos(schedule: Schedule, variant = 'correct'): { world: World; choices: Choice[] } {
  const { proposers, acceptors, lossPercent, duplicationPercent, randomizedBackoff } = schedule;
  const config = { ...paxos.defaults(), proposers, acceptors, lossPercent, duplicationPercent, randomizedBackoff };
  const system = paxos.build(config, variant);
  const opening: Choice = { type: 'client', node: 0, op: 'propose' };
  const run = chaosRun(apply(createWorld(system, schedule.seed), opening), schedule.picks);
  return { world: run.world, choices: [opening, ...run.choices] };
}


const learned = (world: World) => new Set(world.nodes.map((n) => n.persisted['learned']).filter((v) => v !== undefined));

describe('Paxos under random faults', () => {
  it('the correct variant never breaks an invariant, whatever crashes, losses, duplicates and partitions happen', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos(schedule);
        expect(messy.violations).toEqual([]);
        const world = settle(messy, choices, 2_000);
        expect(world.halted).toBeNull();
        expect(world.violations).toEqual([]);
        expect(learned(world).size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1_000, seed: 20_261_121 },
    );
  });

  it('once the network is whole, a lone proposer that keeps proposing gets a value chosen and learns it', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const { world: messy, choices } = chaos({ ...schedule, proposers: 1 });
        let world = settle(messy, choices, 2_000);
        if (world.nodes[0]!.label === 'idle') world = runToQuiet(apply(world, { type: 'client', node: 0, op: 'propose' }), 2_000).world;
        expect(next(world)).toBeNull();
        expect(world.nodes[0]!.label).toBe('learned');
      }),
      { numRuns: 300, seed: 11 },
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

  // Adopting the lowest ballot breaks agreement only once two values are accepted in two ballots
  // and the news of the chosen one is lost: beyond these schedules, which mostly follow the clock.
  // The checker's random walks from the start catch it (check.test.ts).
  const deep = ['adopts-lowest-ballot'];
  for (const variant of paxos.variants.filter((v) => v.id !== 'correct' && !deep.includes(v.id)).map((v) => v.id))
    it(`the same random schedules catch the broken variant ${variant}`, () => {
      const result = fc.check(
        fc.property(schedules, (schedule) => {
          const { world, choices } = chaos({ ...schedule, proposers: Math.max(2, schedule.proposers) }, variant);
          return settle(world, choices, 2_000).violations.length === 0;
        }),
        { numRuns: 1_000, seed: 20_261_121, endOnFailure: true },
      );
      expect(result.failed).toBe(true);
    });
});
