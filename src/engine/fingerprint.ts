import type { Envelope, NodeRecord, Observation } from './types';
import type { World } from './world';

// Canonical state keys for the checker. Ids and ticks are abstracted away: two worlds that differ
// only in when things happened, or in the numbers given to messages and timers, share a key.
// Worlds share their unchanged node records, envelopes, observations and partitions with their
// predecessors, so the text of each is made once and cached on the object.

const messageKeys = new WeakMap<Envelope, string>();

function messageKey(m: Envelope): string {
  let key = messageKeys.get(m);
  if (key === undefined) {
    key = `${m.from}>${m.to}:${JSON.stringify(m.body)}`;
    messageKeys.set(m, key);
  }
  return key;
}

const recordKeys = new WeakMap<NodeRecord, string>();

// A record's key depends on the behaviour at its index. Records move between indices only in the
// checker's symmetry renaming, and only between nodes that share a behaviour, so a cached key
// stays right wherever the record sits.
function nodeKey(world: World, node: number): string {
  const record = world.nodes[node]!;
  let key = recordKeys.get(record);
  if (key === undefined) {
    key = recordKey(world, node, record);
    recordKeys.set(record, key);
  }
  return key;
}

function recordKey(world: World, node: number, record: NodeRecord): string {
  if (!record.up) return `down|${JSON.stringify(record.persisted)}`;
  const state = record.state;
  if (typeof state !== 'object' || state === null) return `up|${String(state)}|${JSON.stringify(record.persisted)}`;
  return `up|${world.system.nodes[node]!.behaviour.key(state)}|${JSON.stringify(record.persisted)}`;
}

const observationKeys = new WeakMap<Observation, string>();

function observationKey(o: Observation): string {
  let key = observationKeys.get(o);
  if (key === undefined) {
    key = `${o.node}=${JSON.stringify(o.value)}`;
    observationKeys.set(o, key);
  }
  return key;
}

const partitionKeys = new WeakMap<NonNullable<World['partition']>, string>();

function partitionKey(partition: World['partition']): string {
  if (partition === null) return '';
  let key = partitionKeys.get(partition);
  if (key === undefined) {
    key = JSON.stringify(partition);
    partitionKeys.set(partition, key);
  }
  return key;
}

// A step that observes nothing keeps its predecessor's list of observations, so the text of the
// whole set is cached per list as well.
const observationSetKeys = new WeakMap<readonly Observation[], string>();

function observationSetKey(observations: readonly Observation[]): string {
  let key = observationSetKeys.get(observations);
  if (key === undefined) {
    key = sortedKeys(observations, observationKey, ',', true);
    observationSetKeys.set(observations, key);
  }
  return key;
}

/** The items' keys, sorted (and without repeats when `unique`), joined by `separator`. */
function sortedKeys<T>(items: readonly T[], keyOf: (item: T) => string, separator: string, unique = false): string {
  if (items.length === 0) return '';
  if (items.length === 1) return keyOf(items[0]!);
  const keys = items.map(keyOf).sort();
  return (unique ? keys.filter((k, i) => i === 0 || k !== keys[i - 1]) : keys).join(separator);
}

/** The canonical key of a world, with ids and ticks abstracted. */
export function worldKey(world: World): string {
  let nodes = '';
  for (let i = 0; i < world.nodes.length; i++) nodes += (i === 0 ? '' : '\n') + nodeKey(world, i);
  const messages = sortedKeys(world.messages, messageKey, '\n');
  const timers = sortedKeys(world.timers, (t) => `${t.node}:${t.name}`, ',');
  const observations = observationSetKey(world.observations);
  const partition = partitionKey(world.partition);
  return `${nodes}\n#${messages}\n#${timers}\n#${observations}\n#${partition}\n#${world.network.lossPercent},${world.network.duplicationPercent}`;
}
