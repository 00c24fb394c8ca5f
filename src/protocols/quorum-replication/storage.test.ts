import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, machineState } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';
import { replicaOf } from './replicas';
import { versionsText } from './versions';

// A storage node as a whole: what it shows while it coordinates, and what it takes up again when
// it restarts from its log (anti-entropy for data it changed, the handoff of hints it keeps).

const { play, told } = machineRuns(quorum, 'storage');
const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
const holds = (world: World, name: string, key: string) => versionsText(replicaOf(world, idOf(world, name)).data[key] ?? []);
const status = (world: World, name: string) => quorum.describe(world, idOf(world, name)).status;

describe('a quorum storage node', () => {
  it('shows itself working while it coordinates a request, and idle again once the request is done', () => {
    const asked = [{ do: 'client', node: 'C1', op: 'put-x' }, deliver('PUT', 'C1', 'S1')] as const;
    const working = play(asked, { antiEntropy: false });
    expect([status(working, 'S1'), status(working, 'S2')]).toEqual(['working', 'idle']);
    const done = play([...asked, { do: 'settle' }], { antiEntropy: false });
    expect(status(done, 'S1')).toBe('idle');
  });

  it('restarted holding a write no peer has, says what its log holds and takes up anti-entropy again, so the write reaches its peers', () => {
    const world = play(
      [
        { do: 'client', node: 'C3', op: 'put-x' },
        deliver('PUT', 'C3', 'S3'),
        { do: 'drop', message: { type: 'WRITE', from: 'S3' } },
        { do: 'drop', message: { type: 'WRITE', from: 'S3' } },
        { do: 'crash', node: 'S3' },
        { do: 'restart', node: 'S3' },
        { do: 'settle' },
      ],
      { consistency: 'dynamo', clients: 3, readRepair: false },
    );
    expect(told(world)).toContain('S3 restarts with what its log holds: 1 key(s) and 0 hint(s).');
    expect(['S1', 'S2', 'S3'].map((s) => holds(world, s, 'x'))).toEqual(['c1 [C3:1]', 'c1 [C3:1]', 'c1 [C3:1]']);
  });

  it('restarted as a stand-in with a hint, hands the hint to its home node', () => {
    const world = play(
      [
        { do: 'partition', groups: [['S2', 'S3']] },
        { do: 'client', node: 'C1', op: 'put-x' },
        { do: 'next', times: 3 },
        { do: 'fire', node: 'S1', timer: 'wait.C1.1' },
        { do: 'next', times: 3 },
        { do: 'crash', node: 'S4' },
        { do: 'heal' },
        { do: 'restart', node: 'S4' },
        { do: 'settle' },
      ],
      { consistency: 'dynamo', antiEntropy: false, sloppyQuorum: true },
    );
    expect(told(world)).toContain('S4 restarts with what its log holds: 0 key(s) and 1 hint(s).');
    expect(told(world)).toContain('S2 takes the hint for x from S4: a1 [C1:1].');
    expect(replicaOf(world, idOf(world, 'S4')).hints).toEqual([]);
  });

  it('once it has resumed after a restart, is the same state as before its crash: the checker does not search it twice', () => {
    const before = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { antiEntropy: false });
    const after = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }, { do: 'crash', node: 'S2' }, { do: 'restart', node: 'S2' }], { antiEntropy: false });
    expect(told(after)).toContain('S2 restarts with what its log holds: 1 key(s) and 0 hint(s).');
    expect(machineState(after, idOf(after, 'S2'))).toEqual(machineState(before, idOf(before, 'S2')));
  });
});
