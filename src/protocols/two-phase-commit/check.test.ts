import { describe, expect, it } from 'vitest';
import { checkWorld, replay, type Choice } from '../../engine';
import { checkingStart } from '../kit';
import { twoPhaseCommit } from './index';

// Small bounds keep this quick: two participants, one crash and one lost message per run.
// Participants are not declared symmetric: the coordinator records votes by participant id.
const config = { ...twoPhaseCommit.defaults(), participants: 2 };
const begin: Choice = { type: 'client', node: 0, op: 'begin' };
const budget = { crashes: 1, losses: 1 };

describe('the checker on two-phase commit', () => {
  // What `fault-lines check two-phase-commit` searches (about 280,000 states): two of the bugs
  // a reviewer planted needed 9 steps, past the depth-8 search this test once made.
  it('finds no violation of the correct variant at the CLI\'s own bounds (depth 12 from the start)', () => {
    const { checking } = twoPhaseCommit;
    const defaults = twoPhaseCommit.validate({ ...twoPhaseCommit.defaults(), ...checking.config });
    if (!defaults.ok) throw new Error(defaults.problems.join('; '));
    const prefix = checkingStart(twoPhaseCommit, 'correct', defaults.config);
    const result = checkWorld(twoPhaseCommit.build(defaults.config, 'correct'), 1, { maxDepth: checking.maxDepth, budget: checking.budget, prefix });
    expect(checking.maxDepth).toBe(12);
    expect(result).toMatchObject({ kind: 'none', depth: 12 });
  }, 60_000);

  for (const variant of ['no-decision-log', 'forgetful-participant', 'impatient-participant'])
    it(`finds a short, replayable run of ${variant} that breaks atomicity`, () => {
      const system = twoPhaseCommit.build(config, variant);
      const result = checkWorld(system, 1, { maxDepth: 12, budget, prefix: [begin] });
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe('atomicity');
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations.map((v) => v.rule)).toContain('atomicity');
    });

  it('finds the shortest run to a participant blocked in doubt when asked for that condition', () => {
    const system = twoPhaseCommit.build(config, 'correct');
    const result = checkWorld(system, 1, { maxDepth: 8, budget, prefix: [begin], target: 'blocked-in-doubt' });
    expect(result).toMatchObject({ kind: 'violation', rule: 'blocked-in-doubt' });
    if (result.kind !== 'violation') return;
    expect(result.message).toMatch(/prepared and in doubt/);
    // PREPARE reaches a participant, it votes YES, and the coordinator crashes.
    expect(result.choices.map((c) => c.type)).toEqual(['client', 'deliver', 'crash']);
    const replayed = replay(system, 1, result.choices);
    expect(replayed.ok && replayed.world.conditions['blocked-in-doubt']).toBeTruthy();
  });
});

