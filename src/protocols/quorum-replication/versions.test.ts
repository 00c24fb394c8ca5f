import { describe, expect, it } from 'vitest';
import { parseVersions, readLog, versionsLog } from './log-text';
import { compareNames, merge, newer, versionsText, type Version } from './versions';

const vv = (value: string, vector: Record<string, number>): Version => ({ value, vv: vector });

describe('versions', () => {
  it('keep concurrent writes as siblings and drop what a later write has seen', () => {
    const a1 = vv('a1', { C1: 1 });
    const b1 = vv('b1', { C2: 1 });
    const merged = vv('a2', { C1: 2, C2: 1 });
    expect(merge([a1], [b1])).toEqual([a1, b1]);
    expect(merge([a1, b1], [merged])).toEqual([merged]);
    expect(merge([merged], [a1])).toEqual([merged]);
  });

  it('keep only the highest tag or timestamp, ties broken the same way whatever the arrival order', () => {
    const low = { value: 'a1', tag: 1, by: 'C1.1' };
    const high = { value: 'b1', tag: 1, by: 'C2.1' };
    expect(merge([low], [high])).toEqual([high]);
    expect(merge([high], [low])).toEqual([high]);
    expect(newer({ tag: 2, by: 'C1.10' }, { tag: 2, by: 'C1.9' })).toBe(true);
    expect(compareNames('S10', 'S2')).toBeGreaterThan(0);
  });

  it('read and write a log as the text a person reads, every part kept', () => {
    const all: Version[] = [vv('a1', { C1: 1 }), vv('b1', { C2: 1 })];
    expect(versionsText(all)).toBe('a1 [C1:1] | b1 [C2:1]');
    for (const versions of [all, [{ value: 'a2', tag: 3, by: 'C1.2' }], [{ value: 'b1', vv: { C2: 1 }, ts: -12, by: 'S2' }], []])
      expect(parseVersions(versionsLog(versions))).toEqual(versions);
    expect(readLog({ x: 'a1 (1,C1.1)', 'hint y for S2': 'b1 [C2:1]', 'hint x for S3': 'handed off', 'last request from C1': 'C1.4' })).toEqual({
      data: { x: [{ value: 'a1', tag: 1, by: 'C1.1' }] },
      hints: [{ key: 'y', for: 'S2', versions: [vv('b1', { C2: 1 })] }],
      taken: { C1: 4 },
    });
  });

  it('read a damaged log as nothing rather than failing', () => {
    expect(parseVersions('a1 [C1:one]')).toEqual([]);
    expect(parseVersions(42)).toEqual([]);
    expect(readLog({ x: '<script>', z: 'a1 [C1:1]', other: 'x' }).data).toEqual({ z: [vv('a1', { C1: 1 })] });
  });
});
