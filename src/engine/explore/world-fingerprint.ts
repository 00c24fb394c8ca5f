import { messageKey, networkKey, nodeKey, observationKey, partitionKey, timerKey } from '../fingerprint';
import type { Observation } from '../types';
import type { World } from '../world';
import { fmix32, hashLanes, type Lanes } from './fingerprints';

// A 64-bit fingerprint of a world that makes exactly the distinctions `worldKey` makes (ids and
// ticks abstracted; messages and timers as multisets, observations as a set) without building,
// sorting and hashing the whole key text, which for two-phase commit runs to 700 characters.
// Each part's key is hashed once and the hash cached on the part, which later worlds share;
// unordered parts are combined by adding their hashes, so their order does not matter.

const partLanes = new WeakMap<object, Lanes>();

function lanesOf<T extends object>(part: T, keyOf: (part: T) => string): Lanes {
  let lanes = partLanes.get(part);
  if (lanes === undefined) partLanes.set(part, (lanes = hashLanes(keyOf(part))));
  return lanes;
}

// The running state of one fingerprint, mixed a word pair at a time.
let high = 0;
let low = 0;

function absorb(x: number, y: number): void {
  const a = high ^ x;
  high = Math.imul((a << 13) | (a >>> 19), 0x9e3779b1) + 0x7f4a7c15;
  const b = (low + y) | 0;
  low = Math.imul((b << 17) | (b >>> 15), 0x85ebca77) ^ 0x165667b1;
}

/** Adds a multiset: its size and the sums of its members' lanes. */
function absorbMultiset<T extends object>(items: readonly T[], keyOf: (item: T) => string): void {
  let sumHigh = 0;
  let sumLow = 0;
  for (let i = 0; i < items.length; i++) {
    const lanes = lanesOf(items[i]!, keyOf);
    sumHigh = (sumHigh + lanes.high) | 0;
    sumLow = (sumLow + lanes.low) | 0;
  }
  absorb(items.length, items.length);
  absorb(sumHigh, sumLow);
}

// Observations only grow, and a step that observes nothing keeps its predecessor's list, so the
// digest of the set is cached per list.
const observationSets = new WeakMap<readonly Observation[], Lanes>();

function observationSet(observations: readonly Observation[]): Lanes {
  let lanes = observationSets.get(observations);
  if (lanes !== undefined) return lanes;
  const unique = new Set(observations.map(observationKey));
  let sumHigh = unique.size;
  let sumLow = unique.size;
  for (const key of unique) {
    const member = hashLanes(key);
    sumHigh = (sumHigh + member.high) | 0;
    sumLow = (sumLow + member.low) | 0;
  }
  observationSets.set(observations, (lanes = { high: sumHigh, low: sumLow }));
  return lanes;
}

/** The world's 64-bit fingerprint as sixteen hexadecimal digits. */
export function worldFingerprint(world: World): string {
  high = 0x3c6ef372;
  low = 0xa54ff53a;
  const nodes = world.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const record = nodes[i]!;
    let lanes = partLanes.get(record);
    if (lanes === undefined) partLanes.set(record, (lanes = hashLanes(nodeKey(world, i))));
    absorb(lanes.high, lanes.low);
  }
  absorbMultiset(world.messages, messageKey);
  absorbMultiset(world.timers, timerKey);
  const observed = observationSet(world.observations);
  absorb(observed.high, observed.low);
  const partition = world.partition === null ? null : lanesOf(world.partition, partitionKey);
  absorb(partition?.high ?? 0, partition?.low ?? 0);
  const network = lanesOf(world.network, () => networkKey(world));
  absorb(network.high, network.low);
  const a = fmix32(high ^ fmix32(low));
  const b = fmix32(low + Math.imul(high, 0x27d4eb2f));
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
