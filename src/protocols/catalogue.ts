// The one list of protocols Fault Lines knows, in the order the gallery shows them. An entry
// with `load` is live: its page loads that protocol alone (a chunk of its own). An entry without
// `load` is coming: the gallery lists it as such. Adding a protocol is adding its entry here.
import type { Protocol } from './kit/types';

export interface CatalogueEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly load?: () => Promise<Protocol>;
}

export const catalogue: readonly CatalogueEntry[] = [
  {
    id: 'two-phase-commit',
    title: 'Two-phase commit',
    summary:
      'A coordinator asks participants to vote, then tells them all to commit or abort. Crash it at the wrong moment and the participants are stuck in doubt.',
    load: async () => (await import('./two-phase-commit')).twoPhaseCommit,
  },
  {
    id: 'paxos',
    title: 'Paxos',
    summary:
      'Proposers and acceptors agree on one value even when messages are lost and a minority is down; forget to persist a promise and two values win.',
    load: async () => (await import('./paxos')).paxos,
  },
  {
    id: 'quorum-replication',
    title: 'Quorum replication',
    summary:
      'A leaderless store reads from R and writes to W of N replicas. Overlap the quorums and it is linearizable; let them miss, trust clocks or stand-ins, and reads go back in time or acknowledged writes vanish.',
    load: async () => (await import('./quorum-replication')).quorumReplication,
  },
  {
    id: 'kafka-consumer-offsets',
    title: 'Kafka consumer offsets',
    summary:
      "A consumer group shares a topic's partitions and commits offsets before or after processing: crash it, rebalance it, make a zombie, and see the lost and the duplicated record each order causes.",
    load: async () => (await import('./kafka-consumer-offsets')).kafkaConsumerOffsets,
  },
  {
    id: 'kafka-multi-region',
    title: 'Multi-region Kafka',
    summary:
      "Each region writes its own stream and copies every region's into an aggregate, in its own order. Fail the consumer over to another region: map its checkpoint and lose nothing, or reuse the raw offset and skip records.",
    load: async () => (await import('./kafka-multi-region')).kafkaMultiRegion,
  },
  {
    id: 'cache-write-strategies',
    title: 'Cache write strategies',
    summary:
      'Write-through, write-around and write-back caches in front of a database: what each costs in latency and database load, and how a stale fill or a cache crash makes it lie.',
    load: async () => (await import('./cache-write-strategies')).cacheWriteStrategies,
  },
];

/**
 * A protocol's id, title and summary as the catalogue lists them: its definition spreads these in,
 * so the gallery and the protocol's page never say two different things.
 */
export function listed(id: string): { readonly id: string; readonly title: string; readonly summary: string } {
  const entry = catalogueEntry(id);
  if (entry === undefined) throw new Error(`${id} is not in the protocol catalogue`);
  return { id: entry.id, title: entry.title, summary: entry.summary };
}

/** The catalogue entry with this id (never an object property such as "constructor"). */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.id === id);
}

/** The protocol with this id, loaded on demand; undefined for an id nobody knows or one still coming. */
export async function loadProtocol(id: string): Promise<Protocol | undefined> {
  return catalogueEntry(id)?.load?.();
}
