// The invariants of multi-region Kafka and the conditions it teaches. Active-passive promises no
// loss and bounded reprocessing (after a failover, only what the old writer did after its last
// shipped checkpoint is done again); active-active promises no loss and a single writer.
import type { NodeId, Rule, World } from '../../engine';
import { nodesWithRole } from '../kit/world-query';
import { clusters, consumers, database, lastWorld, lostRecords, repeats, settingsOfWorld, type ClusterView, type Repeat } from './accounting';
import { regionName } from './config';

const lost = lastWorld(lostRecords);
const repeated = lastWorld(repeats);
const activePassive = (world: World) => settingsOfWorld(world).arrangement === 'active-passive';
const sinkNode = (world: World): NodeId => nodesWithRole(world, 'sink')[0]!;
const consumerOf = (world: World, region: number): NodeId => nodesWithRole(world, 'consumer')[region]!;
const list = (values: readonly string[]) => (values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`);
const countWords = (c: readonly [string, number, number]) => `region ${regionName(c[1])} (epoch ${c[2]})`;

export const noLoss: Rule = {
  id: 'no-loss',
  description: 'Every record the writer has gone past in its aggregate stream was counted by the database, or is still on its way there.',
  check(world) {
    const missing = lost(world);
    if (missing.length === 0) return null;
    const writer = database(world)!.writer;
    return {
      message: `the writer, region ${regionName(writer)}, has gone past ${list(missing)} in its aggregate, but the database never counted ${missing.length === 1 ? 'it' : 'them'}: lost`,
      nodes: [consumerOf(world, writer), sinkNode(world)],
    };
  },
};

function repeatNodes(world: World, r: Repeat): NodeId[] {
  return [...new Set([consumerOf(world, r.first[1]), consumerOf(world, r.again[1]), sinkNode(world)])].sort((a, b) => a - b);
}

export const boundedReprocessing: Rule = {
  id: 'bounded-reprocessing',
  description: 'Active-passive: after a failover, only records the old writer did after its last shipped checkpoint are done again.',
  check(world) {
    if (!activePassive(world)) return null;
    const bad = repeated(world).find((r) => !r.withinBound);
    if (bad === undefined) return null;
    return {
      message: `${bad.value} was counted from ${countWords(bad.first)} and again from ${countWords(bad.again)}, although the checkpoint that writer started from says it was done`,
      nodes: repeatNodes(world, bad),
    };
  },
};

export const singleWriter: Rule = {
  id: 'single-writer',
  description: 'Active-active: the outputs of two regions never both count for one record.',
  check(world) {
    if (activePassive(world)) return null;
    const both = repeated(world).find((r) => r.first[1] !== r.again[1]);
    if (both === undefined) return null;
    return { message: `${both.value} counts twice: from ${countWords(both.first)} and from ${countWords(both.again)}`, nodes: repeatNodes(world, both) };
  },
};

/** What each region's aggregate lacks of the others' streams, or null. */
function lag(all: readonly ClusterView[]): { message: string; nodes: NodeId[] } | null {
  const parts: string[] = [];
  const nodes: NodeId[] = [];
  all.forEach((c, r) => {
    const have = new Set(c.aggregate);
    all.forEach((source, s) => {
      if (s === r) return;
      const missing = source.stream.filter((v) => !have.has(v));
      if (missing.length === 0) return;
      parts.push(`aggregate ${regionName(r)} lacks ${list(missing)} from region ${regionName(s)}`);
      nodes.push(c.node);
    });
  });
  return parts.length === 0 ? null : { message: parts.join('; '), nodes: [...new Set(nodes)] };
}

// Most steps leave every stream and aggregate as it was: the last answer is kept with what it read.
let lagRead: readonly ClusterView[] = [];
let lagAnswer: ReturnType<typeof lag> = null;
const sameStreams = (a: readonly ClusterView[], b: readonly ClusterView[]) =>
  a.length === b.length && a.every((c, i) => c.node === b[i]!.node && c.stream === b[i]!.stream && c.aggregate === b[i]!.aggregate);

export const replicationLag: Rule = {
  id: 'replication-lag',
  description: "A region's aggregate stream lacks records another region already has: the copy lags, or is cut off.",
  check(world) {
    const all = clusters(world);
    if (!sameStreams(all, lagRead)) {
      lagAnswer = lag(all);
      lagRead = all;
    }
    return lagAnswer;
  },
};

export const reprocessing: Rule = {
  id: 'reprocessing',
  description: 'Active-passive: records done again after a failover, within the bound: the old writer did them after its last shipped checkpoint.',
  check(world) {
    if (!activePassive(world)) return null;
    const within = repeated(world).filter((r) => r.withinBound);
    if (within.length === 0) return null;
    const region = within[within.length - 1]!.again[1];
    return {
      message: `${within.length} record${within.length === 1 ? '' : 's'} done again after the failover to region ${regionName(region)}: ${list(within.map((r) => r.value))}, after the last shipped checkpoint`,
      // The database's list marks them "again": that is where the picture shows it.
      nodes: [sinkNode(world)],
    };
  },
};

export const deposedWriter: Rule = {
  id: 'deposed-writer',
  description: 'A consumer still believes it is the writer, but the database counts a newer epoch: its output will be refused.',
  check(world) {
    const db = database(world);
    if (db === null) return null;
    const stale = consumers(world).filter((c) => c.context.writer && c.context.epoch < db.epoch);
    if (stale.length === 0) return null;
    const names = stale.map((c) => `region ${regionName(c.context.region)}'s consumer`).join(' and ');
    return { message: `${names} still believes it writes in epoch ${stale[0]!.context.epoch}; the database counts epoch ${db.epoch}`, nodes: stale.map((c) => c.node) };
  },
};

export const invariants: readonly Rule[] = [noLoss, boundedReprocessing, singleWriter];
export const conditions: readonly Rule[] = [replicationLag, reprocessing, deposedWriter];
