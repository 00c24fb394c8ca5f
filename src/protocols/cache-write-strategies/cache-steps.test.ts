import { describe, expect, it } from 'vitest';
import { apply, traceToArray, type MessageBody, type World } from '../../engine';
import { deliver, observationsOf, playScenario, type ScenarioStep } from '../kit';
import { cacheMemory } from './rules';
import { machineRuns } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// What the cache does with writes that race each other: late copies of a parallel write, late
// updates, fills it already has, and entries it evicts or serves while they are being flushed.

const { play, told } = machineRuns(protocol, 'cache-steps');
/** Delivers the first message in flight that matches, by its body. */
const deliverWhere = (world: World, match: (body: MessageBody) => boolean) => apply(world, { type: 'deliver', id: world.messages.find((m) => match(m.body))!.id });
const entries = (world: World) => cacheMemory(world)!.entries.map((e) => `${e.key}=${e.value} ${e.version === null ? 'unversioned' : `v${e.version}`}`);

describe('a write-through cache', () => {
  it('ignores the early copy of a parallel write that arrives after the server confirmed that write', () => {
    let world = play([{ do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'DB'), deliver('WRITTEN', 'DB', 'App1')], { warm: true });
    world = deliverWhere(world, (b) => b.type === 'SET' && b['version'] === 1);
    world = deliverWhere(world, (b) => b.type === 'SET' && b['version'] === null);
    expect(told(world)).toContain('Cache ignores the unversioned SET x=a1: App1 has confirmed a later write since');
    expect(entries(world)).toEqual(['x=a1 v1']);
  });

  it('ignores the early copy of a write sent to the cache before it crashed', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'crash', node: 'Cache' }, { do: 'restart', node: 'Cache' }, deliver('SET', 'App1', 'Cache')], { warm: true });
    expect(told(world)).toContain('Cache ignores the unversioned SET x=a1: App1 has confirmed a later write since');
  });

  it('does not take the early copy of a write to a key it does not hold', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, deliver('SET', 'App1', 'Cache')]);
    expect(told(world)).toContain('Cache does not hold x: nothing to update (the next read fills it)');
    expect(entries(world)).toEqual([]);
  });

  it('drops its copy when the confirmation of an early write is older than the copy that write displaced', () => {
    // App1's write gets v1 and App2's v2, but App1's early copy reaches the cache after App2's v2.
    const world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        { do: 'client', node: 'App2', op: 'write x' },
        deliver('WRITE', 'App1', 'DB'),
        deliver('WRITE', 'App2', 'DB'),
        deliver('SET', 'App2', 'Cache'),
        deliver('WRITTEN', 'DB', 'App2'),
        deliver('SET', 'App2', 'Cache'),
        deliver('SET', 'App1', 'Cache'),
        deliver('WRITTEN', 'DB', 'App1'),
        deliver('SET', 'App1', 'Cache'),
      ],
      { warm: true },
    );
    expect(told(world)).toContain('Cache drops x: a newer write reached the database before x=a1 v1');
    expect(entries(world)).toEqual([]);
  });

  it('keeps a newer copy when an older update arrives late, and still confirms the old one', () => {
    let world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'DB'),
        deliver('WRITTEN', 'DB', 'App1'),
        { do: 'duplicate', message: { type: 'SET', from: 'App1', to: 'Cache' } },
        deliver('SET', 'App1', 'Cache'),
        deliver('STORED', 'Cache', 'App1'),
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'DB'),
        deliver('WRITTEN', 'DB', 'App1'),
      ],
      { warm: true, sequential: true },
    );
    world = deliverWhere(world, (b) => b.type === 'SET' && b['version'] === 2);
    world = deliverWhere(world, (b) => b.type === 'SET' && b['version'] === 1);
    expect(told(world)).toContain('Cache keeps x=a2 v2: it is newer than x=a1 v1');
    expect(entries(world)).toEqual(['x=a2 v2']);
    expect(world.messages.filter((m) => m.body.type === 'STORED').map((m) => m.body['version'])).toEqual([2, 1]);
  });
});

describe('a write-around cache with entry lifetimes', () => {
  it('stops the lifetime of the copy it drops on an invalidation', () => {
    const config = { strategy: 'write-around', ttlTicks: 500 };
    const filled = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'next', until: { type: 'FILL' } }], config);
    expect(filled.timers.filter((t) => t.node === 2).map((t) => t.name)).toEqual(['expiry of x']);
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'next', until: { type: 'FILL' } }, { do: 'client', node: 'App1', op: 'write x' }, { do: 'next', until: { type: 'INVALIDATE' } }], config);
    expect(entries(world)).toEqual([]);
    expect(world.timers.filter((t) => t.node === 2)).toEqual([]);
  });
});

