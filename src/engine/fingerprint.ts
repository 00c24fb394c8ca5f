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

// Bodies, machine states and persisted records are often the very same objects from one world to
// the next (a memoising adapter hands back the same state and the same message bodies for the same
// transition), so each gets its own cached id and a part's text is built from those ids.
const bodyIds = new WeakMap<object, number>();
const jsonText = (value: object) => JSON.stringify(value);

const messageIds = new WeakMap<Envelope, number>();
const messageText = (m: Envelope) => `${m.from}>${m.to}:${cachedId(bodyIds, m.body, jsonText)}`;

const timerIds = new WeakMap<Timer, number>();
const timerText = (t: Timer) => `${t.node}:${t.name}`;

const recordIds = new WeakMap<NodeRecord, number>();

// A record's key depends on the behaviour at its index. Records move between indices only in the
// checker's symmetry renaming, and only between nodes that share a behaviour, so a cached key
// stays right wherever the record sits.
const stateIds = new WeakMap<object, number>();
const persistedIds = new WeakMap<object, number>();

function recordKey(world: World, node: number, record: NodeRecord): string {
  const persisted = cachedId(persistedIds, record.persisted, jsonText);
  if (!record.up) return `down|${persisted}`;
  const state = record.state;
  if (typeof state !== 'object' || state === null) return `up|${String(state)}|${persisted}`;
  const behaviour = world.system.nodes[node]!.behaviour;
  // Keyed by behaviour too: one state object could in principle be shared by two behaviours.
  return `up|${cachedId(stateIds, state, (s) => `${world.system.nodes[node]!.role}|${behaviour.key(s)}`)}|${persisted}`;
}

const observationIds = new WeakMap<Observation, number>();
const observationText = (o: Observation) => `${o.node}=${JSON.stringify(o.value)}`;

// A step that observes nothing keeps its predecessor's list of observations, so the set's id is
// cached per list as well. Observations form a set: repeats do not count.
const observationSetIds = new WeakMap<readonly Observation[], number>();
const observationSetText = (list: readonly Observation[]) =>
  [...new Set(list.map((o) => cachedId(observationIds, o, observationText)))].sort((a, b) => a - b).join(',');

const partitionIds = new WeakMap<NonNullable<World['partition']>, number>();

/** The ids of the items, sorted: a multiset, so order and numbering do not matter. */
function sortedIds<T extends object>(items: readonly T[], cache: WeakMap<T, number>, text: (item: T) => string): string {
  if (items.length === 0) return '';
  if (items.length === 1) return String(cachedId(cache, items[0]!, text));
  const ids = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) ids[i] = cachedId(cache, items[i]!, text);
  return ids.sort((a, b) => a - b).join(',');
}

/** The canonical key of a world, with ids and ticks abstracted. */
export function worldKey(world: World): string {
  let nodes = '';
  for (let i = 0; i < world.nodes.length; i++) {
    const record = world.nodes[i]!;
    let id = recordIds.get(record);
    if (id === undefined) {
      id = intern(recordKey(world, i, record));
      recordIds.set(record, id);
    }
    nodes += `${id},`;
  }
  const messages = sortedIds(world.messages, messageIds, messageText);
  const timers = sortedIds(world.timers, timerIds, timerText);
  const observations = cachedId(observationSetIds, world.observations, observationSetText);
  const partition = world.partition === null ? '' : cachedId(partitionIds, world.partition, (p) => JSON.stringify(p));
  return `${nodes}#${messages}#${timers}#${observations}#${partition}#${world.network.lossPercent},${world.network.duplicationPercent}`;
}
