// Consumer positions and committed offsets. An offset names the next record to read: committing
// offset 3 for a partition says "records 0, 1 and 2 are done". The group coordinator keeps the
// committed offsets durably (Kafka's __consumer_offsets); a consumer keeps its position (the next
// offset it will fetch) in memory only. Pure functions over plain JSON.
import type { KafkaRecord } from './records';

/** Per partition (by index), the committed offset, or null when the group never committed one. */
export type Committed = readonly (number | null)[];

/** A consumer's offsets for the partitions it owns: [partition, offset] pairs, partition order. */
export type Positions = readonly (readonly [number, number])[];

/** What a consumer does with a partition that has no committed offset (auto.offset.reset). */
export type OffsetReset = 'earliest' | 'latest';

export function noCommits(partitions: number): Committed {
  return Array.from({ length: partitions }, () => null);
}

/** Writes offsets into the committed table. Kafka takes a commit as given: it may move an offset back. */
export function commit(committed: Committed, offsets: Positions): Committed {
  const next = [...committed];
  for (const [partition, offset] of offsets) if (partition >= 0 && partition < next.length) next[partition] = offset;
  return next;
}

/** Where a consumer starts on a partition it has just been assigned. */
export function startPosition(committed: number | null, reset: OffsetReset, logEnd: number): number {
  if (committed !== null) return committed;
  return reset === 'earliest' ? 0 : logEnd;
}

/** The position of one partition, or null when the consumer does not own it. */
export function positionOf(positions: Positions, partition: number): number | null {
  return positions.find(([p]) => p === partition)?.[1] ?? null;
}

/** The positions moved past the records (a consumer's position after a poll returns them). */
export function advance(positions: Positions, records: readonly KafkaRecord[]): Positions {
  return positions.map(([p, offset]) => {
    let next = offset;
    for (const r of records) if (r.p === p && r.o >= next) next = r.o + 1;
    return [p, next] as const;
  });
}

/** "p0=3 p1=0": offsets in the short form of message chips and markers. */
export function offsetsText(offsets: Positions): string {
  return offsets.length === 0 ? 'none' : offsets.map(([p, o]) => `p${p}=${o}`).join(' ');
}

/** Reads [partition, offset] pairs out of untyped JSON. */
export function asPositions(value: unknown): Positions {
  if (!Array.isArray(value)) return [];
  return value.filter((pair): pair is [number, number] => Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number');
}
