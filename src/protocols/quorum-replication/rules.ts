// The invariants of quorum replication and the conditions it teaches. Each configuration declares
// what it promises (promises.ts): an invariant it does not promise holds trivially here, and the
// page says which are promised. The history invariant reads what clients observed; the others
// read the replicas (durable, so a crash cannot hide anything).
import type { Breach, NodeId, Rule, World } from '../../engine';
import { nameList } from '../kit/world-query';
import { intervals, linearizability } from './history';
import { promises } from './promises';
import { configOf, keysWithHomes, replicaOf, storageNodes, type Replica } from './replicas';
import { holdsAll, merge, newer, stampOf, versionsText, vvCovers, vvEqual, type Version } from './versions';

export const linearizable: Rule = {
  id: 'linearizable',
  description: 'Promised when consistency = linearizable: the clients’ gets and puts, as they saw them, fit one order of a single copy of each key that respects real time.',
  check(world) {
    if (!promises(configOf(world)).linearizable) return null;
    const verdict = linearizability(world);
    if (verdict.kind !== 'not-linearizable') return null;
    const byId = new Map(intervals(world).map((i) => [i.invoke.id, i.node]));
    const nodes = [...new Set(verdict.operations.map((id) => byId.get(id)!))].sort((a, b) => a - b);
    return { message: verdict.message, nodes, operations: verdict.operations };
  },
};

/** Whether `held` keeps `acked` alive: the same write, or one that causally follows it. */
function keeps(held: Version, acked: Version): boolean {
  if (held.value === acked.value) return true;
  if (acked.vv !== undefined && held.vv !== undefined) return vvCovers(held.vv, acked.vv) && !vvEqual(held.vv, acked.vv);
  return acked.tag !== undefined && newer(held, acked);
}

export const noLostAcknowledgedWrite: Rule = {
  id: 'no-lost-acknowledged-write',
  description: 'An acknowledged put is never silently discarded: some node still holds it, or holds a write that follows it.',
  check(world) {
    const replicas = storageNodes(world).map((node) => replicaOf(world, node));
    for (const interval of intervals(world)) {
      const { invoke, result } = interval;
      if (invoke.action !== 'put' || result === null || !result.ok || invoke.key === undefined) continue;
      const acked = (result as unknown as { version?: Version }).version;
      if (acked === undefined) continue;
      const held = replicas.flatMap((r) => heldFor(r, invoke.key!));
      if (held.some((h) => keeps(h, acked))) continue;
      const client = nameList(world, [interval.node]);
      const now = held.length === 0 ? 'nothing' : versionsText(held.filter((h, i) => held.findIndex((o) => o.value === h.value) === i));
      return {
        message: `${client}'s put of ${invoke.key} = ${acked.value} was acknowledged, but no node holds it any more: ${invoke.key} is now ${now}, which does not follow it`,
        nodes: [interval.node],
        operations: [invoke.id],
      };
    }
    return null;
  },
};

const heldFor = (replica: Replica, key: string): readonly Version[] => [
  ...(replica.data[key] ?? []),
  ...replica.hints.filter((h) => h.key === key).flatMap((h) => h.versions),
];

/** The first key whose home replicas disagree: who lacks what the newest of them hold. */
function disagreement(world: World): { key: string; behind: NodeId[]; newest: Version[]; homes: readonly NodeId[]; replicas: Replica[] } | null {
  for (const { key, homes } of keysWithHomes(world)) {
    const replicas = homes.map((h) => replicaOf(world, h));
    const newest = merge([], replicas.flatMap((r) => r.data[key] ?? []));
    const behind = replicas.filter((r) => !holdsAll(r.data[key] ?? [], newest.map(stampOf))).map((r) => r.node);
    if (behind.length > 0) return { key, behind, newest, homes, replicas };
  }
  return null;
}

const quiet = (world: World) => world.messages.length === 0 && world.timers.length === 0 && world.partition === null && world.nodes.every((n) => n.up);

export const convergedWhenQuiet: Rule = {
  id: 'converged-when-quiet',
  description: 'Promised when anti-entropy is on: once no message or timer is pending and every node is up, all home replicas of a key hold the same versions.',
  check(world) {
    if (!promises(configOf(world)).convergedWhenQuiet || !quiet(world)) return null;
    const found = disagreement(world);
    if (found === null) return null;
    const holdings = found.replicas.map((r) => `${nameList(world, [r.node])} holds ${versionsText(r.data[found.key] ?? [])}`).join(', ');
    return { message: `nothing is pending and every node is up, but the home replicas of ${found.key} disagree: ${holdings}`, nodes: [...found.homes] };
  },
};

export const staleReplica: Rule = {
  id: 'stale-replica',
  description: 'A home replica holds an older version of a key than another: a read that asks it may see the past.',
  check(world): Breach | null {
    const found = disagreement(world);
    if (found === null) return null;
    const { key, behind, newest } = found;
    const theirs = replicaOf(world, behind[0]!).data[key] ?? [];
    return {
      message: `${nameList(world, behind)} ${behind.length > 1 ? 'are' : 'is'} behind on ${key}: ${versionsText(theirs)}, while the newest is ${versionsText(newest)}`,
      nodes: behind,
    };
  },
};

export const hintPending: Rule = {
  id: 'hint-pending',
  description: 'A stand-in holds a write for a home node that has not taken it yet (hinted handoff).',
  check(world) {
    const holders = storageNodes(world).map((node) => replicaOf(world, node)).filter((r) => r.hints.length > 0);
    if (holders.length === 0) return null;
    const parts = holders.flatMap((r) => r.hints.map((h) => `${nameList(world, [r.node])} holds ${h.key} = ${versionsText(h.versions)} for ${h.for}`));
    return { message: parts.join('; '), nodes: holders.map((r) => r.node) };
  },
};

export const siblings: Rule = {
  id: 'siblings',
  description: 'A replica holds concurrent versions of a key: the next read returns them all, and the client’s next put merges them.',
  check(world) {
    for (const { key, homes } of keysWithHomes(world)) {
      const holders = homes.filter((h) => (replicaOf(world, h).data[key] ?? []).length > 1);
      if (holders.length === 0) continue;
      return { message: `${nameList(world, holders)} ${holders.length > 1 ? 'hold' : 'holds'} siblings of ${key}: ${versionsText(replicaOf(world, holders[0]!).data[key] ?? [])}`, nodes: holders };
    }
    return null;
  },
};

export const invariants: readonly Rule[] = [linearizable, noLostAcknowledgedWrite, convergedWhenQuiet];
export const conditions: readonly Rule[] = [staleReplica, hintPending, siblings];
