import { describe, expect, it } from 'vitest';
import { nodeName, traceToArray, type World } from '../../engine';
import { deliver, type ScenarioStep } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';
import { describeMessage } from './messages';
import { replicaOf } from './replicas';
import { versionsText } from './versions';

// Anti-entropy past the one story that shows it: several keys (peers that share only some of
// them), a peer that is down or answers twice, a node with no peer at all, a replica that pulls
// rather than waits to be pushed, and a second round after the first one ended.

const { play, told } = machineRuns(quorum, 'sync');
const dynamo = { consistency: 'dynamo', readRepair: false } as const;

const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
/** The anti-entropy messages a node sent, as chips show them: "DIGEST x:– to S1". */
const exchanged = (world: World, from: string, type: string) =>
  traceToArray(world.trace).flatMap((e) =>
    e.type === 'send' && nodeName(world, e.envelope.from) === from && e.envelope.body.type === type ? [`${describeMessage(e.envelope.body)} to ${nodeName(world, e.envelope.to)}`] : [],
  );
const holds = (world: World, name: string, key: string) => versionsText(replicaOf(world, idOf(world, name)).data[key] ?? []);
const roundEnds = (world: World, name: string) => told(world).split('\n').filter((l) => l.includes(`${name} has found every peer in step`)).length;

