import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, operationIntervals, runUntil } from '../kit';
import { kafkaMultiRegion as multi } from './index';
import { failOver, hasTimer, nodeOf, play, produce, sent, told } from './test-runs';

// A region's cluster: its own records go into its aggregate at once, and everything it holds (its
// streams and both checkpoints) is on disk, so a restart picks up where it was.

const fields = (world: World, name: string) => Object.fromEntries(multi.describe(world, nodeOf(world, name)).fields.map((f) => [f.name, f.value]));

/** A has a1 a2 and b1 in its aggregate and CA's checkpoint, shipped to B. */
const checkpointShipped = [produce('A'), produce('A'), produce('B'), runUntil('MIRROR_RECORDS', 'B', 'A'), runUntil('CHECKPOINT', 'CA', 'A'), runUntil('SHIP', 'A', 'B')];
const restartBoth = [{ do: 'crash', node: 'A' }, { do: 'crash', node: 'B' }, { do: 'restart', node: 'A' }, { do: 'restart', node: 'B' }] as const;

describe('a region cluster', () => {
  it("draws each produce as one operation on its region's lane, from the ask to an OK, numbered in the region", () => {
    const world = play([produce('A'), produce('A')]);
    const operations = operationIntervals(world.observations).filter((o) => o.node === nodeOf(world, 'A'));
    expect(operations.map((o) => [o.invoke, o.result])).toEqual([
      [{ operation: 'invoke', id: 'A.1', action: 'produce', key: 'A', value: 'a1' }, { operation: 'return', id: 'A.1', ok: true }],
      [{ operation: 'invoke', id: 'A.2', action: 'produce', key: 'A', value: 'a2' }, { operation: 'return', id: 'A.2', ok: true }],
    ]);
  });

  it('copies its own record into its aggregate at once, so it has nothing of its own left to copy', () => {
    const world = play([produce('A')]);
    expect(fields(world, 'A')).toMatchObject({ stream: 'a1', aggregate: 'a1' });
    expect(multi.describe(world, nodeOf(world, 'A')).label).toBe('in step');
  });

  it('restarted, reads back its streams and both checkpoints, ships its checkpoint again and asks the others only for what it lacks', () => {
    const before = play(checkpointShipped);
    const world = play([...checkpointShipped, ...restartBoth, { do: 'fire', node: 'A', timer: 'replicate' }]);
    for (const name of ['A', 'B']) expect(fields(world, name)).toEqual(fields(before, name));
    expect(fields(world, 'A')).toMatchObject({ stream: 'a1 a2', aggregate: 'a1 a2 b1' });
    expect(fields(world, 'A')['checkpoint']).not.toBe('none');
    expect(fields(world, 'B')['shipped here']).toBe(fields(world, 'A')['checkpoint']);
    expect(multi.describe(world, nodeOf(world, 'A')).label).toBe('in step');
    expect(hasTimer(world, 'A', 'ship')).toBe(true);
    expect(sent(world, 'A', 'B').filter((b) => b.type === 'MIRROR_FETCH').at(-1)).toEqual({ type: 'MIRROR_FETCH', start: 1 });
  });

  it('given the same copy from another region twice, copies it once and next asks from the record after it', () => {
    const world = play([
      produce('B'),
      { do: 'fire', node: 'A', timer: 'replicate' },
      deliver('MIRROR_FETCH', 'A', 'B'),
      { do: 'duplicate', message: { type: 'MIRROR_RECORDS', from: 'B', to: 'A' } },
      deliver('MIRROR_RECORDS', 'B', 'A'),
      deliver('MIRROR_RECORDS', 'B', 'A'),
      { do: 'fire', node: 'A', timer: 'replicate' },
    ]);
    expect(told(world).filter((line) => line.startsWith('A copies'))).toEqual(['A copies b1 from region B into its aggregate, at offset 0.']);
    expect(sent(world, 'A', 'B').at(-1)).toEqual({ type: 'MIRROR_FETCH', start: 1 });
  });

  it('with three regions, counts a copy only for the region it came from', () => {
    const world = play(
      [
        produce('B'),
        { do: 'client', node: 'C', op: 'produce' },
        { do: 'fire', node: 'A', timer: 'replicate' },
        deliver('MIRROR_FETCH', 'A', 'B'),
        deliver('MIRROR_FETCH', 'A', 'C'),
        deliver('MIRROR_RECORDS', 'B', 'A'),
        deliver('MIRROR_RECORDS', 'C', 'A'),
      ],
      { regions: 3 },
    );
    expect(fields(world, 'A')['aggregate']).toBe('b1 c1');
  });

  it("saves its writer's checkpoint once, though the message comes twice, and a checkpoint shipped again is kept once", () => {
    const world = play([
      produce('A'),
      runUntil('OUTPUT_OK', 'database', 'CA'),
      { do: 'duplicate', message: { type: 'CHECKPOINT', from: 'CA' } },
      deliver('CHECKPOINT', 'CA', 'A'),
      deliver('CHECKPOINT', 'CA', 'A'),
      runUntil('SHIP', 'A', 'B'),
      { do: 'fire', node: 'A', timer: 'ship' },
      deliver('SHIP', 'A', 'B'),
    ]);
    expect(told(world).filter((line) => line.startsWith('A writes to its log: checkpoint'))).toHaveLength(1);
    expect(told(world).filter((line) => line.startsWith('B keeps the checkpoint'))).toHaveLength(1);
  });

  it("answers a writer restarted in its region with the region's own newer checkpoint, not an older one shipped from elsewhere", () => {
    const world = play([
      produce('A'),
      runUntil('SHIP', 'A', 'B'),
      failOver,
      runUntil('RECORDS', 'B', 'CB'),
      produce('B'),
      runUntil('CHECKPOINT', 'CB', 'B'),
      { do: 'crash', node: 'CB' },
      { do: 'restart', node: 'CB' },
      runUntil('RESUME_FROM', 'B', 'CB'),
    ]);
    const answers = sent(world, 'B', 'CB').filter((b) => b.type === 'RESUME_FROM');
    expect(answers.map((b) => (b['checkpoint'] as { region: number; epoch: number }).epoch)).toEqual([1, 2]);
  });
});
