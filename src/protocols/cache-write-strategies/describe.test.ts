import { describe, expect, it } from 'vitest';
import { playScenario, type NodeFact, type StatechartDescription } from '../kit';
import { cacheWriteStrategies as protocol } from './index';

const scenario = (id: string) => protocol.scenarios.find((s) => s.id === id)!;
const upTo = (id: string, steps: number) => playScenario(protocol, { ...scenario(id), steps: scenario(id).steps.slice(0, steps) }).world;
const rows = (fields: readonly { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));
const table = (fact: NodeFact | undefined) => (fact?.kind === 'table' ? { columns: fact.columns, rows: fact.rows.map((r) => r.cells.join(' | ')) } : null);
const chart = (role: string): StatechartDescription => protocol.roles.find((r) => r.role === role)!.statechart;

describe('cache write strategy node descriptions', () => {
  it('draw the cache’s keys as a table with value, version and dirty flag, and no TTL column when entries never expire', () => {
    const world = upTo('write-back', 4);
    const cache = protocol.describe(world, 2);
    expect(cache).toMatchObject({ name: 'Cache', role: 'cache', label: 'dirty', status: 'working' });
    expect(table(cache.facts[0])).toEqual({ columns: ['key', 'value', 'version', 'dirty'], rows: ['x | a1 | v1 | dirty'] });
    expect(rows(cache.fields)).toMatchObject({ state: 'holds writes the database does not have yet', log: 'x = a1 v1' });
  });

  it('mark a stale entry with the database’s newer version, in words and not only in colour', () => {
    const world = upTo('write-around', 4);
    const fact = protocol.describe(world, 2).facts[0];
    expect(table(fact)?.rows).toEqual(['x | x0 | v0 < DB v1 | clean']);
    expect(fact?.kind === 'table' && fact.rows[0]?.tone).toBe('bad');
  });

  it('count an entry’s TTL down in ticks', () => {
    const world = playScenario(protocol, { id: 'ttl', title: 'ttl', summary: '', config: { ttlTicks: 100 }, steps: [{ do: 'client', node: 'App1', op: 'read x' }, { do: 'next', times: 5 }] }).world;
    const row = table(protocol.describe(world, 2).facts[0])?.rows[0];
    expect(row).toMatch(/^x \| x0 \| v0 \| clean \| (\d+) ticks$/);
    expect(Number(/(\d+) ticks/.exec(row!)![1])).toBeLessThanOrEqual(100);
  });

  it('draw the database’s keys as a table, and say what each server is doing', () => {
    const world = upTo('write-through', 4);
    expect(table(protocol.describe(world, 3).facts[0])).toEqual({ columns: ['key', 'value', 'version'], rows: ['x | x0 | v0'] });
    const app1 = protocol.describe(world, 0);
    expect(app1).toMatchObject({ label: 'writing', status: 'working' });
    expect(app1.facts).toEqual([{ kind: 'value', name: 'doing', value: 'write x=a1: writes the database and the cache at once' }]);
  });

  it('show a crashed cache as down, with only its log, and a crashed database with its records', () => {
    const world = upTo('cache-crash-write-back', 3);
    const cache = protocol.describe(world, 2);
    expect(cache).toMatchObject({ label: 'down', status: 'down', facts: [{ kind: 'value', name: 'log', value: 'x = a1 v1' }] });
    expect(rows(cache.fields)).toEqual({ state: 'down: its memory is gone; only its log survives', log: 'x = a1 v1' });
    const crashed = playScenario(protocol, { id: 'db-down', title: '', summary: '', steps: [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'next', times: 2 }, { do: 'crash', node: 'DB' }] }).world;
    const db = protocol.describe(crashed, 3);
    expect(db).toMatchObject({ label: 'down', status: 'down' });
    expect(table(db.facts[0])?.rows).toEqual(['x | a1 | v1']);
  });

  it('offer reads and writes of the configured keys to idle servers, and a flush only while something is dirty', () => {
    const world = upTo('write-back', 2);
    expect(world.system.clientOps(world, 0)).toEqual([]);
    expect(world.system.clientOps(world, 1)).toEqual([
      { op: 'read x', label: 'Read x' },
      { op: 'write x', label: 'Write x' },
    ]);
    expect(world.system.clientOps(world, 2)).toEqual([{ op: 'flush-now', label: 'Flush dirty entries now' }]);
    expect(upTo('write-back', 0).system.clientOps(upTo('write-back', 0), 2)).toEqual([]);
  });

  it('describe every message with its payload in short form', () => {
    const say = protocol.describeMessage;
    expect(say({ type: 'GET', key: 'x', op: 'App1.1' })).toBe('GET x');
    expect(say({ type: 'MISS', key: 'x', lease: 'L1', op: 'App1.1', boot: 1 })).toBe('MISS x (lease L1)');
    expect(say({ type: 'FILL', key: 'x', value: 'x0', version: 0, lease: 'L1', op: 'App1.1' })).toBe('FILL x=x0 v0');
    expect(say({ type: 'SET', key: 'x', value: 'a1', version: null, app: 'App1', seq: 1, boot: 1, op: 'App1.1' })).toBe('SET x=a1 unversioned');
    expect(say({ type: 'SET', key: 'x', value: 'a1', version: 2, app: 'App1', seq: 1, boot: 1, op: 'App1.1' })).toBe('SET x=a1 v2');
    expect(say({ type: 'WRITE', key: 'x', value: 'a1', op: 'App1.1', app: 'App1' })).toBe('WRITE x=a1');
    expect(say({ type: 'WRITTEN', key: 'x', version: 2, op: 'App1.1' })).toBe('WRITTEN x v2');
    expect(say({ type: 'FLUSH', key: 'x', value: 'a1', version: 2 })).toBe('FLUSH x=a1 v2');
    expect(say({ type: 'INVALIDATE', key: 'x', op: 'App1.1' })).toBe('INVALIDATE x');
  });

  it('draw the statecharts from the machines, with the steps of a write as states', () => {
    const lines = (c: StatechartDescription) => c.transitions.map((t) => `${t.source} --${t.event}${t.guard === null ? '' : ` [${t.guard}]`}--> ${t.target ?? '(stays)'}`);
    expect(chart('app').states.map((s) => s.id)).toEqual(
      expect.arrayContaining(['idle', 'reading.cache', 'reading.database', 'writing.database', 'writing.both', 'writing.updating', 'writing.invalidating', 'writing.cache']),
    );
    expect(lines(chart('app'))).toContain('writing.next --always [invalidateNext]--> writing.invalidating');
    expect(lines(chart('cache'))).toContain(' --FILL [fillAllowed]--> (stays)');
    expect(lines(chart('cache'))).toContain('dirty --always [not hasDirty]--> clean');
  });
});

describe('cache write strategy configuration', () => {
  it('defaults to parallel write-through, two servers, one key, no TTL and no capacity limit', () => {
    expect(protocol.defaults()).toMatchObject({ strategy: 'write-through', sequential: false, readThrough: false, apps: 2, keys: 1, ttlTicks: 0, capacity: 0 });
    const system = protocol.build({ ...protocol.defaults(), apps: 3 }, 'correct');
    expect(system.nodes.map((n) => n.name)).toEqual(['App1', 'App2', 'App3', 'Cache', 'DB']);
  });

  it('says what is wrong with a bad strategy or count', () => {
    const result = protocol.validate({ strategy: 'write-sideways', apps: 4, capacity: -1 });
    expect(result).toEqual({
      ok: false,
      problems: ['strategy: write-through, write-around or write-back, got "write-sideways"', 'apps: 1 to 3 application servers, got 4', 'capacity: 0 (no limit) to 3 entries, got -1'],
    });
  });
});
