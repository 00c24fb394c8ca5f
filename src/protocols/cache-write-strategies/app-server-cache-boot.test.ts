import { describe, expect, it } from 'vitest';
import { deliver, type ScenarioStep } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// Parallel write-through sends the cache an early, unversioned copy of each write, stamped with the
// start of the cache the server last heard from; the cache drops a copy stamped with an earlier start
// (it may predate a crash). So every answer from the cache that names its start must be noted, or
// the server's early copies are thrown away after the cache restarts.

const { play, told } = machineRuns(protocol, 'app');
const restartCache: ScenarioStep[] = [
  { do: 'crash', node: 'Cache' },
  { do: 'restart', node: 'Cache' },
];
const takesEarly = (value: string) => `Cache holds x=${value} before the database has versioned it`;

describe('an application server and the cache’s restarts', () => {
  it('having read from a restarted cache that held the key, sends its next early copy to that cache’s new start', () => {
    const world = play([
      ...restartCache,
      { do: 'client', node: 'App1', op: 'read x' },
      { do: 'settle' },
      { do: 'client', node: 'App2', op: 'read x' },
      { do: 'settle' },
      { do: 'client', node: 'App2', op: 'write x' },
      deliver('SET', 'App2', 'Cache'),
    ]);
    expect(told(world)).toContain(takesEarly('b1'));
  });

  it('having read a key through the database, still sends its early copy to the cache it heard from', () => {
    const world = play([{ do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }, { do: 'client', node: 'App2', op: 'write x' }, deliver('SET', 'App2', 'Cache')]);
    expect(told(world)).toContain(takesEarly('b1'));
  });

  it('having had a write confirmed by a restarted cache, sends its next early copy to that cache’s new start', () => {
    const world = play([
      { do: 'client', node: 'App1', op: 'read x' },
      { do: 'settle' },
      ...restartCache,
      { do: 'client', node: 'App1', op: 'read x' },
      { do: 'settle' },
      { do: 'client', node: 'App2', op: 'write x' },
      { do: 'settle' },
      { do: 'client', node: 'App2', op: 'write x' },
      deliver('SET', 'App2', 'Cache'),
    ]);
    expect(told(world)).toContain('Cache ignores the unversioned SET x=b1');
    expect(told(world)).toContain(takesEarly('b2'));
  });
});
