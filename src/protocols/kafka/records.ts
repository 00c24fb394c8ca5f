// A Kafka record as it travels in messages and sits in logs: its partition, its offset in that
// partition, and its value. Plain JSON, so it can ride in a message body, a persisted record or
// an observation. Shared by every Kafka protocol (kafka-consumer-offsets, kafka-multi-region).

export type KafkaRecord = {
  /** The partition (or stream) it belongs to, numbered from 0. */
  readonly p: number;
  /** Its offset in that partition: the number of records before it. */
  readonly o: number;
  /** The value, unique in the run ("r1", "r2"), so a record is recognised wherever it goes. */
  readonly v: string;
};

/** "p0" for partition 0: how people name a partition. */
export const partitionName = (partition: number): string => `p${partition}`;

/** "r1 r2" (values only: the short form shown on message chips). */
export function recordsText(records: readonly KafkaRecord[]): string {
  return records.length === 0 ? 'nothing' : records.map((r) => r.v).join(' ');
}

/** "r1 (p0@0)": a record with where it came from, for narration. */
export const recordPlace = (record: KafkaRecord): string => `${record.v} (${partitionName(record.p)}@${record.o})`;

/** Reads a record out of untyped JSON (a message body field), or null when it is not one. */
export function asRecord(value: unknown): KafkaRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { p, o, v } = value as { p?: unknown; o?: unknown; v?: unknown };
  return typeof p === 'number' && typeof o === 'number' && typeof v === 'string' ? { p, o, v } : null;
}

/** Reads a list of records out of untyped JSON; anything that is not a record is left out. */
export function asRecords(value: unknown): KafkaRecord[] {
  if (!Array.isArray(value)) return [];
  const out: KafkaRecord[] = [];
  for (const item of value) {
    const record = asRecord(item);
    if (record !== null) out.push(record);
  }
  return out;
}
