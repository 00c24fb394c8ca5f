import type { ObservationList } from '../observations';
import type { Envelope, NodeRecord, Observation, Timer } from '../types';
import type { World } from '../world';
import type { Interner } from './interner';
import { relativeDue, type Timing } from './timed';

// Canonical state keys for the checker. Ids and ticks are abstracted away: two worlds that differ
// only in when things happened, or in the numbers given to messages and timers, share a key. Each
// part of a world gets a small id from the search's interner (interner.ts); a world's key is a
// short list of those ids, and its 64-bit fingerprint mixes the same ids without building any text.

// Bodies, machine states and persisted records are often the very same objects from one world to
// the next (a memoising adapter hands back the same state and the same message bodies for the same
// transition), so each gets its own id and a part's text is built from those ids.
const jsonText = (value: object) => JSON.stringify(value);

function messageId(parts: Interner, m: Envelope): number {
  const held = parts.held(m);
  if (held >= 0) return held;
  const body = parts.idOf(m.body, jsonText);
  // A new envelope is met on almost every step; its text is three small numbers, so it is first
  // looked up by those numbers packed into one.
  const small = m.from >= 0 && m.from < 1024 && m.to >= 0 && m.to < 1024 && body < 2 ** 32;
  if (!small) return parts.remember(m, parts.intern(`${m.from}>${m.to}:${body}`));
  const key = (body * 1024 + m.from) * 1024 + m.to;
  const id = parts.packedId(key);
  return parts.remember(m, id >= 0 ? id : parts.setPacked(key, parts.intern(`${m.from}>${m.to}:${body}`)));
}

const timerText = (t: Timer) => `${t.node}:${t.name}`;
const timerId = (parts: Interner, t: Timer) => parts.idOf(t, timerText);

// A record's key depends on the behaviour at its index. The state's id is given by the first node
// that meets it, with that node's role in its text: nodes of one role share a behaviour, and one
// state object held by two behaviours would at worst count twice, never merge two states.
function stateId(parts: Interner, world: World, node: number, state: object): number {
  const held = parts.held(state);
  if (held >= 0) return held;
  const spec = world.system.nodes[node]!;
  return parts.remember(state, parts.intern(`${spec.role}|${spec.behaviour.key(state)}`));
}

function recordId(parts: Interner, world: World, node: number, record: NodeRecord): number {
  const held = parts.held(record);
  if (held >= 0) return held;
  const persisted = parts.idOf(record.persisted, jsonText);
  const state = record.state;
  if (!record.up) return parts.remember(record, parts.intern(`down|${persisted}`));
  if (typeof state !== 'object' || state === null) return parts.remember(record, parts.intern(`up|${String(state)}|${persisted}`));
  const machine = stateId(parts, world, node, state);
  if (machine >= 2 ** 31 || persisted >= 2 ** 21) return parts.remember(record, parts.intern(`up|${machine}|${persisted}`));
  // Records are keyed by negative packed numbers, so they never meet an envelope's.
  const key = -1 - (machine * 2 ** 21 + persisted);
  const id = parts.packedId(key);
  return parts.remember(record, id >= 0 ? id : parts.setPacked(key, parts.intern(`up|${machine}|${persisted}`)));
}

// A step that observes nothing keeps its predecessor's list of observations, so the set's id is
// kept per list. Observations form a set: repeats do not count. A system whose invariants read the
// order of observations (a client history checked for linearizability: which operation returned
// before which began) declares `orderedObservations`, and its lists are keyed as sequences: two
// histories with the same operations in another order are then two states.
const observationText = (o: Observation) => `${o.node}=${JSON.stringify(o.value)}`;

function observationSetText(parts: Interner, observations: Iterable<Observation>): string {
  const ids = new Set<number>();
  for (const o of observations) ids.add(parts.idOf(o, observationText));
  return [...ids].sort((a, b) => a - b).join(',');
}

function observationSequenceText(parts: Interner, observations: Iterable<Observation>): string {
  const ids: number[] = [];
  for (const o of observations) ids.push(parts.idOf(o, observationText));
  return `>${ids.join(',')}`;
}

/**
 * The id of a list keyed as a sequence, from its predecessor's: the id of (the list before, the
 * newest observation). Equal sequences get equal ids by induction, and a new list costs one
 * short text rather than one as long as the list (the checker meets a new list on every
 * observing step). The lists back to one with an id are numbered oldest first.
 */
function observationSequenceId(parts: Interner, list: ObservationList): number {
  const unnumbered: ObservationList[] = [];
  let at = list;
  let id = parts.held(at);
  while (id < 0 && at.previous !== null) {
    unnumbered.push(at);
    at = at.previous;
    id = parts.held(at);
  }
  if (id < 0) id = parts.remember(at, parts.intern('>'));
  for (let i = unnumbered.length - 1; i >= 0; i--) {
    const next = unnumbered[i]!;
    id = parts.remember(next, parts.intern(`${id}>${parts.idOf(next.last!, observationText)}`));
  }
  return id;
}

function observationSetId(parts: Interner, world: World): number {
  const list = world.observations;
  const held = parts.held(list);
  if (held >= 0) return held;
  const ordered = world.system.orderedObservations;
  if (ordered === true) return observationSequenceId(parts, list);
  let text: string;
  if (typeof ordered !== 'function') text = observationSetText(parts, list);
  else {
    const all = list.toArray();
    text = `${observationSequenceText(parts, all.filter((o) => ordered(o.value)))}|${observationSetText(parts, all.filter((o) => !ordered(o.value)))}`;
  }
  return parts.remember(list, parts.intern(text));
}

