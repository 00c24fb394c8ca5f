import type { Envelope, NodeRecord, Observation, Timer } from './types';
import type { World } from './world';

// Canonical state keys for the checker. Ids and ticks are abstracted away: two worlds that differ
// only in when things happened, or in the numbers given to messages and timers, share a key.
// Worlds share their unchanged node records, envelopes, observations and partitions with their
// predecessors, so the text of each part is made once, interned as a small number, and cached on
// the object. A world's key is then a short list of numbers: cheap to build and to hash, which is
// what the checker does for every state it meets. The numbers are stable within one process,
// which is all a search needs; the interning table holds one entry per distinct part, far fewer
// than distinct worlds.

const interned = new Map<string, number>();

function intern(text: string): number {
  let id = interned.get(text);
  if (id === undefined) {
    id = interned.size;
    interned.set(text, id);
  }
  return id;
}

function cachedId<T extends object>(cache: WeakMap<T, number>, item: T, text: (item: T) => string): number {
  let id = cache.get(item);
  if (id === undefined) {
    id = intern(text(item));
    cache.set(item, id);
  }
  return id;
}

// The parts of worlds (records, envelopes, timers, observation lists, and the bodies, machine states
// and persisted data inside them) are met millions of times in a search, and a WeakMap lookup for
// each cost the checker a third of its time. Their ids are
// kept on the objects themselves instead, as a hidden property under a private symbol: it is not
// enumerable, so spreads, JSON and equality in tests never see it, and a copy never inherits a
// stale id. An object that cannot take a property (a frozen one) falls back to a WeakMap.
class OwnIds<T extends object> {
  readonly slot = Symbol('fingerprint id');
  readonly weak = new WeakMap<T, number>();
}

function ownId<T extends object>(cache: OwnIds<T>, item: T, text: (item: T) => string): number {
  const held = (item as unknown as Record<symbol, number | undefined>)[cache.slot];
  if (held !== undefined) return held;
  const id = cache.weak.get(item);
  return id ?? remember(cache, item, intern(text(item)));
}

function remember<T extends object>(cache: OwnIds<T>, item: T, id: number): number {
  if (Object.isExtensible(item)) Object.defineProperty(item, cache.slot, { value: id });
  else cache.weak.set(item, id);
  return id;
}

// A new envelope or record is met on almost every step. Their texts are made of two or three small
// numbers, so the id is first looked up by those numbers packed into one (exact below 2^53), and
// the text is built and interned only the first time those numbers are seen.
function packedId(table: Map<number, number>, packed: number, text: () => string): number {
  let id = table.get(packed);
  if (id === undefined) {
    id = intern(text());
    table.set(packed, id);
  }
  return id;
}

// Bodies, machine states and persisted records are often the very same objects from one world to
// the next (a memoising adapter hands back the same state and the same message bodies for the same
// transition), so each gets its own cached id and a part's text is built from those ids.
const bodyIds = new OwnIds<object>();
const jsonText = (value: object) => JSON.stringify(value);

const messageIds = new OwnIds<Envelope>();
const messageText = (m: Envelope) => `${m.from}>${m.to}:${ownId(bodyIds, m.body, jsonText)}`;
const messagesPacked = new Map<number, number>();

function messageId(m: Envelope): number {
  const held = (m as unknown as Record<symbol, number | undefined>)[messageIds.slot];
  if (held !== undefined) return held;
  const body = ownId(bodyIds, m.body, jsonText);
  const small = m.from >= 0 && m.from < 1024 && m.to >= 0 && m.to < 1024 && body < 2 ** 32;
  if (!small) return ownId(messageIds, m, messageText);
  return remember(messageIds, m, packedId(messagesPacked, (body * 1024 + m.from) * 1024 + m.to, () => `${m.from}>${m.to}:${body}`));
}

const timerIds = new OwnIds<Timer>();
const timerText = (t: Timer) => `${t.node}:${t.name}`;
const timerId = (t: Timer) => ownId(timerIds, t, timerText);

const recordIds = new OwnIds<NodeRecord>();

// A record's key depends on the behaviour at its index. Records move between indices only in the
// checker's symmetry renaming, and only between nodes that share a behaviour, so a cached key
// stays right wherever the record sits.
const stateIds = new OwnIds<object>();
const persistedIds = new OwnIds<object>();

function recordKey(world: World, node: number, record: NodeRecord): string {
  const persisted = ownId(persistedIds, record.persisted, jsonText);
  if (!record.up) return `down|${persisted}`;
  const state = record.state;
  if (typeof state !== 'object' || state === null) return `up|${String(state)}|${persisted}`;
  const behaviour = world.system.nodes[node]!.behaviour;
  // Keyed by behaviour too: one state object could in principle be shared by two behaviours.
  return `up|${ownId(stateIds, state, (s) => `${world.system.nodes[node]!.role}|${behaviour.key(s)}`)}|${persisted}`;
}

const upRecordsPacked = new Map<number, number>();

/** The id of a record whose key is `up|<state id>|<persisted id>`, found by those two numbers. */
function upRecordId(world: World, node: number, record: NodeRecord): number {
  const state = record.state as object;
  const stateId = ownId(stateIds, state, (s) => `${world.system.nodes[node]!.role}|${world.system.nodes[node]!.behaviour.key(s)}`);
  const persisted = ownId(persistedIds, record.persisted, jsonText);
  if (stateId >= 2 ** 31 || persisted >= 2 ** 21) return intern(recordKey(world, node, record));
  return packedId(upRecordsPacked, stateId * 2 ** 21 + persisted, () => `up|${stateId}|${persisted}`);
}

