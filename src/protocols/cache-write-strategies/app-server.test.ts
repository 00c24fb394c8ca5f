import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, observationsOf } from '../kit';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// An application server's rules the happy paths do not reach: it gives up in time, resends each
// step of a write until answered, ignores late answers, and starts afresh after a crash.

const { play, told } = machineRuns(protocol, 'app');
const APP1 = 0;
const APP2 = 1;
const timersOf = (world: World, node: number) => world.timers.filter((t) => t.node === node).map((t) => t.name);

describe('an application server', () => {
  it('whose read gets no answer in time gives up and tells its client the read failed', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'drop', message: { type: 'GET' } }, { do: 'fire', node: 'App2', timer: 'timeout' }]);
    expect(observationsOf(world, APP2).at(-1)).toEqual({ operation: 'return', id: 'App2.1', ok: false, error: 'no answer in time' });
    expect(told(world)).toContain('App2 gives up on read x: no answer in time');
    expect(nodeIn(world, APP2, 'idle')).toBe(true);
    expect(timersOf(world, APP2)).toEqual([]);
  });

  it('resends its write to the database until the database answers', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'drop', message: { type: 'WRITE', to: 'DB' } }, { do: 'fire', node: 'App1', timer: 'retry' }], { sequential: true });
    expect(sentBy(world, APP1, 'WRITE')).toEqual([
      { type: 'WRITE', key: 'x', value: 'a1', op: 'App1.1', app: 'App1' },
      { type: 'WRITE', key: 'x', value: 'a1', op: 'App1.1', app: 'App1' },
    ]);
    expect(timersOf(world, APP1)).toEqual(['retry']);
  });

  it('resends its update of the cache’s copy, with the database’s version, until the cache answers', () => {
    const world = play(
      [{ do: 'client', node: 'App1', op: 'write x' }, deliver('WRITE', 'App1', 'DB'), deliver('WRITTEN', 'DB', 'App1'), { do: 'drop', message: { type: 'SET' } }, { do: 'fire', node: 'App1', timer: 'retry' }],
      { sequential: true },
    );
    const update = { type: 'SET', key: 'x', value: 'a1', version: 1, app: 'App1', seq: 1, boot: 1, op: 'App1.1' };
    expect(sentBy(world, APP1, 'SET')).toEqual([update, update]);
    expect(nodeIn(world, APP1, 'writing.updating')).toBe(true);
  });

  it('ignores a late copy of an answer to a write it has already finished', () => {
    const world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'DB'),
        { do: 'duplicate', message: { type: 'WRITTEN' } },
        deliver('WRITTEN', 'DB', 'App1'),
        deliver('SET', 'App1', 'Cache'),
        deliver('STORED', 'Cache', 'App1'),
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITTEN', 'DB', 'App1'),
      ],
      { sequential: true },
    );
    expect(nodeIn(world, APP1, 'writing.database')).toBe(true);
    expect(sentBy(world, APP1, 'SET')).toHaveLength(1);
  });

  it('restarted, abandons what it was doing, says so, and names its next write after the restart', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'crash', node: 'App1' }, { do: 'restart', node: 'App1' }, { do: 'client', node: 'App1', op: 'write x' }], { sequential: true });
    expect(told(world)).toContain('App1 restarts: the operation it was carrying out, if any, is abandoned');
    expect(world.nodes[APP1]!.persisted['starts']).toBe(2);
    expect(sentBy(world, APP1, 'WRITE').at(-1)).toEqual({ type: 'WRITE', key: 'x', value: 'a2.1', op: 'App1.2.1', app: 'App1.2' });
  });

  it('reading through the cache, returns the value the cache read from the database', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }], { readThrough: true });
    expect(observationsOf(world, APP2).at(-1)).toMatchObject({ operation: 'return', id: 'App2.1', ok: true, values: ['x0'] });
    expect(sentBy(world, APP2, 'READ')).toEqual([]);
  });
});
