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

  it('map to the first record not done in the other region, where the raw offset would skip one', () => {
    // A saw a1 a2 b1; B saw b1 first, then a1, and a2 only later.
    const inB = ['b1', 'a1', 'b2', 'a2', 'a3'];
    expect(mappedPosition(inB, checkpoint, 2)).toEqual({ position: 2, progress: [2, 1] });
    expect(rawPosition(checkpoint, 2).position).toBe(3);
    expect(inB[2]).toBe('b2');
    expect(mappedPosition(inB, null, 2).position).toBe(0);
  });
});
