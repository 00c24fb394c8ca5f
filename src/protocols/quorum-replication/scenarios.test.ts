import { describe, expect, it } from 'vitest';
import { traceToArray } from '../../engine';
import { playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { quorumReplication as quorum } from './index';

/** The promise each broken variant's story breaks, and how the violation reads. */
const broken: Record<string, { rule: string; message: RegExp }> = {
  'stale-read-r-plus-w': { rule: 'linearizable', message: /^C2's read returned nothing, but C1's write of a1 had completed before it started$/ },
  'new-then-old': { rule: 'linearizable', message: /^C2's read returned nothing after C2's read had already returned a1$/ },
  'single-phase-write-reordered': { rule: 'linearizable', message: /^C1's read returned b1, but C1's write of a1 had completed before it started, and C2's write of b1 had completed before that write began$/ },
  'sloppy-quorum-stale-read': { rule: 'linearizable', message: /^C2's read returned nothing, but C1's write of a1 had completed before it started$/ },
  'last-write-wins-loses-a-write': { rule: 'no-lost-acknowledged-write', message: /^C1's put of x = a1 was acknowledged, but no node holds it any more: x is now b1 @\d+ S2, which does not follow it$/ },
  'never-converges': { rule: 'converged-when-quiet', message: /the home replicas of x disagree: S1 holds a1 \[C1:1\], S2 holds a1 \[C1:1\], S3 holds nothing$/ },
};

const scenario = (id: string) => quorum.scenarios.find((s) => s.id === id)!;

describe('quorum replication scenarios', () => {
  it('include at least ten stories, and a failing run for every broken variant', () => {
    const ids = quorum.scenarios.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const variant of quorum.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
      expect(quorum.scenarios.some((s) => s.variant === variant), variant).toBe(true);
    for (const s of quorum.scenarios) expect(s.steps.some((step) => step.caption !== undefined), s.id).toBe(true);
  });

  eachScenario(quorum, (s, played) => {
    const expected = broken[s.id];
    if (expected === undefined) {
      it('keeps every invariant', () => expect(played.world.violations).toEqual([]));
    } else {
      it(`breaks ${expected.rule}, named in words`, () => {
        expect(played.world.violations.map((v) => v.rule)).toEqual([expected.rule]);
        expect(played.world.violations[0]!.message).toMatch(expected.message);
      });
    }
  });

  it('a failed put is not rolled back: the next read returns it', () => {
    const { world } = playScenario(quorum, scenario('partial-write-surfaces'));
    const returns = traceToArray(world.trace).flatMap((e) => (e.type === 'observe' && typeof e.value === 'object' && e.value !== null && 'ok' in e.value ? [e.value] : []));
    expect(returns).toEqual([
      { operation: 'return', id: 'C1.1', ok: false, error: 'timed out: 1 of 2 acknowledgements' },
      { operation: 'return', id: 'C2.1', ok: true, values: ['a1'] },
    ]);
  });

  it('concurrent puts become siblings on every replica, and the next put merges them', () => {
    const steps = scenario('siblings-merged').steps;
    const mid = playScenario(quorum, { ...scenario('siblings-merged'), steps: steps.slice(0, 5) }).world;
    expect(mid.conditions['siblings']?.message).toBe('S1, S2 and S3 hold siblings of x: a1 [C1:1] | b1 [C2:1]');
    const end = playScenario(quorum, scenario('siblings-merged')).world;
    expect(end.conditions['siblings']).toBeUndefined();
    expect(quorum.describe(end, 2).fields.find((f) => f.name === 'replicas')?.value).toBe('x = a2 [C1:2 C2:1]');
  });

  it('a sloppy write leaves a hint on the stand-in until its home node takes it', () => {
    const steps = scenario('sloppy-write-and-handoff').steps;
    const before = playScenario(quorum, { ...scenario('sloppy-write-and-handoff'), steps: steps.slice(0, 6) }).world;
    expect(before.conditions['hint-pending']?.message).toBe('S4 holds x = a1 [C1:1] for S2');
    const after = playScenario(quorum, scenario('sloppy-write-and-handoff')).world;
    expect(after.conditions['hint-pending']).toBeUndefined();
    expect(after.conditions['stale-replica']?.message).toBe('S3 is behind on x: nothing, while the newest is a1 [C1:1]');
  });

  it('read repair and anti-entropy each leave no stale replica behind', () => {
    for (const id of ['read-repair', 'anti-entropy-converges']) {
      const { world } = playScenario(quorum, scenario(id));
      expect(world.conditions['stale-replica'], id).toBeUndefined();
      expect(world.timers, id).toEqual([]);
    }
  });

  it('a stale read under dynamo breaks nothing that dynamo promises', () => {
    const { world } = playScenario(quorum, scenario('dynamo-stale-read-allowed'));
    expect(world.violations).toEqual([]);
    expect(traceToArray(world.trace).some((e) => e.type === 'note' && e.text === 'gets x = nothing')).toBe(true);
  });

  it('a linearizability violation names the operations it is about', () => {
    const { world } = playScenario(quorum, scenario('new-then-old'));
    expect(world.violations[0]).toMatchObject({ rule: 'linearizable', nodes: [0, 1], operations: ['C1.1', 'C2.1', 'C2.2'] });
  });
});
