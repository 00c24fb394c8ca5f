import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, type ScenarioStep } from '../kit';
import { machineRuns } from '../kit/testing/machine-runs';
import { quorumReplication as quorum } from './index';
import { replicaOf } from './replicas';
import { versionsText } from './versions';

// Stand-ins and their hints past the one story that shows them: a stand-in keeping hints for
// several homes and keys, handing each to its own home, a write that joins a hint while its
// handoff is on the way, a second handoff after the first, and a read answered from a hint.

const { play, told } = machineRuns(quorum, 'hints');
const idOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
const hintsOn = (world: World, name: string) => quorum.describe(world, idOf(world, name)).fields.find((f) => f.name === 'hints')?.value;
const holds = (world: World, name: string, key: string) => versionsText(replicaOf(world, idOf(world, name)).data[key] ?? []);
const sloppy = { consistency: 'dynamo', sloppyQuorum: true, antiEntropy: false, readRepair: false, clients: 3 } as const;

/** A put through `via` whose WRITE to `missed` is lost, so a stand-in keeps it for `missed`. */
function hinted(client: string, via: string, missed: string, op: number, acks: readonly string[]): ScenarioStep[] {
  return [
    { do: 'client', node: client, op: 'put-x' },
    deliver('PUT', client, via),
    { do: 'drop', message: { type: 'WRITE', from: via, to: missed } },
    ...acks.flatMap((to) => [deliver('WRITE', via, to), deliver('ACK', to, via)]),
    { do: 'fire', node: via, timer: `wait.${client}.${op}` },
    deliver('WRITE', via, 'S4'),
    deliver('ACK', 'S4', via),
    deliver('PUT_OK', via, client),
  ];
}

