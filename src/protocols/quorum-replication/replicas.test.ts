import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, playScenario, type ScenarioStep } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';

// What the rules and pictures read of the replicas: a crashed node's disk, hints that keep an
// acknowledged write alive (and hints of another key that do not), and a replica behind a write
// stamped below zero.

const { play, told } = machineRuns(quorum, 'replicas');
const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
const broken = (world: World) => world.violations.map((v) => v.rule);
const lastWriteWins = (config: object, steps: readonly ScenarioStep[]) =>
  playScenario(quorum, { id: 'replicas', title: 'replicas', summary: '', variant: 'last-write-wins', config: { antiEntropy: false, ...config }, steps }).world;

describe('the replicas as the rules and pictures read them', () => {
  it('show a crashed replica with the data on its disk', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }, { do: 'crash', node: 'S2' }], { antiEntropy: false });
    expect(quorum.describe(world, idOf(world, 'S2')).fields.find((f) => f.name === 'data on disk')?.value).toBe('x = a1 (1,C1.1)');
  });

  it('count a put acknowledged only by stand-ins, which keep it as hints, as not lost', () => {
    const world = play(
      [
        { do: 'crash', node: 'S1' },
        { do: 'crash', node: 'S2' },
        { do: 'client', node: 'C3', op: 'put-x' },
        { do: 'next', until: { type: 'PUT_OK', from: 'S3', to: 'C3' } },
      ],
      // Homes of x are S1 and S2; C3 asks S3, which stands in for S1, and S4 for S2.
      { consistency: 'dynamo', sloppyQuorum: true, antiEntropy: false, clients: 3, n: 2, r: 1, w: 2 },
    );
    expect(told(world)).toContain('C3 sees its put of x = c1 succeed.');
    expect(broken(world)).toEqual([]);
  });

  it('do not count a hint of another key as keeping a write that was lost', () => {
    // Last write wins: C2's later b1 replaces C1's acknowledged a1 everywhere. S1 keeps C1's
    // next write, of y, as a hint for S4, which is down; its version vector follows a1's.
    const world = lastWriteWins({ keys: 2, sloppyQuorum: true, w: 3, r: 1 }, [
      { do: 'crash', node: 'S4' },
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'next', until: { type: 'PUT_OK', to: 'C1' } },
      { do: 'client', node: 'C1', op: 'put-y' },
      { do: 'next', until: { type: 'PUT_OK', to: 'C1' } },
      { do: 'client', node: 'C2', op: 'put-x' },
      { do: 'next', until: { type: 'PUT_OK', to: 'C2' } },
    ]);
    expect(told(world)).toContain('Condition hint-pending: S1 holds y = a2 @67 S1 for S4.');
    expect(broken(world)).toContain('no-lost-acknowledged-write');
  });

  it('find a replica that holds nothing behind a write stamped below zero', () => {
    // S2's clock runs 100 ticks behind: its put of b1 is stamped -90. S3 misses it.
    const world = lastWriteWins({ clockSkewTicks: -100 }, [
      { do: 'client', node: 'C2', op: 'put-x' },
      deliver('PUT', 'C2', 'S2'),
      { do: 'drop', message: { type: 'WRITE', to: 'S3' } },
      { do: 'settle' },
    ]);
    expect(told(world)).toContain('Condition stale-replica: S3 is behind on x: nothing, while the newest is b1 @-90 S2.');
  });
});
