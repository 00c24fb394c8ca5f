import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, type ScenarioStep } from '../kit';
import { cacheMemory } from './rules';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// The cache's timers and its log: when it flushes, when it stops, what it reloads after a crash,
// and what its own read of the database does when a write overtakes it.

const { play, told } = machineRuns(protocol, 'cache');
const CACHE = 2;
const cacheTimers = (world: World) => world.timers.filter((t) => t.node === CACHE).map((t) => `${t.name} for ${t.dueTick - t.setTick}`);
const sentByCache = (world: World, type: string) => sentBy(world, CACHE, type);
const writeBack = { strategy: 'write-back' } as const;
/** App1's write-back write of x=a1, answered: the entry is dirty. */
const written: readonly ScenarioStep[] = [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'next', times: 4 }];

describe('a write-back cache', () => {
  it('flushes its dirty entry to the database when the flush timer fires, and keeps the timer running while it is dirty', () => {
    const dirty = play(written, writeBack);
    expect(cacheTimers(dirty)).toEqual(['flush for 120']);
    const fired = play([...written, { do: 'fire', node: 'Cache', timer: 'flush' }], writeBack);
    expect(sentByCache(fired, 'FLUSH')).toEqual([{ type: 'FLUSH', key: 'x', value: 'a1', version: 1 }]);
    expect(cacheTimers(fired)).toEqual(['flush for 120']);
    expect(told(fired)).toContain('Cache flushes its dirty entries to the database');
  });

  it('stops its flush timer and logs the entry as flushed once the database has it', () => {
    const world = play([...written, { do: 'fire', node: 'Cache', timer: 'flush' }, deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache')], writeBack);
    expect(cacheTimers(world)).toEqual([]);
    expect(world.nodes[CACHE]!.persisted['x']).toBe('flushed');
    expect(cacheMemory(world)!.entries).toEqual([{ key: 'x', value: 'a1', version: 1, floor: 1, dirty: false }]);
  });

  it('leaves a newer dirty entry dirty when the database confirms an older flush', () => {
    const world = play(
      [...written, { do: 'client', node: 'Cache', op: 'flush-now' }, { do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'Cache'), deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache')],
      writeBack,
    );
    expect(cacheMemory(world)!.entries).toEqual([{ key: 'x', value: 'a2', version: 2, floor: 2, dirty: true }]);
    expect(world.nodes[CACHE]!.persisted['x']).toBe('a2 v2');
    expect(told(world)).not.toContain('is in the database: clean');
    expect(cacheTimers(world)).toEqual(['flush for 120']);
    const besideClean = play(
      [{ do: 'client', node: 'App2', op: 'read y' }, { do: 'next', until: { type: 'FILL' } }, ...written, { do: 'client', node: 'Cache', op: 'flush-now' }, { do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'Cache'), deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache')],
      { ...writeBack, keys: 2 },
    );
    expect(besideClean.nodes[CACHE]!.persisted['x']).toBe('a2 v2');
  });

  it('says an entry is clean once, though a repeated flush is confirmed twice', () => {
    const world = play(
      [
        ...written,
        { do: 'client', node: 'Cache', op: 'flush-now' },
        { do: 'duplicate', message: { type: 'FLUSH' } },
        deliver('FLUSH', 'Cache', 'DB'),
        deliver('FLUSH', 'Cache', 'DB'),
        deliver('FLUSHED', 'DB', 'Cache'),
        { do: 'client', node: 'App1', op: 'write y' },
        deliver('WRITE', 'App1', 'Cache'),
        deliver('READ', 'Cache', 'DB'),
        deliver('VALUE', 'DB', 'Cache'),
        deliver('FLUSHED', 'DB', 'Cache'),
      ],
      { ...writeBack, keys: 2 },
    );
    expect(told(world).match(/Cache knows x v1 is in the database: clean/g)).toHaveLength(1);
    expect(cacheMemory(world)!.entries.map((e) => `${e.key} ${e.dirty ? 'dirty' : 'clean'}`)).toEqual(['x clean', 'y dirty']);
  });

  it('asked to flush now, sends its dirty entries at once and leaves its flush timer as it was', () => {
    const world = play([...written, { do: 'client', node: 'Cache', op: 'flush-now' }], writeBack);
    expect(sentByCache(world, 'FLUSH')).toEqual([{ type: 'FLUSH', key: 'x', value: 'a1', version: 1 }]);
    expect(world.timers.filter((t) => t.node === CACHE).map((t) => t.dueTick)).toEqual(play(written, writeBack).timers.filter((t) => t.node === CACHE).map((t) => t.dueTick));
  });

  it('flushes only its dirty entries, not the clean ones it also holds', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read y' }, { do: 'next', until: { type: 'FILL' } }, ...written, { do: 'client', node: 'Cache', op: 'flush-now' }], { ...writeBack, keys: 2 });
    expect(cacheMemory(world)!.entries.map((e) => `${e.key} ${e.dirty ? 'dirty' : 'clean'}`).sort()).toEqual(['x dirty', 'y clean']);
    expect(sentByCache(world, 'FLUSH')).toEqual([{ type: 'FLUSH', key: 'x', value: 'a1', version: 1 }]);
    const confirmed = play(
      [{ do: 'client', node: 'App2', op: 'read y' }, { do: 'next', until: { type: 'FILL' } }, ...written, { do: 'client', node: 'Cache', op: 'flush-now' }, deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache')],
      { ...writeBack, keys: 2 },
    );
    expect(told(confirmed)).toContain('Cache knows x v1 is in the database: clean');
  });

  it('restarted, reloads its dirty entries from its log, says so, and gives each a full lifetime when entries expire', () => {
    const world = play([...written, { do: 'crash', node: 'Cache' }, { do: 'restart', node: 'Cache' }], { ...writeBack, ttlTicks: 100 });
    expect(told(world)).toContain('Cache restarts with an empty memory and reloads x=a1 from its log: still dirty');
    expect(world.nodes[CACHE]!.persisted['starts']).toBe(2);
    expect(cacheTimers(world).sort()).toEqual(['expiry of x for 100', 'flush for 120']);
    const withoutTtl = play([...written, { do: 'crash', node: 'Cache' }, { do: 'restart', node: 'Cache' }], writeBack);
    expect(cacheTimers(withoutTtl)).toEqual(['flush for 120']);
  });

  it('restarted with two dirty entries in its log, names both', () => {
    const steps: readonly ScenarioStep[] = [...written, { do: 'client', node: 'App1', op: 'write y' }, { do: 'next', times: 4 }, { do: 'crash', node: 'Cache' }, { do: 'restart', node: 'Cache' }];
    expect(told(play(steps, { ...writeBack, keys: 2 }))).toContain('Cache restarts with an empty memory and reloads x=a1, y=a2 from its log: still dirty');
  });

  it('lets an entry expire when its TTL runs out, flushing a dirty one first', () => {
    const world = play([...written, { do: 'fire', node: 'Cache', timer: 'expiry of x' }], { ...writeBack, ttlTicks: 100 });
    expect(told(world)).toContain('Cache lets x=a1 v1 expire (its TTL ran out); it is dirty, so it flushes it to the database first');
    expect(cacheMemory(world)).toMatchObject({ entries: [], flushing: [{ key: 'x', value: 'a1', version: 1 }] });
    expect(sentByCache(world, 'FLUSH')).toEqual([{ type: 'FLUSH', key: 'x', value: 'a1', version: 1 }]);
  });
});

describe('a read-through cache', () => {
  const readThrough = { readThrough: true, strategy: 'write-around' } as const;
  const reading: readonly ScenarioStep[] = [{ do: 'client', node: 'App2', op: 'read x' }, deliver('GET', 'App2', 'Cache')];

  it('asks the database again when its read gets no answer in time', () => {
    const world = play([...reading, { do: 'drop', message: { type: 'READ', from: 'Cache', to: 'DB' } }, { do: 'fire', node: 'Cache', timer: 'fetch' }], readThrough);
    expect(sentByCache(world, 'READ')).toEqual([
      { type: 'READ', key: 'x', op: 'L1' },
      { type: 'READ', key: 'x', op: 'L1' },
    ]);
    expect(told(world)).toContain('Cache has no answer from the database yet: it asks again for x');
    expect(cacheTimers(world)).toEqual(['fetch for 80']);
  });

  it('does not fill a value read before a write invalidated the key, yet answers the reader with it', () => {
    const world = play(
      [...reading, deliver('READ', 'Cache', 'DB'), { do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'DB'), deliver('WRITTEN', 'DB', 'App1'), deliver('INVALIDATE', 'App1', 'Cache'), deliver('VALUE', 'DB', 'Cache')],
      readThrough,
    );
    expect(cacheMemory(world)!.entries).toEqual([]);
    expect(told(world)).toContain('Cache does not fill x=x0 v0: x was written while it was reading (its lease L1 is withdrawn)');
    expect(sentByCache(world, 'VALUE')).toEqual([{ type: 'VALUE', key: 'x', value: 'x0', version: 0, op: 'App2.1' }]);
  });
});
