// How the broker and the sink write their state to their logs: as short text a person can read
// in the narration ("p0 = r1 r2", "committed = p0=2 p1=none"), and how they read it back after a
// crash. Reading is forgiving: anything it cannot read counts as absent.
import type { Json, Persisted } from '../../engine';
import type { Logs } from '../kafka/log';
import type { Committed } from '../kafka/offsets';
import { partitionName, type KafkaRecord } from '../kafka/records';

const words = (text: Json | undefined): string[] => (typeof text === 'string' && text !== '' ? text.split(' ') : []);

/** One partition's log entry: "p0" -> "r1 r2". */
export const logEntry = (partition: number, values: readonly string[]) => ({ [partitionName(partition)]: values.join(' ') });

export function readLogs(log: Persisted, partitions: number): Logs {
  return Array.from({ length: partitions }, (_, p) => words(log[partitionName(p)]));
}

/** "p0=2 p1=none". */
export const committedText = (committed: Committed): string => committed.map((c, p) => `${partitionName(p)}=${c ?? 'none'}`).join(' ');

export function readCommitted(log: Persisted, partitions: number): Committed {
  const out: (number | null)[] = Array.from({ length: partitions }, () => null);
  for (const pair of words(log['committed'])) {
    const match = /^p(\d+)=(\d+)$/.exec(pair);
    if (match !== null && Number(match[1]) < partitions) out[Number(match[1])] = Number(match[2]);
  }
  return out;
}

/** Ids separated by spaces: the transactions committed, the writes a sink applied. */
export const idsText = (ids: readonly string[]): string => ids.join(' ');
export const readIds = (text: Json | undefined): string[] => words(text);

/** Committed transactions still to write to the sink: "C1.g1.p0@0=r1,r2", the writer named by the id. */
interface Write {
  readonly id: string;
  readonly by: string;
  readonly records: readonly KafkaRecord[];
}

export const outboxText = (outbox: readonly Write[]): string => outbox.length === 0 ? 'nothing' : outbox.map((w) => `${w.id}=${w.records.map((r) => r.v).join(',')}`).join(' ');

/** Reads the writes back, finding each value's place in the logs (values are unique). */
export function readOutbox(text: Json | undefined, logs: Logs): Write[] {
  const place = (v: string): KafkaRecord | null => {
    for (let p = 0; p < logs.length; p++) {
      const o = logs[p]!.indexOf(v);
      if (o >= 0) return { p, o, v };
    }
    return null;
  };
  return words(text).flatMap((item) => {
    const [id, list] = item.split("=");
    if (id === undefined || list === undefined) return [];
    return [{ id, by: id.split('.')[0]!, records: list.split(',').flatMap((v) => place(v) ?? []) }];
  });
}

/** The sink's list: "r1 by C1, r2 by C2". */
export const processedText = (processed: readonly (readonly [string, string])[]): string => processed.map(([v, by]) => `${v} by ${by}`).join(', ');

export function readProcessed(text: Json | undefined): [string, string][] {
  if (typeof text !== 'string' || text === '') return [];
  return text.split(', ').flatMap((item) => {
    const [v, by] = item.split(' by ');
    return v !== undefined && by !== undefined ? [[v, by] as [string, string]] : [];
  });
}
