// Reading every storage node's replicas out of a world, for the rules and the descriptions: the
// machine's context while a node is up, its log while it is down (its data is durable). The
// rules run after every step, also in the model checker, so what they need is computed once per
// distinct set of replicas (`summaryOf`): node states are shared objects from step to step, and
// most steps change one node or none.
import type { NodeId, World } from '../../engine';
import { machineState, nodesWithRole } from '../kit/world-query';
import { homePositions, keyNames } from './config';
import { readLog } from './log-text';
import type { Hint, StorageContext } from './storage-context';
import { holdsAll, merge, stampOf, type Version } from './versions';

export interface Replica {
  readonly node: NodeId;
  readonly data: { readonly [key: string]: readonly Version[] };
  readonly hints: readonly Hint[];
}

const upReplicas = new WeakMap<object, Replica>();
const downReplicas = new WeakMap<object, Replica>();

const noData: Replica['data'] = {};
const noHints: Replica['hints'] = [];
const byData = new WeakMap<object, Replica[]>();

/**
 * One replica object per node, data and hints: most transitions of a storage node (a request
 * coordinated, a timer) leave its data and hints the very objects they were, and then the node
 * keeps its replica, so the summary of the replicas is not made again.
 */
function sharedReplica(node: NodeId, data: Replica['data'], hints: Replica['hints']): Replica {
  let replicas = byData.get(data);
  if (replicas === undefined) byData.set(data, (replicas = []));
  for (const replica of replicas) if (replica.node === node && replica.hints === hints) return replica;
  const replica = { node, data, hints };
  replicas.push(replica);
  return replica;
}

export function replicaOf(world: World, node: NodeId): Replica {
  const state = machineState(world, node);
  if (state === null) {
    const log = world.nodes[node]?.persisted ?? {};
    let replica = downReplicas.get(log);
    if (replica?.node !== node) downReplicas.set(log, (replica = { node, ...readLog(log) }));
    return replica;
  }
  let replica = upReplicas.get(state);
  if (replica === undefined) {
    const ctx = state.context as unknown as StorageContext;
    replica = sharedReplica(node, ctx.data ?? noData, ctx.hints ?? noHints);
    upReplicas.set(state, replica);
  }
  return replica;
}

export const storageNodes = (world: World) => nodesWithRole(world, 'storage');

export const configOf = (world: World) => world.system.inputs[0]?.config ?? {};

const homesBySystem = new WeakMap<World['system'], { readonly key: string; readonly homes: readonly NodeId[] }[]>();

/** The keys in use, each with the ids of its home replicas. */
export function keysWithHomes(world: World): readonly { readonly key: string; readonly homes: readonly NodeId[] }[] {
  let found = homesBySystem.get(world.system);
  if (found === undefined) {
    const storage = storageNodes(world);
    const config = configOf(world);
    found = keyNames.slice(0, Number(config['keys'])).map((key, i) => ({
      key,
      homes: homePositions(i, Number(config['n']), storage.length).map((p) => storage[p]!),
    }));
    homesBySystem.set(world.system, found);
  }
  return found;
}

export interface KeySummary {
  readonly key: string;
  readonly homes: readonly NodeId[];
  /** What the home replicas hold between them: the newest versions. */
  readonly newest: readonly Version[];
  /** Home replicas that lack some of the newest versions. */
  readonly behind: readonly NodeId[];
  /** Home replicas holding concurrent siblings. */
  readonly siblings: readonly NodeId[];
  /** Every version any node holds for the key, in its data or as a hint. */
  readonly held: readonly Version[];
}

export interface Summary {
  readonly replicas: readonly Replica[];
  readonly keys: readonly KeySummary[];
}

function summarise(world: World, replicas: readonly Replica[]): Summary {
  const byNode = new Map(replicas.map((r) => [r.node, r]));
  const keys = keysWithHomes(world).map(({ key, homes }) => {
    const home = homes.map((h) => byNode.get(h)!);
    const newest = merge([], home.flatMap((r) => r.data[key] ?? []));
    return {
      key,
      homes,
      newest,
      behind: home.filter((r) => !holdsAll(r.data[key] ?? [], newest.map(stampOf))).map((r) => r.node),
      siblings: home.filter((r) => (r.data[key] ?? []).length > 1).map((r) => r.node),
      held: replicas.flatMap((r) => [...(r.data[key] ?? []), ...r.hints.filter((h) => h.key === key).flatMap((h) => h.versions)]),
    };
  });
  return { replicas, keys };
}

type Tree = { value?: Summary; next: WeakMap<object, Tree> };
const summaries: Tree = { next: new WeakMap() };

// The rules ask for the summary several times per step, on one world, and most steps leave every
// storage node's record as it was (the engine keeps the record of a node that did not step): the
// last world, then the last records and their replicas, are checked before the tree.
let lastWorld: World | null = null;
let lastRecords: readonly World['nodes'][number][] = [];
let lastReplicas: readonly Replica[] = [];
let lastSummary: Summary | null = null;

/** Everything the rules read of the replicas, computed once per distinct set of them. */
export function summaryOf(world: World): Summary {
  if (world === lastWorld) return lastSummary!;
  const nodes = storageNodes(world);
  const known = lastSummary !== null && lastWorld!.system === world.system;
  const records = new Array<World['nodes'][number]>(nodes.length);
  const replicas = new Array<Replica>(nodes.length);
  let same = known;
  for (let i = 0; i < nodes.length; i++) {
    const record = world.nodes[nodes[i]!]!;
    const replica = known && record === lastRecords[i] ? lastReplicas[i]! : replicaOf(world, nodes[i]!);
    records[i] = record;
    replicas[i] = replica;
    if (same && lastReplicas[i] !== replica) same = false;
  }
  if (!same) {
    let tree = summaries;
    for (const replica of replicas) {
      let next = tree.next.get(replica);
      if (next === undefined) tree.next.set(replica, (next = { next: new WeakMap() }));
      tree = next;
    }
    lastSummary = tree.value ??= summarise(world, replicas);
    lastReplicas = replicas;
  }
  lastRecords = records;
  lastWorld = world;
  return lastSummary!;
}