describe('anti-entropy between quorum replicas', () => {
  it('with two keys, carries a write of y that reached one replica to every replica of y, even one that shares no other key with it', () => {
    // Homes: x on S1, S2, S3; y on S2, S3, S4. Only S2 takes C1's put of y.
    const world = play(
      [{ do: 'client', node: 'C1', op: 'put-y' }, deliver('PUT', 'C1', 'S1'), { do: 'drop', message: { type: 'WRITE', to: 'S3' } }, { do: 'drop', message: { type: 'WRITE', to: 'S4' } }, { do: 'settle' }],
      { ...dynamo, keys: 2, r: 1, w: 1 },
    );
    expect(['S2', 'S3', 'S4'].map((s) => holds(world, s, 'y'))).toEqual(['a1 [C1:1]', 'a1 [C1:1]', 'a1 [C1:1]']);
    // Each digest carries only the keys the two nodes share, and a key neither holds is no news.
    expect(exchanged(world, 'S2', 'DIGEST').slice(0, 3)).toEqual(['DIGEST x:– to S1', 'DIGEST x:– y:[C1:1] to S3', 'DIGEST y:[C1:1] to S4']);
    expect(exchanged(world, 'S3', 'SYNC')[0]).toBe('SYNC wants y to S2');
    expect(holds(world, 'S1', 'x')).toBe('nothing');
  });

  it('with one replica per key, has no peer to compare with: a write starts no digest exchange', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { n: 1, r: 1, w: 1 });
    expect(holds(world, 'S1', 'x')).toBe('a1 (1,C1.1)');
    expect(exchanged(world, 'S1', 'DIGEST')).toEqual([]);
  });

  it('keeps a round going while a peer is down and does not answer, and the peer catches up once it is back', () => {
    const whileDown: ScenarioStep[] = [{ do: 'crash', node: 'S3' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'next', times: 40 }];
    const down = play(whileDown);
    expect(exchanged(down, 'S1', 'DIGEST').filter((d) => d.endsWith('to S3')).length).toBeGreaterThan(1);
    expect(roundEnds(down, 'S1') + roundEnds(down, 'S2')).toBe(0);
    const back = play([...whileDown, { do: 'restart', node: 'S3' }, { do: 'settle' }]);
    expect(holds(back, 'S3', 'x')).toBe('a1 (1,C1.1)');
    expect(roundEnds(back, 'S1')).toBe(1);
  });

  it('lets a restarted replica that missed a write pull it from the first peer it sends its digest to', () => {
    const world = play([
      { do: 'crash', node: 'S3' },
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'next', until: { type: 'PUT_OK' } },
      { do: 'restart', node: 'S3' },
      { do: 'fire', node: 'S3', timer: 'antiEntropy' },
      deliver('DIGEST', 'S3', 'S1'),
      deliver('SYNC', 'S1', 'S3'),
    ]);
    expect(exchanged(world, 'S1', 'SYNC')).toEqual(['SYNC x=a1 (1,C1.1) to S3']);
    expect(told(world)).toContain('S3 anti-entropy with S1: pulls x.');
    expect(holds(world, 'S3', 'x')).toBe('a1 (1,C1.1)');
  });

  it('pulls what it lacks and pushes what its peer lacks in one exchange, naming every key', () => {
    // Every node is home for x, y and z. S3 was down for the puts of x and y, then took z alone.
    const world = play(
      [
        { do: 'crash', node: 'S3' },
        { do: 'client', node: 'C1', op: 'put-x' },
        { do: 'next', until: { type: 'PUT_OK', to: 'C1' } },
        { do: 'client', node: 'C2', op: 'put-y' },
        { do: 'next', until: { type: 'PUT_OK', to: 'C2' } },
        { do: 'restart', node: 'S3' },
        { do: 'client', node: 'C3', op: 'put-z' },
        deliver('PUT', 'C3', 'S3'),
        { do: 'drop', message: { type: 'WRITE', from: 'S3' } },
        { do: 'drop', message: { type: 'WRITE', from: 'S3' } },
        { do: 'fire', node: 'S3', timer: 'antiEntropy' },
        deliver('DIGEST', 'S3', 'S1'),
        deliver('SYNC', 'S1', 'S3'),
        deliver('PUSH', 'S3', 'S1'),
      ],
      { ...dynamo, nodes: 3, clients: 3, keys: 3 },
    );
    expect(told(world)).toContain('S3 anti-entropy with S1: pulls x, y and pushes z.');
    expect(told(world)).toContain('S1 anti-entropy: takes z from S3.');
    expect(['x', 'y', 'z'].map((k) => holds(world, 'S1', k) === holds(world, 'S3', k))).toEqual([true, true, true]);
  });

  it('pushes every key a peer that was down lacks, and the peer names them as it takes them', () => {
    const world = play(
      [
        { do: 'crash', node: 'S3' },
        { do: 'client', node: 'C1', op: 'put-x' },
        { do: 'next', until: { type: 'PUT_OK' } },
        { do: 'client', node: 'C1', op: 'put-y' },
        { do: 'next', until: { type: 'PUT_OK' } },
        { do: 'restart', node: 'S3' },
        { do: 'settle' },
      ],
      { ...dynamo, nodes: 3, keys: 2 },
    );
    expect(told(world)).toContain('S1 anti-entropy with S3: pushes x, y.');
    expect(told(world)).toContain('S3 anti-entropy: takes x, y from S1.');
  });

  it('counts a duplicated in-step answer once: it still compares digests with its other peer', () => {
    const world = play(
      [
        { do: 'client', node: 'C1', op: 'put-x' },
        { do: 'next', until: { type: 'PUT_OK' } },
        { do: 'fire', node: 'S1', timer: 'antiEntropy' },
        deliver('DIGEST', 'S1', 'S2'),
        { do: 'duplicate', message: { type: 'SYNC', from: 'S2', to: 'S1' } },
        deliver('SYNC', 'S2', 'S1'),
        deliver('SYNC', 'S2', 'S1'),
      ],
      dynamo,
    );
    expect(roundEnds(world, 'S1')).toBe(0);
    expect(world.timers.some((t) => nodeName(world, t.node) === 'S1' && t.name === 'antiEntropy')).toBe(true);
  });

  it('starts a new round when data changes after a round ended, so a replica that misses a later write still catches up', () => {
    const world = play(
      [
        { do: 'client', node: 'C1', op: 'put-x' },
        { do: 'settle' },
        { do: 'client', node: 'C1', op: 'put-x' },
        deliver('PUT', 'C1', 'S1'),
        { do: 'drop', message: { type: 'WRITE', to: 'S3' } },
        { do: 'settle' },
      ],
      dynamo,
    );
    expect(roundEnds(world, 'S1')).toBe(2);
    expect(holds(world, 'S3', 'x')).toBe('a2 [C1:2]');
  });
});
