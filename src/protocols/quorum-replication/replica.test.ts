import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, playScenario, type ScenarioStep } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';
import { replicaOf } from './replicas';
import { versionsText } from './versions';

// A replica's own rules past the stories: when a change starts or restarts its anti-entropy
// round, and a write it stores however early the coordinator's clock says it was made.

const { play, told } = machineRuns(quorum, 'replica');
const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
const field = (world: World, name: string, row: string) => quorum.describe(world, idOf(world, name)).fields.find((f) => f.name === row)?.value;
const holds = (world: World, name: string, key: string) => versionsText(replicaOf(world, idOf(world, name)).data[key] ?? []);
const dynamo = { consistency: 'dynamo', readRepair: false } as const;

describe('a quorum replica', () => {
  it('that is home of no key starts no anti-entropy round when it restarts', () => {
    // Four nodes, N = 3, one key: x lives on S1, S2 and S3, so S4 holds no replica.
    const world = play([{ do: 'crash', node: 'S4' }, { do: 'restart', node: 'S4' }]);
    expect(field(world, 'S4', 'anti-entropy')).toBe('resting: nothing changed since its last round');
    expect(world.timers.filter((t) => t.node === idOf(world, 'S4'))).toEqual([]);
  });

  it('that changes while its round is running does not put off its next digest', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'next', until: { type: 'PUT_OK' } }, { do: 'client', node: 'C1', op: 'put-x' }, deliver('PUT', 'C1', 'S1')], dynamo);
    expect(holds(world, 'S1', 'x')).toBe('a2 [C1:2]');
    expect(told(world).split('\n').filter((l) => l.startsWith('S1 sets timer anti entropy'))).toHaveLength(1);
  });

  it('that changes after sending a digest does not count the answer to it as in step', () => {
    // S1 found S2 in step; its digest to S3 is answered "in step" only after S1 took a2.
    const steps: ScenarioStep[] = [
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'next', until: { type: 'PUT_OK' } },
      { do: 'fire', node: 'S1', timer: 'antiEntropy' },
      deliver('DIGEST', 'S1', 'S2'),
      deliver('SYNC', 'S2', 'S1'),
      { do: 'fire', node: 'S1', timer: 'antiEntropy' },
      deliver('DIGEST', 'S1', 'S3'),
      { do: 'client', node: 'C1', op: 'put-x' },
      deliver('PUT', 'C1', 'S1'),
      { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
      { do: 'drop', message: { type: 'WRITE', to: 'S3' } },
      deliver('SYNC', 'S3', 'S1'),
    ];
    const world = play(steps, dynamo);
    expect(told(world)).not.toContain('S1 has found every peer in step');
    expect(field(world, 'S1', 'anti-entropy')).toBe('comparing with its peers: 0 in a row in step');
  });

  it('under last-write-wins stores a write stamped before time zero by a clock far behind', () => {
    // S2's clock runs 100 ticks behind S1's: its put of b1 is stamped below zero.
    const world = playScenario(quorum, {
      id: 'replica',
      title: 'replica',
      summary: '',
      variant: 'last-write-wins',
      config: { clockSkewTicks: -100, antiEntropy: false },
      steps: [{ do: 'client', node: 'C2', op: 'put-x' }, { do: 'settle' }],
    }).world;
    expect(['S1', 'S2', 'S3'].map((s) => holds(world, s, 'x'))).toEqual(['b1 @-90 S2', 'b1 @-90 S2', 'b1 @-90 S2']);
  });
});
