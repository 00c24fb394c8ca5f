// Helpers for invariants, conditions, client ops and descriptions: they read node states and
// observations out of a world without knowing how the engine stores them.
import { nodeName, type Json, type NodeId, type World } from '../../engine';
import { inState, type MachineState } from './machine-state';

const roleTables = new WeakMap<World['system'], Map<string, readonly NodeId[]>>();

/** The ids of every node with the role, in order. Cached per system. */
export function nodesWithRole(world: World, role: string): readonly NodeId[] {
  let table = roleTables.get(world.system);
  if (table === undefined) {
    table = new Map();
    roleTables.set(world.system, table);
  }
  let ids = table.get(role);
  if (ids === undefined) {
    const found: NodeId[] = [];
    world.system.nodes.forEach((spec, id) => {
      if (spec.role === role) found.push(id);
    });
    ids = found;
    table.set(role, ids);
  }
  return ids;
}

/** A node's machine state, or null while it is down. */
export function machineState(world: World, node: NodeId): MachineState | null {
  const record = world.nodes[node];
  return record?.up === true ? (record.state as MachineState) : null;
}

/** Whether the node is up and in the state with the dotted id ("prepared", "decided.commit"). */
export function nodeIn(world: World, node: NodeId, state: string): boolean {
  const current = machineState(world, node);
  return current !== null && inState(current, state);
}

/** One field of a node's context (null while it is down or when the field is absent). */
export function contextField(world: World, node: NodeId, field: string): Json {
  return machineState(world, node)?.context[field] ?? null;
}

interface Seen {
  readonly values: Json[];
  /** For object observations: field -> the primitive values seen for it. */
  readonly fields: Map<string, Set<Json>>;
}

const byNode = new WeakMap<World['observations'], Map<NodeId, Seen>>();

function seenBy(world: World, node: NodeId): Seen | undefined {
  let table = byNode.get(world.observations);
  if (table === undefined) {
    table = new Map();
    for (const o of world.observations) {
      let seen = table.get(o.node);
      if (seen === undefined) {
        seen = { values: [], fields: new Map() };
        table.set(o.node, seen);
      }
      seen.values.push(o.value);
      if (typeof o.value === 'object' && o.value !== null && !Array.isArray(o.value))
        for (const [field, value] of Object.entries(o.value)) {
          if (typeof value === 'object' && value !== null) continue;
          const set = seen.fields.get(field) ?? new Set<Json>();
          set.add(value);
          seen.fields.set(field, set);
        }
    }
    byNode.set(world.observations, table);
  }
  return table.get(node);
}

/** Everything the node has observed, oldest first. Cached per observation list. */
export function observationsOf(world: World, node: NodeId): readonly Json[] {
  return seenBy(world, node)?.values ?? [];
}

/**
 * Whether the node has observed an object whose `field` is the primitive `value`
 * ({ outcome: 'commit' }). Cached per observation list, so rules may call it every step.
 */
export function observed(world: World, node: NodeId, field: string, value: null | boolean | number | string): boolean {
  const list = world.observations;
  // Short lists (the common case) are scanned: cheaper than building the summary.
  if (list.length <= scanMax) {
    for (const o of list)
      if (o.node === node && typeof o.value === 'object' && o.value !== null && !Array.isArray(o.value) && (o.value as { readonly [key: string]: Json })[field] === value)
        return true;
    return false;
  }
  return seenBy(world, node)?.fields.get(field)?.has(value) ?? false;
}

const scanMax = 64;

/** "P1", "P1 and P2", "P1, P2 and P3". */
export function nameList(world: World, nodes: readonly NodeId[]): string {
  const names = nodes.map((n) => nodeName(world, n));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Memoises a rule check that depends only on the observations (and the system): it is then
 * re-evaluated only on the steps where something new was observed. The result is kept on the
 * observation list itself, under a private non-enumerable symbol, rather than in a WeakMap: the
 * model checker makes a list per observing step, and millions of WeakMap keys made the garbage
 * collector a third of its time. A list that cannot take a property falls back to a WeakMap.
 */
export function onObservations<T>(check: (world: World) => T): (world: World) => T {
  const slot = Symbol('observation memo');
  const fallback = new WeakMap<World['observations'], { readonly value: T }>();
  return (world) => {
    const list = world.observations as unknown as Record<symbol, { readonly value: T } | undefined>;
    const found = list[slot] ?? fallback.get(world.observations);
    if (found !== undefined) return found.value;
    const value = check(world);
    if (Object.isExtensible(list)) Object.defineProperty(list, slot, { value: { value } });
    else fallback.set(world.observations, { value });
    return value;
  };
}
