import { describe, expect, it } from 'vitest';
import { traceToArray } from '../../engine';
import { operationIntervals, playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { cacheWriteStrategies as protocol } from './index';
import { cacheMemory, stored } from './rules';

const scenario = (id: string) => protocol.scenarios.find((s) => s.id === id)!;

/** The invariant each broken variant's scenario breaks first. */
const broken: Record<string, string> = {
  'unguarded-fill-stale-forever': 'coherent-when-quiet',
  'unguarded-fill-until-ttl': 'coherent-when-quiet',
  'volatile-write-back-lost-write': 'acknowledged-write-durable',
  'invalidate-then-write-stale': 'coherent-when-quiet',
  'parallel-write-partial-failure': 'coherent-when-quiet',
};

describe('cache write strategy scenarios', () => {
  it('include a happy path per strategy, a cache crash under each, and a failing run for every broken variant', () => {
    const ids = protocol.scenarios.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids).toEqual(expect.arrayContaining(['write-through', 'write-around', 'write-back', 'cache-crash-write-through', 'cache-crash-write-around', 'cache-crash-write-back']));
    for (const variant of protocol.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
      expect(protocol.scenarios.some((s) => s.variant === variant)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of protocol.scenarios) expect(s.steps.some((step) => step.caption !== undefined)).toBe(true);
  });

  eachScenario(protocol, (s, played) => {
    if ((s.variant ?? 'correct') === 'correct') {
      it('keeps every invariant', () => {
        expect(played.world.violations).toEqual([]);
      });
    } else {
      it(`ends with a violation of ${broken[s.id]}`, () => {
        expect(played.world.violations[0]?.rule).toBe(broken[s.id]);
      });
    }
  });

  it('the lease refuses the stale fill, so the cache never holds x0 once a1 is written', () => {
    const { world } = playScenario(protocol, scenario('lease-refuses-stale-fill'));
    expect(cacheMemory(world)!.entries).toEqual([]);
    expect(stored(world, 'x')).toEqual({ value: 'a1', version: 1 });
  });

  it('a write-back cache that logs its dirty entries flushes the acknowledged write after a crash', () => {
    const { world } = playScenario(protocol, scenario('cache-crash-write-back'));
    expect(stored(world, 'x')).toEqual({ value: 'a1', version: 1 });
    expect(world.conditions['dirty-entries']).toBeUndefined();
  });

  it('an evicted dirty entry reaches the database before the flush timer would have sent it', () => {
    const { world } = playScenario(protocol, scenario('write-back-eviction'));
    const flushes = traceToArray(world.trace).filter((e) => e.type === 'deliver' && e.envelope.body.type === 'FLUSH');
    expect(flushes.map((e) => (e.type === 'deliver' ? `${String(e.envelope.body['key'])}@${e.tick}` : ''))).toEqual(['x@88', expect.stringMatching(/^y@\d{4}$/)]);
  });

  it('with a TTL the stale value expires, and the next read returns the database’s value', () => {
    const { world } = playScenario(protocol, scenario('unguarded-fill-until-ttl'));
    expect(world.violations.map((v) => v.rule)).toEqual(['coherent-when-quiet']);
    const reads = operationIntervals(world.observations).filter((op) => op.invoke.action === 'read');
    expect(reads.map((op) => op.result?.values)).toEqual([['x0'], ['a1']]);
  });

  it('shows write-back’s dirty entries and write-around’s stale entry as conditions while they last', () => {
    const writeBack = playScenario(protocol, { ...scenario('write-back'), steps: scenario('write-back').steps.slice(0, 4) }).world;
    expect(writeBack.conditions['dirty-entries']?.message).toBe('only the cache has x=a1 v1 (the database has v0)');
    const writeAround = playScenario(protocol, { ...scenario('write-around'), steps: scenario('write-around').steps.slice(0, 4) }).world;
    expect(writeAround.conditions['stale-entry']?.message).toBe('the cache serves x=x0 v0 (the database has a1 v1)');
  });
});