const partitionId = (parts: Interner, partition: World['partition']) => (partition === null ? -1 : parts.idOf(partition, jsonText));

const networkText = (n: World['network']) => `${n.lossPercent},${n.duplicationPercent}`;

/** The ids of the items, sorted: a multiset, so order and numbering do not matter. */
function sortedIds<T extends object>(parts: Interner, items: readonly T[], idOf: (parts: Interner, item: T) => number): string {
  const ids = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) ids[i] = idOf(parts, items[i]!);
  return ids.sort((a, b) => a - b).join(',');
}

/** The canonical key of a world as text, with ids and ticks abstracted: `worldFingerprint`'s reference. */
export function worldKey(parts: Interner, world: World): string {
  let nodes = '';
  for (let i = 0; i < world.nodes.length; i++) nodes += `${recordId(parts, world, i, world.nodes[i]!)},`;
  const messages = sortedIds(parts, world.messages, messageId);
  const timers = sortedIds(parts, world.timers, timerId);
  const observations = observationSetId(parts, world);
  const partition = partitionId(parts, world.partition);
  return `${nodes}#${messages}#${timers}#${observations}#${partition}#${parts.idOf(world.network, networkText)}`;
}

/**
 * What a timed search adds to a world's key: what is left of each timer's and message's deadline
 * (see timed.ts), as a sorted list of the part's id and its ticks left. The absolute tick stays
 * out, so worlds that differ only in when they happened still share a key.
 */
export function timedKey(parts: Interner, world: World, timing: Timing): string {
  const items: string[] = [];
  for (const t of world.timers) items.push(`t${timerId(parts, t)}@${relativeDue(world, t, timing)}`);
  for (const m of world.messages) items.push(`m${messageId(parts, m)}@${relativeDue(world, m, timing)}`);
  return items.sort().join(',');
}

// The numeric fingerprint below hashes the same part ids that `worldKey` lists, in two lanes with
// different constants, without building any text. Messages and timers are multisets, so their ids
// are mixed one by one and summed: a sum does not care about order, and summing well-mixed values
// keeps distinct multisets apart as well as hashing their sorted list would.

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

// The two lanes of the multiset last summed: scratch space, so the hot loop allocates nothing.
let sumA = 0;
let sumB = 0;

function sumIds<T extends object>(parts: Interner, items: readonly T[], idOf: (parts: Interner, item: T) => number): void {
  let a = 0;
  let b = 0;
  for (let i = 0; i < items.length; i++) {
    const id = idOf(parts, items[i]!);
    a = (a + avalanche(Math.imul(id + 1, 0x9e3779b1))) | 0;
    b = (b + avalanche(Math.imul(id ^ 0x27d4eb2f, 0x165667b1) + 0x3c6ef372)) | 0;
  }
  sumA = a;
  sumB = b;
}

/** Mixes one (part id, ticks left) pair into both lanes of the sum: `timedKey`'s items, as numbers. */
function addDeadline(tag: number, id: number, left: number): void {
  sumA = (sumA + avalanche(roundA(roundA(tag, id), left))) | 0;
  sumB = (sumB + avalanche(roundB(roundB(tag, id), left))) | 0;
}

/** The sum of `timedKey`'s items, in both lanes: a multiset, so their order does not matter. */
function sumDeadlines(parts: Interner, world: World, timing: Timing): void {
  sumA = 0;
  sumB = 0;
  for (const t of world.timers) addDeadline(0x51ed27, timerId(parts, t), relativeDue(world, t, timing));
  for (const m of world.messages) addDeadline(0x2b7e15, messageId(parts, m), relativeDue(world, m, timing));
}

/**
 * A 64-bit fingerprint of `worldKey(parts, world)`, written to `out[0]` (high) and `out[1]` (low):
 * worlds with equal keys get equal fingerprints, and different keys clash about as rarely as any
 * two 64-bit hashes. `salt` is folded in too, for whatever a caller adds to the key; and, in a
 * timed search, what `timedKey` adds.
 */
export function worldFingerprint(parts: Interner, world: World, salt: number, out: Uint32Array, timing?: Timing): void {
  const nodes = world.nodes;
  let a = 0x2545f491 ^ nodes.length;
  let b = 0x1b873593 ^ nodes.length;
  for (let i = 0; i < nodes.length; i++) {
    const id = recordId(parts, world, i, nodes[i]!);
    a = roundA(a, id);
    b = roundB(b, id);
  }
  sumIds(parts, world.messages, messageId);
  a = roundB(roundA(a, world.messages.length), sumA);
  b = roundA(roundB(b, world.messages.length), sumB);
  sumIds(parts, world.timers, timerId);
  a = roundB(roundA(a, world.timers.length), sumA);
  b = roundA(roundB(b, world.timers.length), sumB);
  if (timing !== undefined) {
    sumDeadlines(parts, world, timing);
    a = roundB(roundA(a, 0x7f4a7c15), sumA);
    b = roundA(roundB(b, 0x7f4a7c15), sumB);
  }
  const observations = observationSetId(parts, world);
  const partition = 1 + partitionId(parts, world.partition);
  const network = parts.idOf(world.network, networkText);
  a = roundA(roundA(roundA(roundA(a, observations), partition), network), salt);
  b = roundB(roundB(roundB(roundB(b, observations), partition), network), salt);
  out[0] = avalanche(a ^ avalanche(b));
  out[1] = avalanche(b + Math.imul(a, 0x27d4eb2f));
}
