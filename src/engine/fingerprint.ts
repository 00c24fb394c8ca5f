import type { Envelope } from './types';
import type { World } from './world';

// Canonical state keys for the checker. Ids and ticks are abstracted away: two worlds that differ
// only in when things happened, or in the numbers given to messages and timers, share a key.

const bodyKeys = new WeakMap<Envelope, string>();

function messageKey(m: Envelope): string {
  let key = bodyKeys.get(m);
  if (key === undefined) {
    key = `${m.from}>${m.to}:${JSON.stringify(m.body)}`;
    bodyKeys.set(m, key);
  }
  return key;
}

const stateKeys = new WeakMap<object, string>();

function nodeKey(world: World, node: number): string {
  const record = world.nodes[node]!;
  if (!record.up) return `down|${JSON.stringify(record.persisted)}`;
  const state = record.state;
  if (typeof state !== 'object' || state === null) return `up|${String(state)}|${JSON.stringify(record.persisted)}`;
  let key = stateKeys.get(state);
  if (key === undefined) {
    key = world.system.nodes[node]!.behaviour.key(state);
    stateKeys.set(state, key);
  }
  return `up|${key}|${JSON.stringify(record.persisted)}`;
}

/** The canonical key of a world, with ids and ticks abstracted. */
export function worldKey(world: World): string {
  const nodes = world.nodes.map((_, i) => nodeKey(world, i)).join('\n');
  const messages = world.messages.map(messageKey).sort().join('\n');
  const timers = world.timers
    .map((t) => `${t.node}:${t.name}`)
    .sort()
    .join(',');
  const observations = [...new Set(world.observations.map((o) => `${o.node}=${JSON.stringify(o.value)}`))]
    .sort()
    .join(',');
  const partition = world.partition === null ? '' : JSON.stringify(world.partition);
  return `${nodes}\n#${messages}\n#${timers}\n#${observations}\n#${partition}\n#${world.network.lossPercent},${world.network.duplicationPercent}`;
}
