import { worldKey } from '../fingerprint';
import type { System } from '../system';
import type { Envelope, NodeId } from '../types';
import type { World } from '../world';
import { ExploreError } from './model';
import { checkGroups, type Permutation } from './symmetry';

// Symmetry reduction for simulator worlds. Nodes in a group are interchangeable when they run the
// same behaviour with the same role and config. The key of a world is then the least `worldKey`
// over renamings of the group members, where a renaming moves node records, message endpoints,
// timers, observations and partition groups. It cannot look inside a node's state, its persisted
// data or a message body, so the reduction is sound only if none of those names a member of a
// group by its id (a coordinator that records votes by participant id breaks this: do not declare
// its participants symmetric). To stay fast with large groups, members are first sorted by what
// can be seen of them; only members that look exactly alike are tried in every order.

/** The most renamings tried per world; past this, look-alike members keep their index order. */
const maxRenamings = 720;

function checkSymmetricGroups(system: System, groups: readonly (readonly NodeId[])[]): void {
  checkGroups(groups, system.nodes.length);
  for (const group of groups) {
    const first = group[0];
    if (first === undefined) continue;
    const spec = system.nodes[first]!;
    const config = JSON.stringify(system.inputs[first]!.config);
    for (const node of group) {
      const other = system.nodes[node]!;
      if (other.role !== spec.role || other.behaviour !== spec.behaviour || JSON.stringify(system.inputs[node]!.config) !== config)
        throw new ExploreError(`${spec.name} and ${other.name} are not interchangeable: they differ in role, behaviour or config`);
    }
  }
}

const stateKeys = new WeakMap<object, string>();
const bodyKeys = new WeakMap<Envelope, string>();

function bodyKey(m: Envelope): string {
  let key = bodyKeys.get(m);
  if (key === undefined) bodyKeys.set(m, (key = JSON.stringify(m.body)));
  return key;
}

/** What can be seen of one node without naming any other group member. */
function signature(world: World, node: NodeId): string {
  const record = world.nodes[node]!;
  let own = `${record.up ? 'up' : 'down'}|${JSON.stringify(record.persisted)}|`;
  const state = record.state;
  if (typeof state === 'object' && state !== null) {
    let key = stateKeys.get(state);
    if (key === undefined) stateKeys.set(state, (key = world.system.nodes[node]!.behaviour.key(state)));
    own += key;
  } else own += String(state);
  const traffic: string[] = [];
  for (const m of world.messages) {
    if (m.from === node) traffic.push(`>${bodyKey(m)}`);
    if (m.to === node) traffic.push(`<${bodyKey(m)}`);
  }
  for (const t of world.timers) if (t.node === node) traffic.push(`@${t.name}`);
  for (const o of world.observations) if (o.node === node) traffic.push(`=${JSON.stringify(o.value)}`);
  return `${own}\n${traffic.sort().join('\n')}`;
}

/** Renamings that put each group's members in signature order, trying every order of look-alikes. */
function candidateRenamings(world: World, groups: readonly (readonly NodeId[])[]): Permutation[] {
  let out: number[][] = [world.nodes.map((_, i) => i)];
  for (const group of groups) {
    const slots = [...group].sort((a, b) => a - b);
    const signed = group.map((node) => ({ node, sig: signature(world, node) }));
    signed.sort((a, b) => (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : a.node - b.node));
    let orders: NodeId[][] = [[]];
    for (let start = 0; start < signed.length; ) {
      let end = start + 1;
      while (end < signed.length && signed[end]!.sig === signed[start]!.sig) end++;
      const run = signed.slice(start, end).map((s) => s.node);
      const runOrders = out.length * orders.length * factorial(run.length) <= maxRenamings ? orderings(run) : [run];
      orders = orders.flatMap((order) => runOrders.map((r) => [...order, ...r]));
      start = end;
    }
    out = out.flatMap((base) =>
      orders.map((order) => {
        const renaming = base.slice();
        order.forEach((node, i) => (renaming[node] = slots[i]!));
        return renaming;
      }),
    );
  }
  return out;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

function orderings(items: readonly NodeId[]): NodeId[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => orderings([...items.slice(0, i), ...items.slice(i + 1)]).map((tail) => [item, ...tail]));
}

// Renamed envelopes are kept per original and renaming, so `worldKey`'s own cache keeps working.
const renamedEnvelopes = new WeakMap<Envelope, Map<string, Envelope>>();

function renameEnvelope(m: Envelope, renaming: Permutation, tag: string): Envelope {
  const from = renaming[m.from]!;
  const to = renaming[m.to]!;
  if (from === m.from && to === m.to) return m;
  let byTag = renamedEnvelopes.get(m);
  if (byTag === undefined) renamedEnvelopes.set(m, (byTag = new Map()));
  let renamed = byTag.get(tag);
  if (renamed === undefined) byTag.set(tag, (renamed = { ...m, from, to }));
  return renamed;
}

/** The world as it would be with node `i` called `renaming[i]`. */
export function renameWorld(world: World, renaming: Permutation): World {
  const tag = renaming.join(',');
  const nodes = world.nodes.slice();
  world.nodes.forEach((record, i) => (nodes[renaming[i]!] = record));
  const partition =
    world.partition === null
      ? null
      : world.partition
          .map((group) => group.map((node) => renaming[node]!).sort((a, b) => a - b))
          .sort((a, b) => (a[0] ?? -1) - (b[0] ?? -1));
  return {
    ...world,
    nodes,
    messages: world.messages.map((m) => renameEnvelope(m, renaming, tag)),
    timers: world.timers.map((t) => (renaming[t.node] === t.node ? t : { ...t, node: renaming[t.node]! })),
    observations: world.observations.map((o) => (renaming[o.node] === o.node ? o : { ...o, node: renaming[o.node]! })),
    partition,
  };
}

/**
 * A world key that is the same for worlds that differ only by renaming nodes within `groups`.
 * Throws an `ExploreError` when the groups are not valid or their members are not interchangeable.
 */
export function symmetricWorldKey(system: System, groups: readonly (readonly NodeId[])[]): (world: World) => string {
  checkSymmetricGroups(system, groups);
  const used = groups.filter((group) => group.length > 1);
  if (used.length === 0) return worldKey;
  return (world) => {
    let least: string | null = null;
    for (const renaming of candidateRenamings(world, used)) {
      const key = worldKey(renameWorld(world, renaming));
      if (least === null || key < least) least = key;
    }
    return least!;
  };
}
