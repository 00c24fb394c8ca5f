import { describe, expect, it } from 'vitest';
import { checkWorld, replay, type Choice } from '../../engine';
import { twoPhaseCommit } from './index';

// Small bounds keep this quick: two participants, one crash and one lost message per run.
// Participants are not declared symmetric: the coordinator records votes by participant id.
const config = { ...twoPhaseCommit.defaults(), participants: 2 };
const begin: Choice = { type: 'client', node: 0, op: 'begin' };
const budget = { crashes: 1, losses: 1 };

describe('the checker on two-phase commit', () => {
  it('finds no violation of the correct variant within small bounds', () => {
    const result = checkWorld(twoPhaseCommit.build(config, 'correct'), 1, { maxDepth: 8, budget, prefix: [begin] });
    expect(result).toMatchObject({ kind: 'none', depth: 8 });
  });

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
});
