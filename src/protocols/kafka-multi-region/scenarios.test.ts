import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { clusters, counted } from './accounting';
import { kafkaMultiRegion as multi } from './index';

const scenario = (id: string) => multi.scenarios.find((s) => s.id === id)!;
const countedText = (world: World) => counted(world).map(([v, r, e]) => `${v}:${'AB'[r]}${e}`);

/** Runs that end by breaking a promise: each operator mistake. */
const broken: Record<string, string> = {
  'failover-raw-offset': 'no-loss',
  'no-writer-fencing-split': 'single-writer',
};

describe('multi-region Kafka scenarios', () => {
  it('include the required stories, at least six, each captioned, and a failing run for every broken variant', () => {
    const ids = multi.scenarios.map((s) => s.id);
    expect(ids).toEqual(['offsets-differ', 'failover-mapped', 'failover-raw-offset', 'active-active-failover', 'no-writer-fencing-split', 'region-cut-healed']);
    for (const s of multi.scenarios) expect(s.steps.some((step) => step.caption !== undefined), s.id).toBe(true);
    for (const variant of multi.variants.filter((v) => v.id !== 'correct').map((v) => v.id)) expect(multi.scenarios.some((s) => s.variant === variant)).toBe(true);
  });

  eachScenario(multi, (s, played) => {
    const rule = broken[s.id];
    if (rule === undefined)
      it('keeps every invariant of its arrangement', () => {
        expect(played.world.violations).toEqual([]);
      });
    else
      it(`ends by breaking ${rule}, on its last step`, () => {
        expect(played.world.violations.map((v) => v.rule)).toEqual([rule]);
        expect(played.world.violations[0]!.step).toBe(played.world.step);
      });
  });

  it('puts the same records at different offsets in each region', () => {
    const [a, b] = clusters(playScenario(multi, scenario('offsets-differ')).world);
    expect(a!.aggregate).toEqual(['a1', 'b1', 'a2']);
    expect(b!.aggregate).toEqual(['b1', 'a1', 'a2']);
  });

  it('after a mapped failover, does again only the record done after the last shipped checkpoint, and loses nothing', () => {
    const { world } = playScenario(multi, scenario('failover-mapped'));
    expect(countedText(world)).toEqual(['a1:A1', 'a2:A1', 'a3:A1', 'b1:B2', 'b2:B2', 'a3:B2']);
    expect(world.conditions['reprocessing']!.message).toBe('1 record done again after the failover to region B: a3, after the last shipped checkpoint');
  });

  it('with the raw offset, skips the records that sat before that offset in the new region', () => {
    const { world } = playScenario(multi, scenario('failover-raw-offset'));
    expect(world.violations[0]!.message).toBe('the writer, region B, has gone past b1 and b2 in its aggregate, but the database never counted them: lost');
  });

  it('in an active-active failover, counts each record once, the old writer\'s before and the new one\'s after', () => {
    const { world } = playScenario(multi, scenario('active-active-failover'));
    expect(countedText(world)).toEqual(['a1:A1', 'b1:B2', 'a2:B2']);
  });

  it('while a region is cut off, says which records its aggregate lacks', () => {
    const steps = scenario('region-cut-healed').steps;
    const { world } = playScenario(multi, { ...scenario('region-cut-healed'), steps: steps.slice(0, -3) });
    expect(world.conditions['replication-lag']!.message).toBe('aggregate A lacks b1 and b2 from region B; aggregate B lacks a1, a2 and a3 from region A');
  });
});