describe('hinted handoff', () => {
  // Five nodes, N = 3, W = 3: x lives on S1, S2 and S3; S4 is the first stand-in.
  const five = { ...sloppy, nodes: 5, n: 3, w: 3, r: 1 };
  const twoHints = [...hinted('C1', 'S1', 'S3', 1, ['S2']), ...hinted('C3', 'S3', 'S2', 1, ['S1'])];
  const threeHints = [...twoHints, ...hinted('C1', 'S1', 'S2', 2, ['S3'])];

  it('keeps one hint per home node, in order, merging a later write for the same home into it', () => {
    expect(hintsOn(play(twoHints, five), 'S4')).toBe('x = c1 [C3:1] for S2; x = a1 [C1:1] for S3');
    const world = play(threeHints, five);
    expect(hintsOn(world, 'S4')).toBe('x = a2 [C1:2] | c1 [C3:1] for S2; x = a1 [C1:1] for S3');
    // The handoff timer started with the first hint; later hints do not put it off.
    expect(told(world).split('\n').filter((l) => l.startsWith('S4 sets timer handoff'))).toHaveLength(1);
  });

  it('hands each hint to its own home, and keeps the hint whose handoff was lost until the next attempt', () => {
    const handed: ScenarioStep[] = [
      ...threeHints,
      { do: 'fire', node: 'S4', timer: 'handoff' },
      { do: 'drop', message: { type: 'HANDOFF', to: 'S3' } },
      deliver('HANDOFF', 'S4', 'S2'),
      deliver('HANDED', 'S2', 'S4'),
    ];
    const world = play(handed, five);
    expect(told(world)).toContain('S4 drops its hint for S2: S2 has x now.');
    expect(hintsOn(world, 'S4')).toBe('x = a1 [C1:1] for S3');
    const later = play([...handed, { do: 'settle' }], five);
    expect(told(later)).toContain('S4 drops its hint for S3: S3 has x now.');
    expect(hintsOn(later, 'S4')).toBe('none');
  });

  it('keeps the hints for one home under different keys apart, and drops only the one handed over', () => {
    // Four nodes, N = 2: x lives on S1 and S2, y on S2 and S3. S4 stands in for S2 twice.
    const kept: ScenarioStep[] = [
      { do: 'client', node: 'C3', op: 'put-x' },
      deliver('PUT', 'C3', 'S3'),
      { do: 'drop', message: { type: 'WRITE', to: 'S1' } },
      { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
      { do: 'fire', node: 'S3', timer: 'wait.C3.1' },
      deliver('WRITE', 'S3', 'S4'),
      deliver('ACK', 'S4', 'S3'),
      { do: 'client', node: 'C1', op: 'put-y' },
      deliver('PUT', 'C1', 'S1'),
      { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
      deliver('WRITE', 'S1', 'S3'),
      deliver('ACK', 'S3', 'S1'),
      { do: 'fire', node: 'S1', timer: 'wait.C1.1' },
      deliver('WRITE', 'S1', 'S4'),
      deliver('ACK', 'S4', 'S1'),
    ];
    const config = { ...sloppy, keys: 2, n: 2, w: 2, r: 1 };
    expect(hintsOn(play(kept, config), 'S4')).toBe('x = c1 [C3:1] for S2; y = a1 [C1:1] for S2');
    const world = play([...kept, { do: 'fire', node: 'S4', timer: 'handoff' }, deliver('HANDOFF', 'S4', 'S2'), deliver('HANDED', 'S2', 'S4')], config);
    expect(hintsOn(world, 'S4')).toBe('y = a1 [C1:1] for S2');
  });

  it('hands a hint over again after an earlier handoff finished, and drops a hint once however often the home confirms it', () => {
    const cutOff = (op: number): ScenarioStep[] => [
      { do: 'partition', groups: [['S2', 'S3']] },
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'next', times: 3 },
      { do: 'fire', node: 'S1', timer: `wait.C1.${op}` },
      { do: 'next', times: 3 },
      { do: 'heal' },
    ];
    const world = play(
      [
        ...cutOff(1),
        { do: 'fire', node: 'S4', timer: 'handoff' },
        deliver('HANDOFF', 'S4', 'S2'),
        { do: 'duplicate', message: { type: 'HANDED' } },
        deliver('HANDED', 'S2', 'S4'),
        deliver('HANDED', 'S2', 'S4'),
        { do: 'settle' },
        ...cutOff(2),
        { do: 'settle' },
      ],
      { ...sloppy, clients: 2 },
    );
    expect(told(world).split('\n').filter((l) => l.startsWith('S4 drops its hint for S2'))).toHaveLength(2);
    expect(holds(world, 'S2', 'x')).toBe('a2 [C1:2]');
    expect(hintsOn(world, 'S4')).toBe('none');
  });

  it('keeps a hint that took a concurrent write while its handoff was on the way, and hands that write over too', () => {
    // Four nodes, N = 3, W = 3: S4 stands in for S2, which misses every write.
    const config = { ...sloppy, w: 3, r: 1 };
    const inFlight = [...hinted('C1', 'S1', 'S2', 1, ['S3']), { do: 'fire', node: 'S4', timer: 'handoff' }, ...hinted('C3', 'S3', 'S2', 1, ['S1']), deliver('HANDOFF', 'S4', 'S2'), deliver('HANDED', 'S2', 'S4')] as const;
    const world = play(inFlight, config);
    expect(hintsOn(world, 'S4')).toBe('x = a1 [C1:1] | c1 [C3:1] for S2');
    const settled = play([...inFlight, { do: 'settle' }], config);
    expect(holds(settled, 'S2', 'x')).toBe('a1 [C1:1] | c1 [C3:1]');
    expect(hintsOn(settled, 'S4')).toBe('none');
  });

  it('answers a sloppy read for a home node from the hint it keeps for it', () => {
    // Four nodes, N = 2: x lives on S1 and S2. S3 keeps C3's write for S1; then S1 is down.
    const world = play(
      [
        { do: 'client', node: 'C3', op: 'put-x' },
        deliver('PUT', 'C3', 'S3'),
        { do: 'drop', message: { type: 'WRITE', to: 'S1' } },
        { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
        { do: 'fire', node: 'S3', timer: 'wait.C3.1' },
        deliver('WRITE', 'S3', 'S4'),
        deliver('ACK', 'S4', 'S3'),
        { do: 'crash', node: 'S1' },
        { do: 'client', node: 'C2', op: 'get-x' },
        deliver('GET', 'C2', 'S2'),
        { do: 'fire', node: 'S2', timer: 'wait.C2.1' },
        deliver('READ', 'S2', 'S3'),
        deliver('VALUE', 'S3', 'S2'),
        deliver('GET_OK', 'S2', 'C2'),
      ],
      { ...sloppy, n: 2, w: 2, r: 2 },
    );
    expect(told(world)).toContain('S2 has heard from only itself in time: S3 stands in for S1.');
    expect(told(world)).toContain('C2 gets x = c1.');
  });
});
