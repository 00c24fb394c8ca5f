import { describe, expect, it } from 'vitest';
import { traceToArray, type World } from '../../engine';
import { playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { account } from './accounting';
import { kafkaConsumerOffsets as kafka } from './index';

const scenario = (id: string) => kafka.scenarios.find((s) => s.id === id)!;
const processed = (world: World) => account(world).processed.map(([v, by]) => `${v} ${by}`);

/** What each correct scenario leaves in the sink, and the condition it ends on (if any). */
const expected: Record<string, { readonly sink: readonly string[]; readonly condition?: string }> = {
  'happy-path': { sink: ['r1 C1', 'r2 C2'] },
  'crash-at-most-once': { sink: [], condition: 'records-lost' },
  'crash-at-least-once': { sink: ['r1 C1', 'r1 C2'], condition: 'records-processed-twice' },
  'crash-exactly-once': { sink: ['r1 C1'] },
  'rebalance-on-join': { sink: ['r1 C1', 'r2 C1', 'r3 C1'] },
  'session-timeout-zombie': { sink: ['r1 C2', 'r1 C1'], condition: 'records-processed-twice' },
  'exactly-once-zombie-fenced': { sink: ['r1 C2'] },
  'lost-commit': { sink: ['r1 C1', 'r1 C2'], condition: 'records-processed-twice' },
};

/** Runs that end by breaking a promise: every broken variant, and latest under at-least-once. */
const broken: Record<string, string> = {
  'latest-skips-records': 'no-loss',
  'auto-commit-ahead-loses': 'no-loss',
  'commit-before-process-loses': 'no-loss',
  'no-generation-fencing-duplicates': 'no-duplicates',
  'no-transactional-fencing-duplicates': 'no-duplicates',
};

describe('Kafka consumer offsets scenarios', () => {
  it('include the required stories, at least ten, each captioned, and a failing run for every broken variant', () => {
    const ids = kafka.scenarios.map((s) => s.id);
    expect(ids).toEqual([...Object.keys(expected), ...Object.keys(broken)].sort((a, b) => ids.indexOf(a) - ids.indexOf(b)));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of kafka.scenarios) expect(s.steps.some((step) => step.caption !== undefined), s.id).toBe(true);
    for (const variant of kafka.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
      expect(kafka.scenarios.some((s) => s.variant === variant)).toBe(true);
  });

  eachScenario(kafka, (s, played) => {
    const rule = broken[s.id];
    if (rule === undefined) {
      it('keeps every invariant of its semantics, with the sink as the story says', () => {
        expect(played.world.violations).toEqual([]);
        expect(processed(played.world)).toEqual(expected[s.id]!.sink);
        const condition = expected[s.id]!.condition;
        if (condition !== undefined) expect(Object.keys(played.world.conditions)).toContain(condition);
      });
    } else {
      it(`ends by breaking ${rule}, on the step its last caption describes`, () => {
        expect(played.world.violations.map((v) => v.rule)).toEqual([rule]);
        expect(played.world.violations[0]!.step).toBe(played.world.step);
      });
    }
  });

  it('an at-most-once crash loses r1 without processing anything twice', () => {
    const { world } = playScenario(kafka, scenario('crash-at-most-once'));
    expect(world.conditions['records-lost']!.message).toBe("r1 is below p0's committed offset 1, never processed, and nothing holds it any more: lost (at-most-once allows this)");
    expect(account(world).duplicates).toEqual([]);
  });

  it('a fenced zombie is told ILLEGAL_GENERATION and rejoins, under at-least-once and exactly-once', () => {
    for (const id of ['session-timeout-zombie', 'exactly-once-zombie-fenced']) {
      const { world } = playScenario(kafka, scenario(id));
      const notes = traceToArray(world.trace).flatMap((e) => (e.type === 'note' ? [e.text] : []));
      expect(notes.some((t) => t.includes('ILLEGAL_GENERATION'))).toBe(true);
      expect(world.nodes[2]!.label).toBe('joining');
    }
  });

  it('a joining consumer starts its partition at the offset the previous owner committed', () => {
    const { world } = playScenario(kafka, scenario('rebalance-on-join'));
    const notes = traceToArray(world.trace).flatMap((e) => (e.type === 'note' && e.node === 3 ? [e.text] : []));
    expect(notes.at(-1)).toBe('owns p1 from the committed offset 1 in generation 2');
  });
});