describe('a cache-aside cache', () => {
  it('refuses a second copy of a fill it has already taken, saying what it holds', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'next', times: 4 }, { do: 'duplicate', message: { type: 'FILL' } }, deliver('FILL', 'App2', 'Cache'), deliver('FILL', 'App2', 'Cache')]);
    expect(told(world)).toContain('Cache refuses to fill x=x0 v0: it already holds x=x0 v0');
    expect(entries(world)).toEqual(['x=x0 v0']);
  });

  it('over capacity, evicts the least recently used clean entry without writing anything', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }, { do: 'client', node: 'App2', op: 'read y' }, { do: 'settle' }], { keys: 2, capacity: 1 });
    expect(told(world)).toMatch(/Cache evicts x=x0 v0, the least recently used entry(?!;)/);
    expect(entries(world)).toEqual(['y=y0 v0']);
    expect(traceToArray(world.trace).some((e) => e.type === 'send' && e.envelope.body.type === 'FLUSH')).toBe(false);
  });
});

describe('a cache with room for two entries', () => {
  const config = { keys: 3, capacity: 2, ttlTicks: 500 };
  /** A read, up to its fill landing (or its hit answered). */
  const read = (app: string, key: string, until: 'FILL' | 'HIT' = 'FILL'): ScenarioStep[] => [
    { do: 'client', node: app, op: `read ${key}` },
    { do: 'next', until: until === 'FILL' ? { type: 'FILL', from: app, to: 'Cache' } : { type: 'HIT', from: 'Cache', to: app } },
  ];

  it('keeps the entry just read and evicts the one least recently used, stopping its lifetime', () => {
    const world = play([...read('App1', 'x'), ...read('App1', 'y'), ...read('App2', 'x', 'HIT'), ...read('App2', 'z')], config);
    expect(entries(world)).toEqual(['x=x0 v0', 'z=z0 v0']);
    expect(world.timers.filter((t) => t.node === 2).map((t) => t.name).sort()).toEqual(['expiry of x', 'expiry of z']);
  });

  const readStepByStep = (app: string, key: string): ScenarioStep[] => [
    { do: 'client', node: app, op: `read ${key}` },
    deliver('GET', app, 'Cache'),
    deliver('MISS', 'Cache', app),
    deliver('READ', app, 'DB'),
    deliver('VALUE', 'DB', app),
    deliver('FILL', app, 'Cache'),
  ];

  it('counts each hit for the costs, by key', () => {
    const world = play([...read('App1', 'x'), ...read('App2', 'x', 'HIT')], config);
    expect(observationsOf(world, 2)).toEqual([
      { lookup: 'miss', key: 'x' },
      { lookup: 'hit', key: 'x' },
    ]);
  });

  it('refuses a late copy of a fill once its entry was evicted: the fill’s lease was used up', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'read x' }, { do: 'next', times: 4 }, { do: 'duplicate', message: { type: 'FILL' } }, deliver('FILL', 'App1', 'Cache'), ...readStepByStep('App2', 'y'), deliver('FILL', 'App1', 'Cache')],
      { keys: 3, capacity: 1 },
    );
    expect(entries(world)).toEqual(['y=y0 v0']);
  });
});

describe('a cache without the lease check (unguarded-fill)', () => {
  it('says so when a late fill overwrites a newer copy', () => {
    // App2's read of x0 is slow; App1 writes a1, and App3's read fills a1 before App2's fill lands.
    const steps: readonly ScenarioStep[] = [
      { do: 'client', node: 'App2', op: 'read x' },
      deliver('GET', 'App2', 'Cache'),
      deliver('MISS', 'Cache', 'App2'),
      deliver('READ', 'App2', 'DB'),
      { do: 'client', node: 'App1', op: 'write x' },
      deliver('WRITE', 'App1', 'DB'),
      deliver('WRITTEN', 'DB', 'App1'),
      deliver('SET', 'App1', 'Cache'),
      deliver('STORED', 'Cache', 'App1'),
      { do: 'client', node: 'App3', op: 'read x' },
      deliver('GET', 'App3', 'Cache'),
      deliver('MISS', 'Cache', 'App3'),
      deliver('READ', 'App3', 'DB'),
      deliver('VALUE', 'DB', 'App3'),
      deliver('FILL', 'App3', 'Cache'),
      deliver('VALUE', 'DB', 'App2'),
      deliver('FILL', 'App2', 'Cache'),
    ];
    const world = playScenario(protocol, { id: 'unguarded', title: '', summary: '', variant: 'unguarded-fill', config: { apps: 3, sequential: true }, steps }).world;
    expect(told(world)).toContain('Cache fills x=x0 v0, over x=a1 v1.');
  });
});

