import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, observationsOf, playScenario, type ScenarioStep } from '../kit';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// An application server tells the answers to its own operation from late copies of answers to an
// earlier one, says when it is idle again, and keeps up with the cache's restarts so that the early
// copy of a parallel write reaches the cache it last heard from.

const { play } = machineRuns(protocol, 'app');
const APP1 = 0;
const APP2 = 1;
const returns = (world: ReturnType<typeof play>, node: number) => observationsOf(world, node).filter((o) => (o as { operation?: string }).operation === 'return');
const readX = (node: string): ScenarioStep[] => [{ do: 'client', node, op: 'read x' }, { do: 'settle' }];

describe('an application server and late answers', () => {
  it('reading through the cache, ignores a late copy of the cache’s answer to its earlier read', () => {
    const world = play(
      [
        { do: 'client', node: 'App2', op: 'read x' },
        deliver('GET', 'App2', 'Cache'),
        deliver('READ', 'Cache', 'DB'),
        deliver('VALUE', 'DB', 'Cache'),
        { do: 'duplicate', message: { type: 'VALUE', to: 'App2' } },
        deliver('VALUE', 'Cache', 'App2'),
        { do: 'client', node: 'App2', op: 'read x' },
        deliver('VALUE', 'Cache', 'App2'),
      ],
      { readThrough: true },
    );
    expect(nodeIn(world, APP2, 'reading.cache')).toBe(true);
    expect(returns(world, APP2)).toHaveLength(1);
  });

  it('ignores a late copy of a hit that answered its earlier read', () => {
    const world = play([
      ...readX('App2'),
      { do: 'client', node: 'App2', op: 'read x' },
      deliver('GET', 'App2', 'Cache'),
      { do: 'duplicate', message: { type: 'HIT' } },
      deliver('HIT', 'Cache', 'App2'),
      { do: 'client', node: 'App2', op: 'read x' },
      deliver('HIT', 'Cache', 'App2'),
    ]);
    expect(nodeIn(world, APP2, 'reading.cache')).toBe(true);
    expect(returns(world, APP2)).toHaveLength(2);
  });

  it('reading aside, ignores a late miss and a late database answer to its earlier read', () => {
    const first = [
      { do: 'client', node: 'App2', op: 'read x' },
      deliver('GET', 'App2', 'Cache'),
      { do: 'duplicate', message: { type: 'MISS' } },
      deliver('MISS', 'Cache', 'App2'),
      deliver('READ', 'App2', 'DB'),
      { do: 'duplicate', message: { type: 'VALUE' } },
      deliver('VALUE', 'DB', 'App2'),
      deliver('FILL', 'App2', 'Cache'),
      { do: 'client', node: 'App2', op: 'read y' },
      deliver('MISS', 'Cache', 'App2'),
    ] as const satisfies readonly ScenarioStep[];
    const lateMiss = play(first, { keys: 2 });
    expect(nodeIn(lateMiss, APP2, 'reading.cache')).toBe(true);
    expect(sentBy(lateMiss, APP2, 'READ')).toHaveLength(1);
    const lateValue = play([...first, deliver('GET', 'App2', 'Cache'), deliver('MISS', 'Cache', 'App2'), deliver('VALUE', 'DB', 'App2')], { keys: 2 });
    expect(nodeIn(lateValue, APP2, 'reading.database')).toBe(true);
    expect(returns(lateValue, APP2)).toHaveLength(1);
  });

  it('writing back, ignores a late copy of the cache’s answer to its earlier write', () => {
    const world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'Cache'),
        deliver('READ', 'Cache', 'DB'),
        deliver('VALUE', 'DB', 'Cache'),
        { do: 'duplicate', message: { type: 'STORED' } },
        deliver('STORED', 'Cache', 'App1'),
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('STORED', 'Cache', 'App1'),
      ],
      { strategy: 'write-back' },
    );
    expect(nodeIn(world, APP1, 'writing.cache')).toBe(true);
    expect(returns(world, APP1)).toHaveLength(1);
  });

  it('writing through in parallel, resends its write to the database until the database answers', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'drop', message: { type: 'WRITE', to: 'DB' } }, { do: 'fire', node: 'App1', timer: 'retry' }]);
    expect(sentBy(world, APP1, 'WRITE')).toHaveLength(2);
    expect(nodeIn(world, APP1, 'writing.both')).toBe(true);
  });

  it('sending each write once (parallel-write-partial-failure), still tells its client the write is done once the database has it', () => {
    const steps: ScenarioStep[] = [{ do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'DB'), deliver('WRITTEN', 'DB', 'App1')];
    const world = playScenario(protocol, { id: 'once', title: '', summary: '', variant: 'parallel-write-partial-failure', config: {}, steps }).world;
    expect(returns(world, APP1)).toEqual([{ operation: 'return', id: 'App1.1', ok: true, version: 1 }]);
    expect(nodeIn(world, APP1, 'idle')).toBe(true);
  });
});
