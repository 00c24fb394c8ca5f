import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, observationsOf, type ScenarioStep } from '../kit';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';

// A client past the stories: the coordinator it asks under round-robin, giving up on a silent
// coordinator, ignoring the answer that comes after it gave up, and numbering its operations
// on from its log after a restart.

const { play, told } = machineRuns(quorum, 'client');
const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
const returns = (world: World, client: string) => observationsOf(world, idOf(world, client)).filter((o) => typeof o === 'object' && o !== null && 'ok' in o);
const field = (world: World, name: string, row: string) => quorum.describe(world, idOf(world, name)).fields.find((f) => f.name === row)?.value;

describe('a quorum client', () => {
  it('under round-robin asks the next node on the ring for each new request, starting from its own', () => {
    const world = play(
      [1, 2, 3, 4, 5].flatMap(() => [{ do: 'client', node: 'C2', op: 'get-x' } as const, { do: 'settle' } as const]),
      { coordinator: 'round-robin', antiEntropy: false },
    );
    expect(told(world).split('\n').filter((l) => l.startsWith('C2 asks'))).toEqual(['C2 asks S2 to get x.', 'C2 asks S3 to get x.', 'C2 asks S4 to get x.', 'C2 asks S1 to get x.', 'C2 asks S2 to get x.']);
  });

  it('gives up on a coordinator that does not answer in time, and says which', () => {
    const world = play([{ do: 'crash', node: 'S1' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { antiEntropy: false });
    expect(returns(world, 'C1')).toEqual([{ operation: 'return', id: 'C1.1', ok: false, error: 'no answer from S1 in time' }]);
    expect(told(world)).toContain('C1 sees its put of x fail: no answer from S1 in time.');
    expect(field(world, 'C1', 'last result')).toBe('put x failed: no answer from S1 in time');
  });

  it('ignores a success that comes after it gave up, while it waits for its next operation', () => {
    const world = play(
      [
        { do: 'client', node: 'C1', op: 'put-x' },
        deliver('PUT', 'C1', 'S1'),
        deliver('READ', 'S1', 'S2'),
        deliver('VALUE', 'S2', 'S1'),
        deliver('WRITE', 'S1', 'S2'),
        deliver('ACK', 'S2', 'S1'),
        { do: 'fire', node: 'C1', timer: 'giveUp' },
        { do: 'client', node: 'C1', op: 'get-x' },
        deliver('PUT_OK', 'S1', 'C1'),
        { do: 'settle' },
      ],
      { antiEntropy: false },
    );
    expect(told(world)).toContain('C1 receives PUT OK x=a1 (1,C1.1) from S1.');
    expect(returns(world, 'C1')).toEqual([
      { operation: 'return', id: 'C1.1', ok: false, error: 'no answer from S1 in time' },
      { operation: 'return', id: 'C1.2', ok: true, values: ['a1'] },
    ]);
  });

  it('ignores a failure that comes after it gave up, and after a failure is ready for the next operation', () => {
    const world = play(
      [
        { do: 'crash', node: 'S2' },
        { do: 'crash', node: 'S3' },
        { do: 'client', node: 'C1', op: 'put-x' },
        deliver('PUT', 'C1', 'S1'),
        { do: 'fire', node: 'C1', timer: 'giveUp' },
        { do: 'client', node: 'C1', op: 'get-x' },
        { do: 'settle' },
        { do: 'client', node: 'C1', op: 'get-x' },
        { do: 'settle' },
      ],
      { antiEntropy: false },
    );
    expect(returns(world, 'C1')).toEqual([
      { operation: 'return', id: 'C1.1', ok: false, error: 'no answer from S1 in time' },
      { operation: 'return', id: 'C1.2', ok: false, error: 'timed out: 1 of 2 replies' },
      { operation: 'return', id: 'C1.3', ok: false, error: 'timed out: 1 of 2 replies' },
    ]);
  });

  it('observes a get without a value, says what it waits for, and shows what it last wrote or read', () => {
    const asked = play([{ do: 'client', node: 'C1', op: 'get-x' }]);
    expect(observationsOf(asked, idOf(asked, 'C1'))).toEqual([{ operation: 'invoke', id: 'C1.1', action: 'get', key: 'x' }]);
    expect(field(asked, 'C1', 'state')).toBe('waiting: get x via S1');
    const put = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { antiEntropy: false });
    expect(field(put, 'C1', 'last result')).toBe('put x = a1: ok');
    const got = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }, { do: 'client', node: 'C1', op: 'get-x' }, { do: 'settle' }], { antiEntropy: false });
    expect(field(got, 'C1', 'last result')).toBe('get x = a1');
  });

  it('under dynamo keeps, per key, the version of what it last read or wrote, so its next put follows it', () => {
    const op = (node: string, name: string): ScenarioStep[] => [{ do: 'client', node, op: name }, { do: 'settle' }];
    const before = [...op('C2', 'put-x'), ...op('C2', 'put-y'), ...op('C1', 'get-x'), ...op('C1', 'get-y'), ...op('C1', 'put-x')];
    const config = { consistency: 'dynamo', keys: 2, antiEntropy: false };
    expect(field(play(before, config), 'C1', 'causal context')).toBe('x [C1:1 C2:1]; y [C2:2]');
    const world = play([...before, ...op('C1', 'put-x')], config);
    expect(told(world)).toContain('C1 asks S1 to put x = a2 with version [C1:2 C2:1].');
    expect(field(world, 'S1', 'replicas')).toBe('x = a2 [C1:2 C2:1]');
  });

  it('restarted, numbers its operations and values on from its log', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }, { do: 'crash', node: 'C1' }, { do: 'restart', node: 'C1' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { antiEntropy: false });
    expect(sentBy(world, idOf(world, 'C1'), 'PUT')).toEqual([
      { type: 'PUT', op: 'C1.1', key: 'x', value: 'a1' },
      { type: 'PUT', op: 'C1.2', key: 'x', value: 'a2' },
    ]);
  });
});
