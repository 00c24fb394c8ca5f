import { describe, expect, it } from 'vitest';
import { checkpointText, mappedPosition, newer, rawPosition, readCheckpoint } from './checkpoint';

const checkpoint = { region: 0, epoch: 1, aggregateOffset: 3, progress: [2, 1] };

describe('checkpoints across regions', () => {
  it('are written as text a person reads, and read back', () => {
    expect(checkpointText(checkpoint)).toBe('A@3, epoch 1, done A:2 B:1');
    expect(readCheckpoint(checkpointText(checkpoint))).toEqual(checkpoint);
    expect(readCheckpoint('nonsense')).toBeNull();
    expect(readCheckpoint(undefined)).toBeNull();
  });

  it('prefer a later epoch, then more records done', () => {
    const later = { ...checkpoint, epoch: 2, progress: [0, 0] };
    expect(newer(checkpoint, later)).toBe(later);
    expect(newer(checkpoint, { ...checkpoint, progress: [2, 2] })).toEqual({ ...checkpoint, progress: [2, 2] });
    expect(newer(null, checkpoint)).toBe(checkpoint);
  });

  it('read back offsets and epochs of any size, and refuse a log entry that is not a checkpoint', () => {
    const big = { region: 1, epoch: 12, aggregateOffset: 345, progress: [10, 20] };
    expect(readCheckpoint(checkpointText(big))).toEqual(big);
    expect(readCheckpoint(42)).toBeNull();
    expect(readCheckpoint(`note: ${checkpointText(checkpoint)}`)).toBeNull();
    expect(readCheckpoint('A@3, epoch 1, done A:x B:1')).toBeNull();
  });

  it('prefer the later epoch in either order, and keep the first of two with as many records done', () => {
    const later = { ...checkpoint, epoch: 2, progress: [0, 0] };
    expect(newer(later, checkpoint)).toBe(later);
    expect(newer(checkpoint, later)).toBe(later);
    const fewer = { ...checkpoint, progress: [1, 1] };
    expect(newer(checkpoint, fewer)).toBe(checkpoint);
    const asMany = { ...checkpoint, aggregateOffset: 9, progress: [1, 2] };
    expect(newer(checkpoint, asMany)).toBe(checkpoint);
    expect(newer(checkpoint, null)).toBe(checkpoint);
  });

  it('start a raw takeover with no checkpoint at the beginning', () => {
    expect(rawPosition(null, 2)).toEqual({ position: 0, progress: [0, 0] });
  });

  it('map to the first record not done in the other region, where the raw offset would skip one', () => {
    // A saw a1 a2 b1; B saw b1 first, then a1, and a2 only later.
    const inB = ['b1', 'a1', 'b2', 'a2', 'a3'];
    expect(mappedPosition(inB, checkpoint, 2)).toEqual({ position: 2, progress: [2, 1] });
    expect(rawPosition(checkpoint, 2).position).toBe(3);
    expect(inB[2]).toBe('b2');
    expect(mappedPosition(inB, null, 2).position).toBe(0);
  });
});
