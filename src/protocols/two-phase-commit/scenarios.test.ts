import { describe, expect, it } from 'vitest';
import { traceToArray } from '../../engine';
import { playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { twoPhaseCommit } from './index';

/** The invariant each broken variant's scenario is meant to break. */
const expectedViolation: Record<string, string> = {
  'no-decision-log-split': 'atomicity',
  'forgetful-participant-split': 'atomicity',
  'impatient-participant-split': 'atomicity',
};

describe('two-phase commit scenarios', () => {
  it('include the required stories, and a failing run for every broken variant', () => {
    const ids = twoPhaseCommit.scenarios.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'happy-commit',
        'one-no-vote',
        'coordinator-crash-after-prepare',
        'coordinator-crash-after-commit-logged',
        'lost-vote-timeout',
      ]),
    );
    const brokenVariants = twoPhaseCommit.variants.filter((v) => v.id !== 'correct').map((v) => v.id);
    for (const variant of brokenVariants) expect(twoPhaseCommit.scenarios.some((s) => s.variant === variant)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  eachScenario(twoPhaseCommit, (scenario, played) => {
    if ((scenario.variant ?? 'correct') === 'correct') {
      it('keeps every invariant and ends with every participant agreeing', () => {
        expect(played.world.violations).toEqual([]);
        const outcomes = played.world.nodes.slice(1).map((n) => n.label);
        expect(new Set(outcomes).size).toBe(1);
        expect(['committed', 'aborted']).toContain(outcomes[0]);
      });
    } else {
      it(`ends with the violation it is meant to show (${expectedViolation[scenario.id]})`, () => {
        expect(played.world.violations.map((v) => v.rule)).toContain(expectedViolation[scenario.id]);
      });
    }
  });

  it('shows participants blocked in doubt while the coordinator is down', () => {
    const scenario = twoPhaseCommit.scenarios.find((s) => s.id === 'coordinator-crash-after-prepare')!;
    const events = traceToArray(playScenario(twoPhaseCommit, scenario).world.trace);
    const blocked = events.find((e) => e.type === 'condition' && e.active);
    expect(blocked).toMatchObject({ rule: 'blocked-in-doubt', nodes: [1, 2, 3] });
    const crash = events.findIndex((e) => e.type === 'crash');
    const restart = events.findIndex((e) => e.type === 'restart');
    const cleared = events.findIndex((e) => e.type === 'condition' && !e.active);
    expect(events.indexOf(blocked!)).toBeGreaterThan(crash);
    expect(cleared).toBeGreaterThan(restart);
  });

  it('names the scenario and the step when a step cannot be resolved', () => {
    const broken = {
      id: 'broken-tour',
      title: 'broken',
      summary: 'a step names a message that is not in flight',
      steps: [{ do: 'deliver', message: { type: 'COMMIT', to: 'P1' } }],
    } as const;
    expect(() => twoPhaseCommit.compileScenario(broken)).toThrow(
      /scenario "broken-tour" of two-phase-commit, step 1 .*no message in flight matches/,
    );
    expect(() =>
      twoPhaseCommit.compileScenario({ ...broken, steps: [{ do: 'crash', node: 'P9' }] }),
    ).toThrow(/step 1 .*no node named "P9"/);
    expect(() =>
      twoPhaseCommit.compileScenario({ ...broken, steps: [{ do: 'client', node: 'P1', op: 'begin' }] }),
    ).toThrow(/step 1 .*P1 does not offer "begin"/);
    expect(() => twoPhaseCommit.compileScenario({ ...broken, config: { participants: 9 }, steps: [] })).toThrow(
      /scenario "broken-tour".*2 to 7 participants/,
    );
  });
});
