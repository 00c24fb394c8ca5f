import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { asOperation, deliver, observationsOf, type ScenarioStep } from '../kit';
import { cacheMemory } from './rules';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// The cache's own reads of the database: one read serves everyone asking meanwhile, a late copy
// of its answer changes nothing, and its timer runs only while a read is outstanding.

const { play, told } = machineRuns(protocol, 'cache-fetch');
const CACHE = 2;
const returns = (world: World, node: number) => observationsOf(world, node).filter((o) => asOperation(o)?.operation === 'return');
const fetchTimers = (world: World) => world.timers.filter((t) => t.node === CACHE && t.name === 'fetch').length;

describe('a read-through cache', () => {
  const config = { readThrough: true };
  const bothRead: readonly ScenarioStep[] = [{ do: 'client', node: 'App1', op: 'read x' }, { do: 'client', node: 'App2', op: 'read x' }, deliver('GET', 'App1', 'Cache'), deliver('GET', 'App2', 'Cache')];

  it('answers two readers of one key with a single read of the database', () => {
    const waiting = play(bothRead, config);
    expect(told(waiting)).toContain('Cache is already reading x from the database: the request waits for it');
    const world = play([...bothRead, { do: 'settle' }], config);
    expect(sentBy(world, CACHE, 'READ')).toHaveLength(1);
    for (const app of [0, 1]) expect(returns(world, app)).toEqual([expect.objectContaining({ ok: true, values: ['x0'] })]);
    expect(cacheMemory(world)!.entries).toEqual([{ key: 'x', value: 'x0', version: 0, floor: 0, dirty: false }]);
    const leasesOut = (w: World) => protocol.describe(w, CACHE).fields.find((f) => f.name === 'leases out')?.value;
    expect(leasesOut(play(bothRead, config))).toBe('x: L1');
    expect(leasesOut(world)).toBe('none');
  });

  it('asks again for every key it is still reading, naming them', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'read x' }, { do: 'client', node: 'App2', op: 'read y' }, deliver('GET', 'App1', 'Cache'), deliver('GET', 'App2', 'Cache'), { do: 'drop', message: { type: 'READ' } }, { do: 'drop', message: { type: 'READ' } }, { do: 'fire', node: 'Cache', timer: 'fetch' }],
      { ...config, keys: 2 },
    );
    expect(told(world)).toContain('Cache has no answer from the database yet: it asks again for x, y');
  });

  it('does not take a late answer to an earlier read of the key as the answer to the read under way', () => {
    const world = play(
      [
        { do: 'client', node: 'App2', op: 'read x' },
        deliver('GET', 'App2', 'Cache'),
        { do: 'duplicate', message: { type: 'READ' } },
        deliver('READ', 'Cache', 'DB'),
        deliver('READ', 'Cache', 'DB'),
        deliver('VALUE', 'DB', 'Cache'),
        { do: 'fire', node: 'Cache', timer: 'expiry of x' },
        { do: 'client', node: 'App1', op: 'read x' },
        deliver('GET', 'App1', 'Cache'),
        deliver('VALUE', 'DB', 'Cache'),
      ],
      { ...config, ttlTicks: 500 },
    );
    expect(Object.values(cacheMemory(world)!.fetches).map((f) => f.token)).toEqual(['L2']);
    expect(cacheMemory(world)!.entries).toEqual([]);
  });

  it('ignores a second copy of the database’s answer once the read is done', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, deliver('GET', 'App2', 'Cache'), { do: 'duplicate', message: { type: 'READ' } }, { do: 'settle' }], config);
    expect(sentBy(world, CACHE, 'VALUE')).toHaveLength(1);
    expect(returns(world, 1)).toHaveLength(1);
    expect(cacheMemory(world)!.fetches).toEqual({});
  });

  it('keeps its read timer while another key is still being read, and stops it after the last', () => {
    const twoKeys = [{ do: 'client', node: 'App1', op: 'read x' }, { do: 'client', node: 'App2', op: 'read y' }, deliver('GET', 'App1', 'Cache'), deliver('GET', 'App2', 'Cache'), deliver('READ', 'Cache', 'DB'), deliver('VALUE', 'DB', 'Cache')] as const;
    const one = play(twoKeys, { ...config, keys: 2 });
    expect(Object.keys(cacheMemory(one)!.fetches)).toEqual(['y']);
    expect(fetchTimers(one)).toBe(1);
    const none = play([...twoKeys, deliver('READ', 'Cache', 'DB'), deliver('VALUE', 'DB', 'Cache')], { ...config, keys: 2 });
    expect(fetchTimers(none)).toBe(0);
  });
});

describe('a write-back cache', () => {
  it('makes a read that arrives while it reads the key for a write wait for that read', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'Cache'), { do: 'client', node: 'App2', op: 'read x' }, deliver('GET', 'App2', 'Cache'), deliver('READ', 'Cache', 'DB'), deliver('VALUE', 'DB', 'Cache')],
      { strategy: 'write-back' },
    );
    expect(sentBy(world, CACHE, 'MISS')).toEqual([]);
    expect(sentBy(world, CACHE, 'VALUE')).toEqual([{ type: 'VALUE', key: 'x', value: 'x0', version: 0, op: 'App2.1' }]);
  });

  it('applies two writes to a key it does not hold, in order, after one read of the key', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'client', node: 'App2', op: 'write x' }, deliver('WRITE', 'App1', 'Cache'), deliver('WRITE', 'App2', 'Cache'), deliver('READ', 'Cache', 'DB'), deliver('VALUE', 'DB', 'Cache')],
      { strategy: 'write-back' },
    );
    expect(sentBy(world, CACHE, 'READ')).toHaveLength(1);
    expect(sentBy(world, CACHE, 'STORED').map((b) => `${String(b['op'])} v${String(b['version'])}`)).toEqual(['App1.1 v1', 'App2.1 v2']);
    expect(cacheMemory(world)!.entries).toEqual([{ key: 'x', value: 'b1', version: 2, floor: 2, dirty: true }]);
  });
});
