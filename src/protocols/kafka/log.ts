// Partitions as append-only logs. A topic is a list of partitions; each partition is the list of
// its record values in offset order, so a record's offset is its index. Nothing is ever removed
// or rewritten: the only change is an append at the log end. Pure functions over plain arrays,
// so a broker can persist its logs as they are.
import type { KafkaRecord } from './records';

/** A topic: for each partition, its values in offset order. */
export type Logs = readonly (readonly string[])[];

export function emptyLogs(partitions: number): Logs {
  return Array.from({ length: partitions }, () => []);
}

/** The offset the next record appended to the partition will get. */
export function logEnd(logs: Logs, partition: number): number {
  return logs[partition]?.length ?? 0;
}

/** Where the value sits in the partition, or null when it was never appended. */
export function offsetOf(logs: Logs, partition: number, value: string): number | null {
  const at = logs[partition]?.indexOf(value) ?? -1;
  return at < 0 ? null : at;
}

/** Appends a value at the log end: the new logs and the offset it got. */
export function append(logs: Logs, partition: number, value: string): { readonly logs: Logs; readonly offset: number } {
  if (partition < 0 || partition >= logs.length) throw new RangeError(`there is no partition ${partition}`);
  const offset = logEnd(logs, partition);
  return { logs: logs.map((log, p) => (p === partition ? [...log, value] : log)), offset };
}

/** The record at an offset, or null past the log end. */
export function recordAt(logs: Logs, partition: number, offset: number): KafkaRecord | null {
  const value = logs[partition]?.[offset];
  return value === undefined ? null : { p: partition, o: offset, v: value };
}

/**
 * What a fetch returns: from each position, in the order given, the records up to the log end,
 * at most `max` in all (Kafka's max.poll.records). A position past the log end returns nothing.
 */
export function readFrom(logs: Logs, positions: readonly (readonly [number, number])[], max: number): KafkaRecord[] {
  const out: KafkaRecord[] = [];
  for (const [partition, position] of positions)
    for (let offset = Math.max(0, position); out.length < max; offset++) {
      const record = recordAt(logs, partition, offset);
      if (record === null) break;
      out.push(record);
    }
  return out;
}

/** Every record of the topic, partition by partition. */
export function allRecords(logs: Logs): KafkaRecord[] {
  return logs.flatMap((log, p) => log.map((v, o) => ({ p, o, v })));
}

/** One stream on its own (a region's stream, an aggregate): its values in offset order. */
export type Stream = readonly string[];

/** Appends values not already in the stream, in order: a copy of a record is never appended twice. */
export function appendNew(stream: Stream, values: readonly string[]): Stream {
  const have = new Set(stream);
  const fresh = values.filter((v) => !have.has(v) && (have.add(v), true));
  return fresh.length === 0 ? stream : [...stream, ...fresh];
}

/** Up to `max` values of a stream from an offset, with the offsets they sit at. */
export function readStream(stream: Stream, from: number, max: number): { readonly offset: number; readonly value: string }[] {
  return stream.slice(Math.max(0, from), Math.max(0, from) + max).map((value, i) => ({ offset: Math.max(0, from) + i, value }));
}
