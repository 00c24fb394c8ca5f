// The invariants of Kafka consumer offsets and the conditions it teaches. Each semantics declares
// what it promises (semantics.ts); an invariant checks its promise only where it is made. What a
// semantics does not promise still shows, as a condition: at-most-once losing a record, or
// at-least-once processing one twice, is the lesson, not a bug.
import type { Breach, NodeId, Rule, World } from '../../engine';
import { nameList, nodesWithRole } from '../kit/world-query';
import { isMember, type Group } from '../kafka/group';
import { partitionName, type KafkaRecord } from '../kafka/records';
import { logEnd } from '../kafka/log';
import { committedOf, duplicatesOf, groupOf, liveConsumers, logsOf, lostRecords, processedOf, semanticsOf } from './accounting';
import type { Processed } from './sink';
import { promiseOf } from './semantics';

const sorted = (nodes: Iterable<NodeId>) => [...new Set(nodes)].sort((a, b) => a - b);

function lostBreach(world: World, lost: readonly KafkaRecord[], allowed: string) {
  const p = lost[0]!.p;
  const here = lost.filter((r) => r.p === p);
  const values = nameWords(here.map((r) => r.v));
  const one = here.length === 1;
  const elsewhere = lost.length > here.length ? `, and ${lost.length - here.length} more on other partitions` : '';
  const committed = committedOf(world)[p];
  return {
    message: `${values} ${one ? 'is' : 'are'} below ${partitionName(p)}'s committed offset ${committed}, never processed, and nothing holds ${one ? 'it' : 'them'} any more: lost${elsewhere}${allowed}`,
    nodes: [nodesWithRole(world, 'broker')[0]!, nodesWithRole(world, 'sink')[0]!],
  };
}

