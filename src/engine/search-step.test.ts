import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchStepLimit } from './draft';
import { apply, createWorld, searchStep } from './perform';
import { gossipSystem } from './testing/gossip';
import { pickChoice } from './testing/schedules';
import { traceLength } from './trace';
import type { World } from './world';

/** What a search step must get right: everything but the trace, the violations and the conditions. */
function state(world: World): object {
  const { system: _system, trace: _trace, violations: _violations, conditions: _conditions, ...rest } = world;
  return rest;
}

describe('a search step', () => {
  it('makes the same world as a full step, trace and rules aside, over 500 random schedules with faults', () => {
    const schedule = fc.record({ seed: fc.nat(), nodes: fc.integer({ min: 2, max: 4 }), picks: fc.array(fc.nat(), { maxLength: 40 }) });
    fc.assert(
      fc.property(schedule, ({ seed, nodes, picks }) => {
        let full = createWorld(gossipSystem(nodes), seed);
        let quiet = full;
        for (const pick of picks) {
          const choice = pickChoice(full, pick);
          if (choice === null) break;
          full = apply(full, choice);
          quiet = searchStep(quiet, choice);
          expect(state(quiet)).toEqual(state(full));
          // It counts at least every event the full step recorded, so it never misses the trace cap.
          expect(traceLength(quiet.trace)).toBeGreaterThanOrEqual(traceLength(full.trace));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps no events: its trace is one link holding the count', () => {
    const start = createWorld(gossipSystem(3), 1);
    const after = searchStep(start, { type: 'client', node: 0, op: 'tell' });
    expect(after.trace?.previous).toBeNull();
    expect(after.trace?.event).toBe(start.trace?.event);
  });

  it('gives up, rather than guess, when its run might reach the trace cap', () => {
    const system = gossipSystem(3);
    const capped = { ...system, bounds: { ...system.bounds, maxTraceEvents: traceLength(createWorld(system, 1).trace) + 3 } };
    const start = createWorld(capped, 1);
    expect(() => searchStep(start, { type: 'client', node: 0, op: 'tell' })).toThrow(SearchStepLimit);
    expect(apply(start, { type: 'client', node: 0, op: 'tell' }).halted).toMatch(/trace reached its cap/);
  });
});
