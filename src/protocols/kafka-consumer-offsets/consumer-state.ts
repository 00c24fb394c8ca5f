// What a consumer holds: all of it in memory. A consumer persists nothing; after a crash it joins
// the group again and starts from the committed offsets, which is exactly why the order of
// processing and committing decides what is lost or done twice.
import type { NodeId } from '../../engine';
import type { MachineInput } from '../kit';
import { positionOf, type Positions } from '../kafka/offsets';
import type { KafkaRecord } from '../kafka/records';
import { consumerName, settingsOf, type Settings } from './config';

export interface ConsumerContext {
  readonly settings: Settings;
  /** Its member name in the group ("C1"). */
  readonly name: string;
  readonly broker: NodeId;
  readonly sink: NodeId;
  /** The generation it was last told it is a member of; null before its first JOINED. */
  readonly generation: number | null;
  /** The members of the generation, when this consumer leads it (it computes the assignment). */
  readonly members: readonly string[];
  /** Owned partitions with the next offset to fetch (the position). */
  readonly positions: Positions;
  /** Owned partitions with the offset just after the last record it finished processing. */
  readonly done: Positions;
  /** Offsets it need not commit again: those the coordinator confirmed, or where it started. */
  readonly acked: Positions;
  /** Polled and not yet processed: the records it holds. */
  readonly batch: readonly KafkaRecord[];
  /** How many times the current output has been sent (retries make new writes). */
  readonly attempt: number;
  /** It has heard that the group is rebalancing or has dropped it: it rejoins at the next poll. */
  readonly rejoin: boolean;
}

export function consumerContext(input: MachineInput): ConsumerContext {
  const index = (input.self.peers['consumer'] ?? []).indexOf(input.self.id);
  return {
    settings: settingsOf(input.self.config),
    name: consumerName(index),
    broker: input.self.peers['broker']?.[0] ?? -1,
    sink: input.self.peers['sink']?.[0] ?? -1,
    generation: null,
    members: [],
    positions: [],
    done: [],
    acked: [],
    batch: [],
    attempt: 0,
    rejoin: false,
  };
}

/** The current batch's name: who polled it, in which generation, from where. */
export function batchKey(context: ConsumerContext): string {
  const first = context.batch[0];
  return `${context.name}.g${context.generation ?? 0}.${first === undefined ? 'none' : `p${first.p}@${first.o}`}`;
}

/** The id of one write of the current batch to the sink: new for every retry. */
export const outputId = (context: ConsumerContext): string => `${batchKey(context)}#${context.attempt}`;

/** The id of the current batch's transaction: the same for every retry, so it is committed once. */
export const transactionId = (context: ConsumerContext): string => batchKey(context);

export const samePositions = (a: Positions, b: Positions): boolean =>
  a.length === b.length && a.every(([p, o], i) => b[i]?.[0] === p && b[i]?.[1] === o);

/** The offsets that would commit exactly the records in the batch: the positions after it. */
export function batchEnd(context: ConsumerContext): Positions {
  return context.positions.filter(([p]) => context.batch.some((r) => r.p === p));
}

/**
 * The records of a fetch answer that are still news: at or past its position on a partition it
 * owns. A late copy of an older answer (the network duplicating a message) brings nothing new.
 */
export function freshRecords(context: ConsumerContext, records: readonly KafkaRecord[]): KafkaRecord[] {
  return records.filter((r) => {
    const position = positionOf(context.positions, r.p);
    return position !== null && r.o >= position;
  });
}