/** "r1", "r1 and r2", "r1, r2 and r3". */
function nameWords(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

const duplicateBreaches = new WeakMap<readonly Processed[], Map<string, Breach>>();

/** The first record processed twice, in words; remembered per sink list (it changes only on a write). */
function duplicateBreach(world: World, allowed: string): Breach {
  const processed = processedOf(world);
  let byWords = duplicateBreaches.get(processed);
  if (byWords === undefined) duplicateBreaches.set(processed, (byWords = new Map()));
  const known = byWords.get(allowed);
  if (known !== undefined) return known;
  const value = duplicatesOf(world)[0]!;
  const by = processed.filter(([v]) => v === value).map(([, who]) => who);
  const consumers = world.system.nodes.flatMap((n, id) => (by.includes(n.name) ? [id] : []));
  const times = by.length === 2 ? 'twice' : `${by.length} times`;
  const breach = { message: `${value} was processed ${times}, by ${by.join(' and then ')}${allowed}`, nodes: sorted([...consumers, nodesWithRole(world, 'sink')[0]!]) };
  byWords.set(allowed, breach);
  return breach;
}

export const noLoss: Rule = {
  id: 'no-loss',
  description: 'Every record below a committed offset has been processed (promised by at-least-once and exactly-once).',
  check(world) {
    if (!promiseOf(semanticsOf(world)).noLoss) return null;
    const lost = lostRecords(world);
    return lost.length === 0 ? null : lostBreach(world, lost, '');
  },
};

export const noDuplicates: Rule = {
  id: 'no-duplicates',
  description: 'No record is processed twice (promised by at-most-once and exactly-once).',
  check(world) {
    if (!promiseOf(semanticsOf(world)).noDuplicates || duplicatesOf(world).length === 0) return null;
    return duplicateBreach(world, '');
  },
};

/**
 * Memoises a rule that reads only the live consumers and one other part of the world (the logs,
 * the group): both are shared by consecutive worlds, so most steps reuse the last answer.
 */
function byConsumers<T extends object, R>(part: (world: World) => T, check: (world: World, other: T) => R): (world: World) => R {
  const last = new WeakMap<object, { readonly other: T; readonly result: R }>();
  return (world) => {
    const consumers = liveConsumers(world);
    const other = part(world);
    const known = last.get(consumers);
    if (known !== undefined && known.other === other) return known.result;
    const result = check(world, other);
    last.set(consumers, { other, result });
    return result;
  };
}

const none = {};

export const singleOwner: Rule = {
  id: 'single-owner',
  description: 'Two consumers of the same generation never own the same partition.',
  check: byConsumers(() => none, (world) => {
    const seen = new Map<string, NodeId>();
    for (const c of liveConsumers(world)) {
      if (c.context.generation === null) continue;
      for (const [p] of c.context.positions) {
        const key = `${c.context.generation}:${p}`;
        const other = seen.get(key);
        if (other !== undefined)
          return { message: `${nameList(world, [other, c.node])} both own ${partitionName(p)} in generation ${c.context.generation}`, nodes: [other, c.node] };
        seen.set(key, c.node);
      }
    }
    return null;
  }),
};

export const rebalancing: Rule = {
  id: 'rebalancing',
  description: 'The group is rebalancing: members are rejoining, or the new generation waits for its assignment. Nobody should consume meanwhile.',
  check(world) {
    const group = groupOf(world);
    if (group === null || (group.phase !== 'joining' && group.phase !== 'syncing')) return null;
    const broker = nodesWithRole(world, 'broker')[0]!;
    if (group.phase === 'syncing')
      return { message: `generation ${group.generation} waits for the assignment from its leader ${group.members[0]?.name ?? ''}`, nodes: [broker] };
    const waiting = group.members.filter((m) => !m.joined).map((m) => m.name);
    const what = waiting.length === 0 ? 'waiting a moment for more members to join' : `waiting for ${waiting.join(' and ')} to rejoin`;
    return { message: `the group is rebalancing, ${what}`, nodes: [broker] };
  },
};

export const lagging: Rule = {
  id: 'lagging',
  description: "A consumer's position is behind the log end of a partition it owns: records wait to be consumed.",
  check: byConsumers(logsOf, (world, logs) => {
    const parts: string[] = [];
    const nodes: NodeId[] = [];
    for (const c of liveConsumers(world))
      for (const [p, position] of c.context.positions) {
        const behind = logEnd(logs, p) - position;
        if (behind <= 0) continue;
        parts.push(`${c.context.name} is ${behind} record${behind === 1 ? '' : 's'} behind on ${partitionName(p)}`);
        nodes.push(c.node);
      }
    return parts.length === 0 ? null : { message: parts.join('; '), nodes: sorted(nodes) };
  }),
};

export const zombie: Rule = {
  id: 'zombie',
  description: 'A consumer the group has removed, or left behind in an older generation, still works on partitions as if it owned them.',
  check: byConsumers(
    (world) => groupOf(world) ?? none,
    (world, found) => {
    if (found === none) return null;
    const group = found as Group;
    const zombies = liveConsumers(world).filter(
      (c) =>
        c.context.generation !== null &&
        (c.context.positions.length > 0 || c.context.batch.length > 0) &&
        (!isMember(group, c.context.name) || c.context.generation < group.generation),
    );
    if (zombies.length === 0) return null;
    const parts = zombies.map((z) => {
      const why = isMember(group, z.context.name) ? `the group is at generation ${group.generation}` : 'the group has removed it';
      const owns = z.context.positions.map(([p]) => partitionName(p)).join(' ');
      return `${z.context.name} still works on ${owns || 'its batch'} for generation ${z.context.generation}, but ${why}`;
    });
    return { message: parts.join('; '), nodes: zombies.map((z) => z.node) };
    },
  ),
};

export const lostAllowed: Rule = {
  id: 'records-lost',
  description: 'A record below a committed offset was never processed, under a semantics that does not promise otherwise (at-most-once).',
  check(world) {
    if (promiseOf(semanticsOf(world)).noLoss) return null;
    const lost = lostRecords(world);
    return lost.length === 0 ? null : lostBreach(world, lost, ' (at-most-once allows this)');
  },
};

export const duplicatesAllowed: Rule = {
  id: 'records-processed-twice',
  description: 'A record was processed more than once, under a semantics that does not promise otherwise (at-least-once).',
  check(world) {
    if (promiseOf(semanticsOf(world)).noDuplicates || duplicatesOf(world).length === 0) return null;
    return duplicateBreach(world, ' (at-least-once allows this)');
  },
};

export const invariants: readonly Rule[] = [noLoss, noDuplicates, singleOwner];
export const conditions: readonly Rule[] = [rebalancing, lagging, zombie, lostAllowed, duplicatesAllowed];
