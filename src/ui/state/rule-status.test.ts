import { describe, expect, it } from 'vitest';
import { replay, traceToArray } from '../../engine';
import { twoPhaseCommit as protocol } from '../../protocols/two-phase-commit';
import { conditionStatus, invariantStatus } from './rule-status';

function scenarioWorlds(id: string) {
  const { run } = protocol.compileScenario(protocol.scenarios.find((s) => s.id === id)!);
  const system = protocol.build(run.config, run.variant);
  const at = (step: number) => replay(system, run.seed, run.choices.slice(0, step)).world;
  const final = at(run.choices.length);
  return { at, final, events: traceToArray(final.trace), length: run.choices.length };
}

describe('the invariants and conditions panel', () => {
  it('a broken invariant is "ahead" before the step that broke it and "broken" from then on', () => {
    const { at, final, length } = scenarioWorlds('no-decision-log-split');
    const end = invariantStatus(protocol.invariants, final, final).find((r) => r.id === 'atomicity')!;
    expect(end.state).toBe('broken');
    expect(end.message).toContain('committed while');
    const brokeAt = end.step!;
    expect(brokeAt).toBeGreaterThan(0);
    expect(brokeAt).toBeLessThanOrEqual(length);
    const before = invariantStatus(protocol.invariants, at(brokeAt - 1), final).find((r) => r.id === 'atomicity')!;
    expect(before).toMatchObject({ state: 'ahead', step: brokeAt });
  });

  it('a condition holding now points at the step where it began', () => {
    const { at, events } = scenarioWorlds('coordinator-crash-after-prepare');
    const world = at(6);
    const blocked = conditionStatus(protocol.conditions, world, events).find((r) => r.id === 'blocked-in-doubt')!;
    expect(blocked.state).toBe('active');
    expect(blocked.message).toContain('P1, P2 and P3');
    expect(blocked.step).toBe(5);
  });

  it('a condition that held and ended says when it held, and "show me" goes to where it began', () => {
    const { final, events } = scenarioWorlds('coordinator-crash-after-prepare');
    const blocked = conditionStatus(protocol.conditions, final, events).find((r) => r.id === 'blocked-in-doubt')!;
    expect(blocked.state).toBe('held');
    expect(blocked.step).toBe(5);
    expect(blocked.until).toBeGreaterThan(5);
  });

  it('every rule of a clean run holds', () => {
    const { final, events } = scenarioWorlds('happy-commit');
    const all = [...invariantStatus(protocol.invariants, final, final), ...conditionStatus(protocol.conditions, final, events)];
    expect(all.every((r) => r.state === 'ok')).toBe(true);
  });
});
