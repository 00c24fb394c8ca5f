import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, replay, runToQuiet, traceToArray, type Choice, type World } from './index';
import { gossipSystem } from './testing/gossip';
import { pingSystem } from './testing/ping';
import { randomRun, worldData } from './testing/schedules';

const start: Choice = { type: 'client', node: 0, op: 'start' };
const ranged = { network: { latencyTicksMin: 5, latencyTicksMax: 50 } };

function autoPlay(seed: number): World {
  return runToQuiet(apply(createWorld(pingSystem(ranged), seed), start)).world;
}

const ticks = (world: World): number[] => traceToArray(world.trace).map((e) => e.tick);

describe('determinism', () => {
  it('the same seed gives the same trace', () => {
    expect(worldData(autoPlay(11))).toEqual(worldData(autoPlay(11)));
  });

  it('a different seed, with a latency range, gives different ticks', () => {
    expect(ticks(autoPlay(11))).not.toEqual(ticks(autoPlay(12)));
    const firstDelivery = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => autoPlay(seed).tick));
    expect(firstDelivery.size).toBeGreaterThan(1);
  });

  it('replaying the choices of 1,000 random schedules with faults gives the identical world and trace', () => {
    const schedule = fc.record({
      seed: fc.nat(),
      nodes: fc.integer({ min: 2, max: 4 }),
      picks: fc.array(fc.nat(), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(schedule, ({ seed, nodes, picks }) => {
        const system = gossipSystem(nodes, ranged);
        const { world, choices } = randomRun(createWorld(system, seed), picks);
        const again = replay(system, seed, choices);
        expect(again.ok).toBe(true);
        expect(worldData(again.world)).toEqual(worldData(world));
      }),
      { numRuns: 1000 },
    );
  });

  it('in every random schedule the clock never runs backwards and every event belongs to a step taken', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { maxLength: 60 }), (seed, picks) => {
        const { world, choices } = randomRun(createWorld(gossipSystem(3, ranged), seed), picks);
        expect(world.step).toBe(choices.length);
        const events = traceToArray(world.trace);
        events.forEach((event, i) => {
          expect(event.step).toBeLessThanOrEqual(world.step);
          if (i > 0) expect(event.tick).toBeGreaterThanOrEqual(events[i - 1]!.tick);
          if (i > 0) expect(event.step).toBeGreaterThanOrEqual(events[i - 1]!.step);
        });
        const ids = [...world.messages.map((m) => m.id), ...world.timers.map((t) => t.id)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(world.violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
