import { describe, expect, it } from 'vitest';
import { addFlushing, applyVersionedSet, evictionVictim, parseRecord, putEntry, recordText, touchEntry, type Entry } from './table';

const entry = (key: string, value: string, version: number | null, floor = version ?? 0): Entry => ({ key, value, version, floor, dirty: false });

describe('the cache table', () => {
  it('keeps entries in least-recently-used order: a put or a touch moves the key to the end', () => {
    const table = putEntry(putEntry(putEntry([], entry('x', 'x0', 0)), entry('y', 'y0', 0)), entry('z', 'z0', 0));
    expect(touchEntry(table, 'x').map((e) => e.key)).toEqual(['y', 'z', 'x']);
    expect(putEntry(table, entry('y', 'b1', 1)).map((e) => `${e.key}=${e.value}`)).toEqual(['x=x0', 'z=z0', 'y=b1']);
  });

  it('evicts the least recently used entry once over capacity, never the one just put, and nothing without a limit', () => {
    const table = [entry('x', 'x0', 0), entry('y', 'y0', 0)];
    expect(evictionVictim(table, 1, 'y')?.key).toBe('x');
    expect(evictionVictim(table, 1, 'x')?.key).toBe('y');
    expect(evictionVictim(table, 2, 'y')).toBeUndefined();
    expect(evictionVictim(table, 0, 'y')).toBeUndefined();
  });

  it('updates a cached copy only to a newer version, and never installs a key it does not hold', () => {
    expect(applyVersionedSet(entry('x', 'a1', 1), 'b1', 2)).toEqual({ entry: entry('x', 'b1', 2), change: 'updated' });
    expect(applyVersionedSet(entry('x', 'b1', 2), 'a1', 1).change).toBe('kept');
    expect(applyVersionedSet(undefined, 'a1', 1)).toEqual({ entry: undefined, change: 'absent' });
  });

  it('confirms an unversioned copy above the copy it replaced, and drops it when a newer write got there first', () => {
    const early = entry('x', 'a1', null, 3);
    expect(applyVersionedSet(early, 'a1', 4)).toEqual({ entry: entry('x', 'a1', 4), change: 'updated' });
    expect(applyVersionedSet(early, 'a1', 2)).toEqual({ entry: undefined, change: 'dropped' });
  });

  it('keeps one flushing record per key, the newest', () => {
    const list = addFlushing([{ key: 'x', value: 'a1', version: 1 }], { key: 'x', value: 'a2', version: 2 });
    expect(list).toEqual([{ key: 'x', value: 'a2', version: 2 }]);
    expect(addFlushing(list, { key: 'x', value: 'a1', version: 1 })).toEqual(list);
  });

  it('writes records as "value vN" and reads back only that form', () => {
    expect(recordText('a1', 2)).toBe('a1 v2');
    expect(parseRecord('a1 v2')).toEqual({ value: 'a1', version: 2 });
    expect(parseRecord('flushed')).toBeNull();
    expect(parseRecord(undefined)).toBeNull();
  });
});
