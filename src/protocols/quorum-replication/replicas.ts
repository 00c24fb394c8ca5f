// Reading every storage node's replicas out of a world, for the rules and the descriptions: the
// machine's context while a node is up, its log while it is down (its data is durable).
import type { NodeId, World } from '../../engine';
import { machineState, nodesWithRole } from '../kit/world-query';
import { homePositions, keyNames } from './config';
import { readLog } from './log-text';
import type { Hint, StorageContext } from './storage-context';
import type { Version } from './versions';

export interface Replica {
  readonly node: NodeId;
  readonly data: { readonly [key: string]: readonly Version[] };
  readonly hints: readonly Hint[];
}

export function replicaOf(world: World, node: NodeId): Replica {
  const state = machineState(world, node);
  if (state !== null) {
    const ctx = state.context as unknown as StorageContext;
    return { node, data: ctx.data ?? {}, hints: ctx.hints ?? [] };
  }
  return { node, ...readLog(world.nodes[node]?.persisted ?? {}) };
}

export const storageNodes = (world: World) => nodesWithRole(world, 'storage');

export const configOf = (world: World) => world.system.inputs[0]?.config ?? {};

/** The keys in use, each with the ids of its home replicas. */
export function keysWithHomes(world: World): { readonly key: string; readonly homes: readonly NodeId[] }[] {
  const storage = storageNodes(world);
  const config = configOf(world);
  return keyNames.slice(0, Number(config['keys'])).map((key, i) => ({
    key,
    homes: homePositions(i, Number(config['n']), storage.length).map((p) => storage[p]!),
  }));
}
