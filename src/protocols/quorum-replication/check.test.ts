import { describe, expect, it } from 'vitest';
import { checkWorld, replay } from '../../engine';
import { checkingStart } from '../kit';
import { quorumReplication as quorum } from './index';

// The checker's own defaults for quorum replication (checking.ts): four storage nodes, anti-entropy
// off, at most one lost message, searching from where C1's put of a1 has reached S1, or from the
// situation each deeper bug needs. The correct store is searched a little less deep here than by
// the CLI, to keep the suite quick; `npm run bench` times the full default search.
const { maxDepth, budget } = quorum.checking;

function search(variant: string, set: object = {}, depth = maxDepth) {
  const checked = quorum.validate({ ...quorum.checking.config, ...set }, variant);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const system = quorum.build(checked.config, variant);
  return { system, result: checkWorld(system, 1, { maxDepth: depth, budget, prefix: checkingStart(quorum, variant, checked.config) }) };
}

describe('the checker on quorum replication', () => {
  for (const consistency of ['linearizable', 'dynamo'])
    it(`finds no violation of the correct store under consistency = ${consistency} within small bounds`, () => {
      expect(search('correct', { consistency }, maxDepth - 2).result).toMatchObject({ kind: 'none', depth: maxDepth - 2 });
    });

  const expected: Record<string, { rule: string; message: RegExp }> = {
    'r-plus-w-not-above-n': { rule: 'linearizable', message: /^C2's read returned nothing, but C1's write of a1 had completed before it started$/ },
    'no-read-write-back': { rule: 'linearizable', message: /^C2's read returned nothing after C2's read had already returned a1$/ },
    'single-phase-write': { rule: 'linearizable', message: /^C[12]'s read returned b1, but C1's write of a1 had completed before it started, and C2's write of b1 had completed before that write began$/ },
    'sloppy-quorum': { rule: 'linearizable', message: /^C2's read returned nothing, but C1's write of a1 had completed before it started$/ },
    'last-write-wins': { rule: 'no-lost-acknowledged-write', message: /^C[12]'s put of x = [ab]1 was acknowledged, but no node holds it any more/ },
    'no-read-repair-no-anti-entropy': { rule: 'converged-when-quiet', message: /the home replicas of x disagree/ },
  };

  for (const [variant, { rule, message }] of Object.entries(expected))
    it(`finds a short, replayable run of ${variant} that breaks ${rule}`, () => {
      const { system, result } = search(variant);
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe(rule);
      expect(result.message).toMatch(message);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations.map((v) => v.rule)).toContain(rule);
    });

  it('starts each deep search at its own named situation, and the others where C1’s put reaches S1', () => {
    const situations = quorum.variants.map((v) => v.checkingPrefix?.summary ?? quorum.checking.prefix?.summary);
    expect(situations.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    expect(quorum.variants.find((v) => v.id === 'correct')?.checkingPrefix).toBeUndefined();
  });
});
