// The invariants of quorum replication and the conditions it teaches. Each configuration declares
// what it promises (promises.ts): an invariant it does not promise holds trivially here, and the
// page says which are promised. The history invariant reads what clients observed; the others
// read the replicas (durable, so a crash cannot hide anything).
import type { Rule, World } from '../../engine';
import { nameList } from '../kit/world-query';
import { acknowledgedPuts, linearizability, type AcknowledgedPut } from './history';
import { promises } from './promises';
import { configOf, replicaOf, summaryOf, type Summary } from './replicas';
import { newer, versionsText, vvCovers, vvEqual, type Version } from './versions';

export const linearizable: Rule = {
  id: 'linearizable',
  description: 'Promised when consistency = linearizable: the clients’ gets and puts, as they saw them, fit one order of a single copy of each key that respects real time.',
  check(world) {
    if (!promises(configOf(world)).linearizable) return null;
    const verdict = linearizability(world);
    if (verdict === null) return null;
    return { message: verdict.message, nodes: verdict.nodes, operations: verdict.operations };
  },
};

/** Whether `held` keeps `acked` alive: the same write, or one that causally follows it. */
function keeps(held: Version, acked: Version): boolean {
  if (held.value === acked.value) return true;
  if (acked.vv !== undefined && held.vv !== undefined) return vvCovers(held.vv, acked.vv) && !vvEqual(held.vv, acked.vv);
  return acked.tag !== undefined && newer(held, acked);
}

const distinctValues = (vs: readonly Version[]) => vs.filter((v, i) => vs.findIndex((o) => o.value === v.value) === i);

// Most steps change neither the acknowledged puts nor the replicas: a pair found to keep every
// put is remembered, so the next step with the same pair is not checked again.
let keptPuts: readonly AcknowledgedPut[] | null = null;
let keptBy: Summary | null = null;

export const noLostAcknowledgedWrite: Rule = {
  id: 'no-lost-acknowledged-write',
  description: 'An acknowledged put is never silently discarded: some node still holds it, or holds a write that follows it.',
  check(world) {
    const acked = acknowledgedPuts(world);
    if (acked.length === 0) return null;
    const summary = summaryOf(world);
    if (acked === keptPuts && summary === keptBy) return null;
    const { keys } = summary;
    for (const put of acked) {
      const held = keys.find((k) => k.key === put.key)?.held ?? [];
      if (held.some((h) => keeps(h, put.version))) continue;
      const now = held.length === 0 ? 'nothing' : versionsText(distinctValues(held));
      return {
        message: `${nameList(world, [put.node])}'s put of ${put.key} = ${put.version.value} was acknowledged, but no node holds it any more: ${put.key} is now ${now}, which does not follow it`,
        nodes: [put.node],
        operations: [put.id],
      };
    }
    keptPuts = acked;
    keptBy = summary;
    return null;
  },
};

const quiet = (world: World) => world.messages.length === 0 && world.timers.length === 0 && world.partition === null && world.nodes.every((n) => n.up);

export const convergedWhenQuiet: Rule = {
  id: 'converged-when-quiet',
  description: 'Promised when anti-entropy is on: once no message or timer is pending and every node is up, all home replicas of a key hold the same versions.',
  check(world) {
    if (!promises(configOf(world)).convergedWhenQuiet || !quiet(world)) return null;
    const apart = summaryOf(world).keys.find((k) => k.behind.length > 0);
    if (apart === undefined) return null;
    const holdings = apart.homes.map((h) => `${nameList(world, [h])} holds ${versionsText(replicaOf(world, h).data[apart.key] ?? [])}`).join(', ');
    return { message: `nothing is pending and every node is up, but the home replicas of ${apart.key} disagree: ${holdings}`, nodes: [...apart.homes] };
  },
};

/**
 * A condition that reads only the replicas' summary, remembered for the last summary and system:
 * most steps keep the replicas, and its sentence was made anew on every one of them.
 */
function onSummary(check: (world: World, summary: Summary) => ReturnType<Rule['check']>): Rule['check'] {
  let read: Summary | null = null;
  let system: World['system'] | null = null;
  let answer: ReturnType<Rule['check']> = null;
  return (world) => {
    const summary = summaryOf(world);
    if (summary !== read || world.system !== system) {
      answer = check(world, summary);
      read = summary;
      system = world.system;
    }
    return answer;
  };
}

export const staleReplica: Rule = {
  id: 'stale-replica',
  description: 'A home replica holds an older version of a key than another: a read that asks it may see the past.',
  check: onSummary((world, summary) => {
    const apart = summary.keys.find((k) => k.behind.length > 0);
    if (apart === undefined) return null;
    const { key, behind, newest } = apart;
    const theirs = replicaOf(world, behind[0]!).data[key] ?? [];
    return {
      message: `${nameList(world, behind)} ${behind.length > 1 ? 'are' : 'is'} behind on ${key}: ${versionsText(theirs)}, while the newest is ${versionsText(newest)}`,
      nodes: behind,
    };
  }),
};

export const hintPending: Rule = {
  id: 'hint-pending',
  description: 'A stand-in holds a write for a home node that has not taken it yet (hinted handoff).',
  check: onSummary((world, summary) => {
    const holders = summary.replicas.filter((r) => r.hints.length > 0);
    if (holders.length === 0) return null;
    const parts = holders.flatMap((r) => r.hints.map((h) => `${nameList(world, [r.node])} holds ${h.key} = ${versionsText(h.versions)} for ${h.for}`));
    return { message: parts.join('; '), nodes: holders.map((r) => r.node) };
  }),
};

export const siblings: Rule = {
  id: 'siblings',
  description: 'A replica holds concurrent versions of a key: the next read returns them all, and the client’s next put merges them.',
  check: onSummary((world, summary) => {
    const found = summary.keys.find((k) => k.siblings.length > 0);
    if (found === undefined) return null;
    const holders = found.siblings;
    return {
      message: `${nameList(world, holders)} ${holders.length > 1 ? 'hold' : 'holds'} siblings of ${found.key}: ${versionsText(replicaOf(world, holders[0]!).data[found.key] ?? [])}`,
      nodes: holders,
    };
  }),
};

export const invariants: readonly Rule[] = [linearizable, noLostAcknowledgedWrite, convergedWhenQuiet];
export const conditions: readonly Rule[] = [staleReplica, hintPending, siblings];
