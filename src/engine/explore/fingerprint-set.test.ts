import { describe, expect, it } from 'vitest';
import { FingerprintSet } from './fingerprint-set';

describe('fingerprints', () => {
  it('remembers what was added and tells new keys from old ones', () => {
    const set = new FingerprintSet(2);
    expect(set.add('a')).toBe(true);
    expect(set.add('b')).toBe(true);
    expect(set.add('a')).toBe(false);
    expect(set.has('a')).toBe(true);
    expect(set.has('c')).toBe(false);
    expect(set.size).toBe(2);
  });

  it('remembers fingerprints given as two halves, the all-zero one included', () => {
    const set = new FingerprintSet(2);
    expect(set.addPair(0, 0)).toBe(true);
    expect(set.addPair(0xffffffff, 7)).toBe(true);
    expect(set.addPair(-1, 7)).toBe(false);
    expect(set.hasPair(0, 0)).toBe(true);
    expect(set.hasPair(7, 0xffffffff)).toBe(false);
    expect(set.size).toBe(2);
  });

  it('keeps every key when it grows far past its first capacity', () => {
    const set = new FingerprintSet(2);
    for (let i = 0; i < 10_000; i++) expect(set.add(`state ${i}`)).toBe(true);
    expect(set.size).toBe(10_000);
    for (let i = 0; i < 10_000; i++) expect(set.has(`state ${i}`)).toBe(true);
    expect(set.has('state 10000')).toBe(false);
  });

  it('gives 300,000 similar keys 300,000 different fingerprints', () => {
    // Keys that differ in one character, in their length, or by swapping two characters: a clash
    // would make the set report a new key as already there.
    const set = new FingerprintSet();
    for (let i = 0; i < 100_000; i++) {
      set.add(`up|working:${i}|{}\n#0>1:{"type":"PING"}`);
      set.add(`${i}`.padEnd(40, 'x'));
      set.add(`ab${i}ba`);
    }
    expect(set.size).toBe(300_000);
  });

  it('tells a key from the same characters swapped, and takes the empty key as a key', () => {
    const set = new FingerprintSet(2);
    expect(set.add('ab')).toBe(true);
    expect(set.add('ba')).toBe(true);
    expect(set.has('')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.has('')).toBe(true);
  });
});