const observationIds = new WeakMap<Observation, number>();
const observationText = (o: Observation) => `${o.node}=${JSON.stringify(o.value)}`;

// A step that observes nothing keeps its predecessor's list of observations, so the set's id is
// cached per list as well. Observations form a set: repeats do not count.
const observationSetIds = new OwnIds<readonly Observation[]>();
const observationSetText = (list: readonly Observation[]) =>
  [...new Set(list.map((o) => cachedId(observationIds, o, observationText)))].sort((a, b) => a - b).join(',');

const partitionIds = new WeakMap<NonNullable<World['partition']>, number>();

/** The ids of the items, sorted: a multiset, so order and numbering do not matter. */
function sortedIds<T extends object>(items: readonly T[], idOf: (item: T) => number): string {
  if (items.length === 0) return '';
  if (items.length === 1) return String(idOf(items[0]!));
  const ids = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) ids[i] = idOf(items[i]!);
  return ids.sort((a, b) => a - b).join(',');
}

function recordId(world: World, node: number, record: NodeRecord): number {
  // The common case, an id already held, is read here so that no closure is made for it.
  const held = (record as unknown as Record<symbol, number | undefined>)[recordIds.slot];
  if (held !== undefined) return held;
  const state = record.state;
  if (record.up && typeof state === 'object' && state !== null) return remember(recordIds, record, upRecordId(world, node, record));
  return ownId(recordIds, record, (r) => recordKey(world, node, r));
}

/** The canonical key of a world, with ids and ticks abstracted. */
export function worldKey(world: World): string {
  let nodes = '';
  for (let i = 0; i < world.nodes.length; i++) nodes += `${recordId(world, i, world.nodes[i]!)},`;
  const messages = sortedIds(world.messages, messageId);
  const timers = sortedIds(world.timers, timerId);
  const observations = ownId(observationSetIds, world.observations, observationSetText);
  const partition = world.partition === null ? '' : cachedId(partitionIds, world.partition, (p) => JSON.stringify(p));
  return `${nodes}#${messages}#${timers}#${observations}#${partition}#${world.network.lossPercent},${world.network.duplicationPercent}`;
}

// The numeric fingerprint below hashes the same part ids that `worldKey` lists, in two lanes with
// different constants, without building any text. Messages and timers are multisets, so their ids
// are mixed one by one and summed: a sum does not care about order, and summing well-mixed values
// keeps distinct multisets apart as well as hashing their sorted list would.

const networkIds = new WeakMap<World['network'], number>();
const networkText = (n: World['network']) => `${n.lossPercent},${n.duplicationPercent}`;
// Nearly every world shares one network object, so the last one met is remembered outright.
let lastNetwork: World['network'] | null = null;
let lastNetworkId = 0;

function networkId(network: World['network']): number {
  if (network !== lastNetwork) {
    lastNetworkId = cachedId(networkIds, network, networkText);
    lastNetwork = network;
  }
  return lastNetworkId;
}

/** One Murmur3-style round of lane one. */
function roundA(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A round of lane two: other constants, and the word is added rather than xored. */
function roundB(h: number, x: number): number {
  let k = Math.imul(x ^ 0x68e31da4, 0x85ebca6b);
  k = Math.imul((k << 13) | (k >>> 19), 0xc2b2ae35);
  h = (h + k) | 0;
  h = (h << 17) | (h >>> 15);
  return (Math.imul(h, 9) + 0x7a2d5f1b) | 0;
}

/** A 32-bit finaliser: every input bit affects every output bit. */
function avalanche(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

// The lanes of the multiset being summed; module variables keep the hot loop free of allocation.
let sumA = 0;
let sumB = 0;

function sumIds<T extends object>(items: readonly T[], idOf: (item: T) => number): void {
  let a = 0;
  let b = 0;
  for (let i = 0; i < items.length; i++) {
    const id = idOf(items[i]!);
    a = (a + avalanche(Math.imul(id + 1, 0x9e3779b1))) | 0;
    b = (b + avalanche(Math.imul(id ^ 0x27d4eb2f, 0x165667b1) + 0x3c6ef372)) | 0;
  }
  sumA = a;
  sumB = b;
}

/**
 * A 64-bit fingerprint of `worldKey(world)`'s class, written to `out[0]` (high) and `out[1]`
 * (low): worlds with equal keys get equal fingerprints, and different keys clash about as rarely
 * as any two 64-bit hashes. `salt` is folded in too, for whatever a caller adds to the key.
 */
export function worldFingerprint(world: World, salt: number, out: Uint32Array): void {
  const nodes = world.nodes;
  let a = 0x2545f491 ^ nodes.length;
  let b = 0x1b873593 ^ nodes.length;
  for (let i = 0; i < nodes.length; i++) {
    const id = recordId(world, i, nodes[i]!);
    a = roundA(a, id);
    b = roundB(b, id);
  }
  sumIds(world.messages, messageId);
  a = roundB(roundA(a, world.messages.length), sumA);
  b = roundA(roundB(b, world.messages.length), sumB);
  sumIds(world.timers, timerId);
  a = roundB(roundA(a, world.timers.length), sumA);
  b = roundA(roundB(b, world.timers.length), sumB);
  const observations = ownId(observationSetIds, world.observations, observationSetText);
  const partition = world.partition === null ? 0 : 1 + cachedId(partitionIds, world.partition, (p) => JSON.stringify(p));
  const network = networkId(world.network);
  a = roundA(roundA(roundA(roundA(a, observations), partition), network), salt);
  b = roundB(roundB(roundB(roundB(b, observations), partition), network), salt);
  out[0] = avalanche(a ^ avalanche(b));
  out[1] = avalanche(b + Math.imul(a, 0x27d4eb2f));
}
