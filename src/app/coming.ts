// Protocols planned for Fault Lines but not built yet: the gallery lists them as "coming".
// A protocol leaves this list by appearing in the registry (src/protocols/registry.ts).

export interface ComingProtocol {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

export const COMING: readonly ComingProtocol[] = [
  {
    id: 'quorum-replication',
    title: 'Quorum replication',
    summary: 'Reads and writes to N replicas with R and W quorums; pick R + W ≤ N and watch a stale read happen.',
  },
  {
    id: 'cache-write-strategies',
    title: 'Cache write strategies',
    summary: 'Write-through, write-back and write-around caches in front of a database, and the crash that loses a write-back.',
  },
  {
    id: 'kafka-consumer-offsets',
    title: 'Kafka consumer offsets',
    summary: 'A consumer group commits offsets before or after processing: see the duplicate and the lost message each order causes.',
  },
];
