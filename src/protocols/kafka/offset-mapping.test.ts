import { describe, expect, it } from 'vitest';
import { appendNew, readStream } from './log';
import { advanceProgress, isDone, mappedStart, noProgress, type Source } from './offset-mapping';

// Values name their source: "a3" is region 0's record at offset 2.
const sourceOf = (v: string): Source => ({ region: v.charCodeAt(0) - 97, offset: Number(v.slice(1)) - 1 });

describe('offsets mapped across regions', () => {
  it('record progress by source, never going back', () => {
    const progress = advanceProgress(noProgress(2), ['a1', 'a2', 'b1'].map(sourceOf));
    expect(progress).toEqual([2, 1]);
    expect(advanceProgress(progress, [sourceOf('a1')])).toEqual([2, 1]);
    expect(isDone(progress, sourceOf('a2'))).toBe(true);
    expect(isDone(progress, sourceOf('b2'))).toBe(false);
  });

  it('start another region at its first record not yet done, although the same offset there holds something else', () => {
    // Region A saw its own records first; region B saw b1 first and a2 late.
    const inA = ['a1', 'a2', 'b1', 'a3'];
    const inB = ['b1', 'a1', 'b2', 'a2', 'a3'];
    const progress = advanceProgress(noProgress(2), inA.slice(0, 3).map(sourceOf));
    expect(mappedStart(inB, sourceOf, progress)).toBe(2);
    expect(inB[3]).toBe('a2');
    expect(mappedStart(inB, sourceOf, advanceProgress(progress, ['b2', 'a3'].map(sourceOf)))).toBe(inB.length);
  });

  it('append a copy only once, and read a stream from an offset', () => {
    const stream = appendNew(['b1', 'a1'], ['a1', 'a2', 'a2']);
    expect(stream).toEqual(['b1', 'a1', 'a2']);
    expect(appendNew(stream, ['a1'])).toBe(stream);
    expect(readStream(stream, 1, 5)).toEqual([
      { offset: 1, value: 'a1' },
      { offset: 2, value: 'a2' },
    ]);
  });
});
