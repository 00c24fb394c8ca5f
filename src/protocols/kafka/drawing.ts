// The Kafka pictures as the kit's generic fact kinds (kit/facts.ts): a partition is a `log` with
// markers between its records (the log end, each consumer's position, the committed offset), and
// what a sink processed is a `list` with duplicates and gaps marked in words. Any Kafka protocol
// fills these in; the components that draw them know nothing of Kafka.
import type { FactTone, NodeFact } from '../kit/facts';
import { partitionName } from './records';

export interface LogMarker {
  /** The offset the marker points at; the log end points past the last record. */
  readonly at: number;
  readonly label: string;
}

/** A partition as a strip of records with markers; `tone` may mark single records (lost ones). */
export function partitionFact(
  partition: number,
  values: readonly string[],
  markers: readonly LogMarker[],
  tone?: (offset: number) => FactTone | undefined,
  name = partitionName(partition),
): NodeFact {
  return {
    kind: 'log',
    name,
    entries: values.map((text, offset) => {
      const t = tone?.(offset);
      return t === undefined ? { text } : { text, tone: t };
    }),
    markers: mergeMarkers(markers),
  };
}

/** Markers pointing at the same place become one ("C1 committed end"), so they read as one line. */
function mergeMarkers(markers: readonly LogMarker[]): LogMarker[] {
  const byPlace = new Map<number, string[]>();
  for (const m of markers) byPlace.set(m.at, [...(byPlace.get(m.at) ?? []), m.label]);
  return [...byPlace.entries()].sort(([a], [b]) => a - b).map(([at, labels]) => ({ at, label: labels.join(' ') }));
}

export interface ProcessedItem {
  readonly value: string;
  /** Who processed it ("C1"), shown beside the value. */
  readonly by: string;
  /** How many times it had been processed when this copy was: 2 and more is a duplicate. */
  readonly copy: number;
}

/** How a duplicate and a missing record are marked: "bad" where a promise forbids them, "warn" where allowed. */
export interface AnomalyTones {
  readonly duplicate: FactTone;
  readonly missing: FactTone;
}

/**
 * What a sink processed, in the order it did, each duplicate marked "twice" (or "3 times"), then
 * the records that were lost marked "missing".
 */
export function processedFact(
  name: string,
  processed: readonly ProcessedItem[],
  missing: readonly string[],
  tones: AnomalyTones = { duplicate: 'bad', missing: 'bad' },
): NodeFact {
  const items = processed.map(({ value, by, copy }) =>
    copy < 2 ? { text: `${value} (${by})` } : { text: `${value} (${by})`, mark: copy === 2 ? 'twice' : `${copy} times`, tone: tones.duplicate },
  );
  for (const value of missing) items.push({ text: value, mark: 'missing', tone: tones.missing });
  return { kind: 'list', name, items };
}
