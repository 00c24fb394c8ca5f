import { describe, expect, it } from 'vitest';
import { allRecords, append, emptyLogs, logEnd, offsetOf, readFrom, recordAt } from './log';

describe('partitions as append-only logs', () => {
  it('give each appended record the next offset of its partition, leaving the others alone', () => {
    let logs = emptyLogs(2);
    const first = append(logs, 0, 'r1');
    logs = append(first.logs, 1, 'r2').logs;
    const third = append(logs, 0, 'r3');
    expect([first.offset, third.offset]).toEqual([0, 1]);
    expect(third.logs).toEqual([['r1', 'r3'], ['r2']]);
    expect(logs).toEqual([['r1'], ['r2']]);
    expect([logEnd(third.logs, 0), logEnd(third.logs, 1)]).toEqual([2, 1]);
  });

  it('refuse an append to a partition that does not exist', () => {
    expect(() => append(emptyLogs(1), 3, 'r1')).toThrow('there is no partition 3');
  });

  it('read from each position up to the log end, at most max records in all', () => {
    const logs = [['a', 'b', 'c'], ['d']];
    expect(readFrom(logs, [[0, 1], [1, 0]], 5)).toEqual([
      { p: 0, o: 1, v: 'b' },
      { p: 0, o: 2, v: 'c' },
      { p: 1, o: 0, v: 'd' },
    ]);
    expect(readFrom(logs, [[0, 0], [1, 0]], 2).map((r) => r.v)).toEqual(['a', 'b']);
    expect(readFrom(logs, [[0, 3]], 2)).toEqual([]);
  });

  it('find a value where it was appended, and nothing past the log end', () => {
    const logs = [['a', 'b'], ['c']];
    expect(offsetOf(logs, 0, 'b')).toBe(1);
    expect(offsetOf(logs, 1, 'b')).toBeNull();
    expect(recordAt(logs, 0, 2)).toBeNull();
    expect(allRecords(logs).map((r) => `${r.v}@${r.p}.${r.o}`)).toEqual(['a@0.0', 'b@0.1', 'c@1.0']);
  });
});

describe('a partition drawn as a log fact', () => {
  it('puts markers that point at the same offset on one line, in the order given', async () => {
    const { partitionFact } = await import('./drawing');
    const fact = partitionFact(0, ['r1', 'r2'], [{ at: 1, label: 'C1' }, { at: 2, label: 'end' }, { at: 1, label: 'committed' }], (o) => (o === 0 ? 'bad' : undefined));
    expect(fact).toEqual({
      kind: 'log',
      name: 'p0',
      entries: [{ text: 'r1', tone: 'bad' }, { text: 'r2' }],
      markers: [
        { at: 1, label: 'C1 committed' },
        { at: 2, label: 'end' },
      ],
    });
  });
});
