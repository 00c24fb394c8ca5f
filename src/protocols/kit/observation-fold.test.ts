import { describe, expect, it } from 'vitest';
import { ObservationList, type Observation, type World } from '../../engine';
import { foldObservations } from './observation-fold';

const seen = (i: number): Observation => ({ step: i, tick: i, node: i % 3, value: i });
const worldOf = (observations: ObservationList) => ({ observations }) as unknown as World;

/** A fold that sums the values it saw and counts its `add` calls. */
function summing() {
  let adds = 0;
  const sum = foldObservations<{ total: number }>({
    start: () => ({ total: 0 }),
    add: (s, o) => {
      adds++;
      s.total += o.value as number;
    },
    copy: (s) => ({ ...s }),
  });
  return { sum: (list: ObservationList) => sum(worldOf(list)).total, adds: () => adds };
}

/** The lists of one run: lists[i] holds the first i observations. */
function lineOf(length: number, from = ObservationList.empty(), offset = 0): ObservationList[] {
  const lists = [from];
  for (let i = 0; i < length; i++) lists.push(lists[i]!.append(seen(offset + i + 1)));
  return lists;
}

const expected = (list: ObservationList) => list.toArray().reduce((total, o) => total + (o.value as number), 0);

describe('folding observations', () => {
  it('reads each observation once while the run goes forward, however long it gets', () => {
    const { sum, adds } = summing();
    const lists = lineOf(2_000);
    for (const list of lists) expect(sum(list)).toBe(expected(list));
    expect(adds()).toBe(2_000);
  });

  it('gives the same summary after a seek back, a fork or a jump to another run', () => {
    const { sum, adds } = summing();
    const lists = lineOf(1_000);
    sum(lists[1_000]!);
    const before = adds();
    expect(sum(lists[700]!)).toBe(expected(lists[700]!));
    // Resuming from the nearest kept copy folds fewer observations than the copies are apart.
    expect(adds() - before).toBeLessThanOrEqual(128);
    const fork = lineOf(50, lists[300], 10_000);
    for (const list of fork) expect(sum(list)).toBe(expected(list));
    expect(sum(lists[999]!)).toBe(expected(lists[999]!));
    const other = lineOf(10);
    expect(sum(other[10]!)).toBe(expected(other[10]!));
    expect(sum(lists[0]!)).toBe(0);
  });
});
