// Helpers for invariants, conditions, client ops and descriptions: they read node states and
// observations out of a world without knowing how the engine stores them.
import { nodeName, type Json, type NodeId, type Observation, type ObservationList, type World } from '../../engine';
import { foldObservations } from './observation-fold';
import { inState, type MachineContext, type MachineState } from './machine-state';

const roleTables = new WeakMap<World['system'], Map<string, readonly NodeId[]>>();

// The last system's table is kept outright: rules ask on every step, nearly always of one system.
let lastSystem: World['system'] | null = null;
let lastTable = new Map<string, readonly NodeId[]>();

/** The ids of every node with the role, in order. Cached per system. */
export function nodesWithRole(world: World, role: string): readonly NodeId[] {
  let table = world.system === lastSystem ? lastTable : roleTables.get(world.system);
  if (table === undefined) {
    table = new Map();
    roleTables.set(world.system, table);
  }
  lastSystem = world.system;
  lastTable = table;
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

/**
 * A node's machine state, or null while it is down. `Context` is what the caller knows the node's
 * role keeps (a rule reading the cache's memory names the cache's context).
 */
export function machineState<Context = MachineContext>(world: World, node: NodeId): MachineState<Context> | null {
  const record = world.nodes[node];
  return record?.up === true ? (record.state as MachineState<Context>) : null;
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

/** One node's observed values as a persistent list, newest first. */
interface Values {
  readonly value: Json;
  readonly previous: Values | null;
  readonly length: number;
}

const valuesByNode = foldObservations<Map<NodeId, Values>>({
  start: () => new Map(),
  add(summary, o) {
    const previous = summary.get(o.node) ?? null;
    summary.set(o.node, { value: o.value, previous, length: (previous?.length ?? 0) + 1 });
  },
  // The lists inside are persistent, so a shallow copy is independent.
  copy: (summary) => new Map(summary),
});

const valueArrays = new WeakMap<ObservationList, Map<NodeId, readonly Json[]>>();

/** Everything the node has observed, oldest first. Cached per observation list. */
export function observationsOf(world: World, node: NodeId): readonly Json[] {
  let table = valueArrays.get(world.observations);
  if (table === undefined) valueArrays.set(world.observations, (table = new Map()));
  let values = table.get(node);
  if (values === undefined) {
    const list = valuesByNode(world).get(node) ?? null;
    const out = new Array<Json>(list?.length ?? 0);
    for (let at = list, i = out.length - 1; at !== null; at = at.previous, i--) out[i] = at.value;
    table.set(node, (values = out));
  }
  return values;
}

type Primitive = null | boolean | number | string;

const isRecord = (value: Json): value is { readonly [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Node -> field -> the primitive values seen for it, in object observations. */
const fieldsByNode = foldObservations<Map<NodeId, Map<string, Set<Json>>>>({
  start: () => new Map(),
  add(summary, o) {
    if (!isRecord(o.value)) return;
    let fields = summary.get(o.node);
    if (fields === undefined) summary.set(o.node, (fields = new Map()));
    for (const field in o.value) {
      const value = o.value[field]!;
      if (typeof value === 'object' && value !== null) continue;
      let seen = fields.get(field);
      if (seen === undefined) fields.set(field, (seen = new Set()));
      seen.add(value);
    }
  },
  copy: (summary) => new Map([...summary].map(([node, fields]) => [node, new Map([...fields].map(([f, set]) => [f, new Set(set)]))])),
});

/**
 * Whether the node has observed an object whose `field` is the primitive `value`
 * ({ outcome: 'commit' }). Incremental, so rules may call it every step.
 */
export function observed(world: World, node: NodeId, field: string, value: Primitive): boolean {
  const list = world.observations;
  // Short lists (the common case, and every state of the model checker) are scanned: cheaper
  // than keeping the summary.
  if (list.length <= scanMax) {
    for (let at: ObservationList | null = list; at !== null && at.last !== null; at = at.previous) {
      const o = at.last;
      if (o.node === node && isRecord(o.value) && o.value[field] === value) return true;
    }
    return false;
  }
  return fieldsByNode(world).get(node)?.get(field)?.has(value) ?? false;
}

const scanMax = 64;

/** "P1", "P1 and P2", "P1, P2 and P3". */
export function nameList(world: World, nodes: readonly NodeId[]): string {
  const names = nodes.map((n) => nodeName(world, n));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How many readers `onObservations` has made: each keeps its answers under its own number. */
let readers = 0;

/**
 * Memoises a rule check that depends only on the observations (and the system): it is then
 * re-evaluated only on the steps where something new was observed. The result is kept on the
 * observation list itself (`ObservationList.keep`) rather than in a WeakMap: the model checker
 * makes a list per observing step, and millions of WeakMap keys made the garbage collector a
 * third of its time. The last answer is also kept outright: most steps observe nothing and ask
 * about the same list as the step before.
 *
 * `follow`, when given, says what the answer is from the answer for the list one observation
 * shorter (when that one was asked) and the newest observation, or undefined when `check` must
 * work it out: a history's verdict does not change with an operation that has not returned.
 */
export function onObservations<T>(check: (world: World) => T, follow?: (before: T, newest: Observation) => T | undefined): (world: World) => T {
  const reader = readers++;
  let lastList: World['observations'] | null = null;
  let lastValue: T | undefined;
  const answer = (world: World): T => {
    const list = world.observations;
    const found = list.kept(reader);
    if (found !== undefined) return found.value as T;
    const before = follow === undefined ? undefined : list.previous?.kept(reader);
    const followed = before === undefined ? undefined : follow!(before.value as T, list.last!);
    const value = followed === undefined ? check(world) : followed;
    list.keep(reader, value);
    return value;
  };
  return (world) => {
    const list = world.observations;
    if (list === lastList) return lastValue as T;
    const value = answer(world);
    lastList = list;
    lastValue = value;
    return value;
  };
}
