import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, observationsOf } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// What an application server shows between operations: once an operation has returned, however it
// ended, the server is drawn as waiting for its next client, and its next operation starts afresh.

const { play } = machineRuns(protocol, 'app');
const APP1 = 0;
const APP2 = 1;
const waiting = { label: 'idle', status: 'idle', facts: [] };

describe('an application server between operations', () => {
  it('once a read has returned, is shown waiting for a client', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }]);
    expect(observationsOf(world, APP2).at(-1)).toMatchObject({ operation: 'return', ok: true });
    expect(protocol.describe(world, APP2)).toMatchObject(waiting);
  });

  it('once a read has given up, is shown waiting for a client', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'drop', message: { type: 'GET' } }, { do: 'fire', node: 'App2', timer: 'timeout' }]);
    expect(protocol.describe(world, APP2)).toMatchObject(waiting);
  });

  it('once a write has returned, is shown waiting for a client', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'settle' }], { sequential: true });
    expect(observationsOf(world, APP1).at(-1)).toMatchObject({ operation: 'return', ok: true });
    expect(protocol.describe(world, APP1)).toMatchObject(waiting);
  });

  it('reading through the cache, is ready for its next read once the first has returned', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }], { readThrough: true });
    expect(nodeIn(world, APP2, 'idle')).toBe(true);
  });

  it('writing back, gives up on a write the cache never answers and takes the next write', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'write x' }, { do: 'drop', message: { type: 'WRITE' } }, { do: 'fire', node: 'App1', timer: 'timeout' }, { do: 'client', node: 'App1', op: 'write x' }],
      { strategy: 'write-back' },
    );
    expect(observationsOf(world, APP1)).toEqual([
      { operation: 'invoke', id: 'App1.1', action: 'write', key: 'x', value: 'a1' },
      { operation: 'return', id: 'App1.1', ok: false, error: 'no answer in time' },
      { operation: 'invoke', id: 'App1.2', action: 'write', key: 'x', value: 'a2' },
    ]);
    expect(nodeIn(world, APP1, 'writing.cache')).toBe(true);
  });

  it('records a read as invoked without a value, and names its first write after it a1', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'read x' }, { do: 'settle' }, { do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'DB')], { sequential: true });
    const invokes = observationsOf(world, APP1).filter((o) => (o as { operation?: string }).operation === 'invoke');
    expect(invokes).toEqual([
      { operation: 'invoke', id: 'App1.1', action: 'read', key: 'x' },
      { operation: 'invoke', id: 'App1.2', action: 'write', key: 'x', value: 'a1' },
    ]);
  });
});