describe('a write-back cache', () => {
  it('serves a read of an evicted dirty entry while it is still on its way to the database', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'next', times: 4 }, { do: 'client', node: 'App1', op: 'write y' }, { do: 'next', times: 3 }, { do: 'client', node: 'App2', op: 'read x' }, deliver('GET', 'App2', 'Cache')],
      { strategy: 'write-back', keys: 2, capacity: 1, flushTicks: 1000 },
    );
    expect(cacheMemory(world)!.flushing).toEqual([{ key: 'x', value: 'a1', version: 1 }]);
    expect(world.messages.find((m) => m.body.type === 'HIT')?.body).toMatchObject({ key: 'x', value: 'a1', version: 1 });
  });

  describe('with x evicted and still on its way to the database', () => {
    const config = { strategy: 'write-back', keys: 3, capacity: 1, flushTicks: 1000 };
    const evicted: readonly ScenarioStep[] = [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'next', times: 4 }, { do: 'client', node: 'App1', op: 'write y' }, { do: 'next', times: 4 }];
    const stored = (world: World) => traceToArray(world.trace).flatMap((e) => (e.type === 'send' && e.envelope.body.type === 'STORED' ? [`${String(e.envelope.body['key'])} v${String(e.envelope.body['version'])}`] : []));

    it('gives a new write of x the version after the one being flushed', () => {
      expect(cacheMemory(play(evicted, config))!.flushing).toEqual([{ key: 'x', value: 'a1', version: 1 }]);
      const world = play([...evicted, { do: 'client', node: 'App2', op: 'write x' }, deliver('WRITE', 'App2', 'Cache')], config);
      expect(stored(world)).toEqual(['x v1', 'y v1', 'x v2']);
    });

    it('serves x, and only x, from the entry being flushed', () => {
      const world = play([...evicted, { do: 'client', node: 'App2', op: 'read z' }, deliver('GET', 'App2', 'Cache')], config);
      expect(world.messages.map((m) => m.body.type)).toContain('MISS');
      const written = play([...evicted, { do: 'client', node: 'App2', op: 'write z' }, { do: 'settle' }], config);
      expect(stored(written)).toEqual(['x v1', 'y v1', 'z v1']);
    });
  });

  describe('with x and then y evicted dirty, both on their way to the database', () => {
    const config = { strategy: 'write-back', keys: 3, capacity: 1, flushTicks: 1000 };
    /** A write of a key the cache does not hold: it reads the key first. */
    const writeMissing = (key: string): ScenarioStep[] => [{ do: 'client', node: 'App1', op: `write ${key}` }, deliver('WRITE', 'App1', 'Cache'), deliver('READ', 'Cache', 'DB'), deliver('VALUE', 'DB', 'Cache')];
    const twoFlushing: readonly ScenarioStep[] = [
      ...writeMissing('x'),
      deliver('STORED', 'Cache', 'App1'),
      ...writeMissing('y'),
      { do: 'drop', message: { type: 'FLUSH' } },
      deliver('STORED', 'Cache', 'App1'),
      { do: 'client', node: 'App1', op: 'write y' },
      deliver('WRITE', 'App1', 'Cache'),
      deliver('STORED', 'Cache', 'App1'),
      ...writeMissing('z'),
      deliver('STORED', 'Cache', 'App1'),
    ];

    it('gives a new write of y the version after y’s, not after x’s', () => {
      expect(cacheMemory(play(twoFlushing, config))!.flushing).toEqual([
        { key: 'x', value: 'a1', version: 1 },
        { key: 'y', value: 'a3', version: 2 },
      ]);
      const world = play([...twoFlushing, { do: 'client', node: 'App2', op: 'write y' }, deliver('WRITE', 'App2', 'Cache')], config);
      expect(world.messages.find((m) => m.body.type === 'STORED')?.body).toMatchObject({ key: 'y', version: 3 });
    });

    it('marks y clean once the database has it, though x is still on its way', () => {
      const world = play([...twoFlushing, deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache')], config);
      expect(told(world)).toContain('Cache knows y v2 is in the database: clean');
      expect(cacheMemory(world)!.flushing).toEqual([{ key: 'x', value: 'a1', version: 1 }]);
      expect(world.nodes[2]!.persisted['y']).toBe('flushed');
      const twice = play([...twoFlushing, { do: 'duplicate', message: { type: 'FLUSH' } }, deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSH', 'Cache', 'DB'), deliver('FLUSHED', 'DB', 'Cache'), deliver('FLUSHED', 'DB', 'Cache')], config);
      expect(told(twice).match(/Cache knows y v2 is in the database: clean/g)).toHaveLength(1);
    });
  });
});
