import { describe, expect, it } from 'vitest';
import { advance, asPositions, commit, noCommits, offsetsText, positionOf, startPosition } from './offsets';

describe('positions and committed offsets', () => {
  it('start at the committed offset, or where auto.offset.reset says when nothing was committed', () => {
    expect(startPosition(3, 'earliest', 7)).toBe(3);
    expect(startPosition(3, 'latest', 7)).toBe(3);
    expect(startPosition(null, 'earliest', 7)).toBe(0);
    expect(startPosition(null, 'latest', 7)).toBe(7);
  });

  it('take a commit as given, even one that moves an offset back', () => {
    const once = commit(noCommits(2), [[0, 4]]);
    expect(once).toEqual([4, null]);
    expect(commit(once, [[0, 2], [1, 1]])).toEqual([2, 1]);
    expect(commit(once, [[5, 1]])).toEqual([4, null]);
  });

  it('move a position just past the records a poll returned', () => {
    const positions = advance(
      [
        [0, 1],
        [1, 0],
      ],
      [
        { p: 0, o: 1, v: 'a' },
        { p: 0, o: 2, v: 'b' },
      ],
    );
    expect(positions).toEqual([
      [0, 3],
      [1, 0],
    ]);
    expect(positionOf(positions, 0)).toBe(3);
    expect(positionOf(positions, 2)).toBeNull();
    expect(offsetsText(positions)).toBe('p0=3 p1=0');
  });

  it('read pairs out of untyped input and leave anything else out', () => {
    expect(asPositions([[0, 1], 'x', [1], [2, 3]])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(asPositions('nonsense')).toEqual([]);
  });
});
