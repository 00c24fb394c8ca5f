// The checker remembers every state it has seen by a 64-bit fingerprint of its key, not by the
// key itself: a key is a few hundred characters, a fingerprint is eight bytes. Two different keys
// can share a fingerprint; with 64 bits the chance of any such clash among a million states is
// about one in thirty million (TLC makes the same trade). `FingerprintSet` is an open-addressing
// table in one typed array, so a million states cost 16 to 32 MB and make no garbage.

import { mix32 as fmix32 } from '../random';

// The lanes of the last hash. Returning them through two variables rather than a fresh pair keeps
// the checker's innermost loop free of allocation.
let laneHigh = 0;
let laneLow = 0;

/**
 * Hashes `key` into `laneHigh` and `laneLow`, two characters per round: lane one multiplies and
 * rotates, lane two uses other constants and adds, so a clash in one lane rarely clashes in both.
 */
function hashKey(key: string): void {
  const length = key.length;
  let a = 0x2545f491 ^ length;
  let b = Math.imul(0x9e3779b9 ^ length, 0x7feb352d);
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const word = key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ word, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b + word, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = Math.imul(b, 5) + 0xe6546b64;
  }
  if (i < length) {
    const last = key.charCodeAt(i);
    a = Math.imul(a ^ last, 0xcc9e2d51);
    b = Math.imul(b + last, 0x1b873593);
  }
  laneHigh = fmix32(a ^ fmix32(b));
  laneLow = fmix32(b + Math.imul(a, 0x27d4eb2f));
  // Zero in both lanes marks an empty slot, so no fingerprint may be all zeroes.
  if (laneHigh === 0 && laneLow === 0) laneLow = 1;
}

/**
 * A set of 64-bit fingerprints of string keys: open addressing with linear probing, each slot two
 * adjacent 32-bit words (high, low), so a probe touches one cache line.
 */
export class FingerprintSet {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacityLog2 = 16) {
    this.slots = new Uint32Array(2 << capacityLog2);
    this.mask = (1 << capacityLog2) - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key's fingerprint; true when it was not there before. */
  add(key: string): boolean {
    hashKey(key);
    return this.addPair(laneHigh, laneLow);
  }

  has(key: string): boolean {
    hashKey(key);
    return this.hasPair(laneHigh, laneLow);
  }

  /**
   * Adds a fingerprint the caller computed itself (a model's `fingerprint`), as its two 32-bit
   * halves; true when it was not there before.
   */
  addPair(high: number, low: number): boolean {
    high >>>= 0;
    low >>>= 0;
    // Zero in both halves marks an empty slot, as in `hashKey`.
    if (high === 0 && low === 0) low = 1;
    const added = this.insert(high, low);
    if (added && this.count * 2 > this.mask) this.grow();
    return added;
  }

  hasPair(high: number, low: number): boolean {
    high >>>= 0;
    low >>>= 0;
    if (high === 0 && low === 0) low = 1;
    const slots = this.slots;
    for (let slot = low & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = slots[2 * slot]!;
      const l = slots[2 * slot + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === high && l === low) return true;
    }
  }

  private insert(high: number, low: number): boolean {
    const slots = this.slots;
    for (let slot = low & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = slots[2 * slot]!;
      const l = slots[2 * slot + 1]!;
      if (h === 0 && l === 0) {
        slots[2 * slot] = high;
        slots[2 * slot + 1] = low;
        this.count++;
        return true;
      }
      if (h === high && l === low) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
