// The messages of Kafka consumer offsets, declared once. Consumers name themselves in the group
// by member name ("C1"); the coordinator answers the node a request came from.
import type { MessageBody, NodeId } from '../../engine';
import { assignmentText, type Assignment } from '../kafka/assignors';
import type { GroupError } from '../kafka/group';
import { asPositions, offsetsText, type Positions } from '../kafka/offsets';
import { asRecords, partitionName, recordsText, type KafkaRecord } from '../kafka/records';

/** What ASSIGNED tells a member about each partition it now owns. */
export type AssignedPartition = {
  readonly partition: number;
  readonly committed: number | null;
  readonly logEnd: number;
};

export type KafkaMessage =
  /** Producer -> broker: append this value to the partition. */
  | { readonly type: 'PRODUCE'; readonly partition: number; readonly value: string }
  | { readonly type: 'PRODUCED'; readonly partition: number; readonly offset: number; readonly value: string }
  /** Consumer -> coordinator: (re)join the group. */
  | { readonly type: 'JOIN'; readonly member: string }
  /** Coordinator -> member: the join phase is over; the leader also gets the member list. */
  | { readonly type: 'JOINED'; readonly generation: number; readonly leader: string; readonly members: readonly string[] }
  /** Leader -> coordinator: the assignment for the generation. */
  | { readonly type: 'SYNC'; readonly member: string; readonly generation: number; readonly assignment: Assignment }
  /** Coordinator -> member: its partitions, with the committed offsets and log ends to start from. */
  | { readonly type: 'ASSIGNED'; readonly generation: number; readonly partitions: readonly AssignedPartition[] }
  | { readonly type: 'HEARTBEAT'; readonly member: string; readonly generation: number }
  | { readonly type: 'HEARTBEAT_REPLY'; readonly generation: number; readonly error: GroupError | null }
  /** Consumer -> broker: poll from these positions. */
  | { readonly type: 'FETCH'; readonly positions: Positions; readonly max: number }
  | { readonly type: 'RECORDS'; readonly records: readonly KafkaRecord[] }
  | { readonly type: 'COMMIT'; readonly member: string; readonly generation: number; readonly offsets: Positions }
  | { readonly type: 'COMMITTED'; readonly generation: number; readonly offsets: Positions }
  | { readonly type: 'COMMIT_FAILED'; readonly generation: number; readonly offsets: Positions; readonly error: GroupError }
  /** Consumer -> sink: the output of processing these records (at-most-once, at-least-once). */
  | { readonly type: 'OUTPUT'; readonly id: string; readonly by: string; readonly records: readonly KafkaRecord[] }
  | { readonly type: 'OUTPUT_OK'; readonly id: string }
  /** Consumer -> transaction coordinator (exactly-once): the output and the offsets, to commit together. */
  | { readonly type: 'TXN'; readonly id: string; readonly member: string; readonly generation: number; readonly records: readonly KafkaRecord[]; readonly offsets: Positions }
  | { readonly type: 'TXN_DONE'; readonly id: string }
  | { readonly type: 'TXN_FENCED'; readonly id: string; readonly error: GroupError }
  /** Transaction coordinator -> sink: the output of a committed transaction. */
  | { readonly type: 'WRITE'; readonly id: string; readonly by: string; readonly records: readonly KafkaRecord[] }
  | { readonly type: 'WRITTEN'; readonly id: string };

/** The message events a machine receives. */
export type Received<T extends KafkaMessage['type']> = Extract<KafkaMessage, { type: T }> & { readonly from: NodeId };

const str = (value: unknown) => String(value);
const gen = (body: MessageBody) => `g${str(body['generation'])}`;

function assignedText(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'no partitions';
  return value
    .map((item) => {
      const { partition, committed } = item as { partition?: unknown; committed?: unknown };
      return `${partitionName(Number(partition))} from ${committed === null ? 'none' : str(committed)}`;
    })
    .join(', ');
}

/** The message in short form: "RECORDS r1 r2", "COMMIT g2 p0=2", "TXN g1 r1 r2 + p0=2". */
export function describeMessage(body: MessageBody): string {
  const records = () => recordsText(asRecords(body['records']));
  const offsets = () => offsetsText(asPositions(body['offsets']));
  switch (body.type) {
    case 'PRODUCE':
      return `PRODUCE ${str(body['value'])} to ${partitionName(Number(body['partition']))}`;
    case 'PRODUCED':
      return `PRODUCED ${str(body['value'])} at ${partitionName(Number(body['partition']))}@${str(body['offset'])}`;
    case 'JOIN':
      return `JOIN ${str(body['member'])}`;
    case 'JOINED':
      return `JOINED ${gen(body)}, leader ${str(body['leader'])}`;
    case 'SYNC':
      return `SYNC ${gen(body)}: ${assignmentText(body['assignment'] as unknown as Assignment)}`;
    case 'ASSIGNED':
      return `ASSIGNED ${gen(body)}: ${assignedText(body['partitions'])}`;
    case 'HEARTBEAT':
      return `HEARTBEAT ${gen(body)}`;
    case 'HEARTBEAT_REPLY':
      return body['error'] === null ? `HEARTBEAT ok ${gen(body)}` : `HEARTBEAT ${str(body['error'])}`;
    case 'FETCH':
      return `FETCH ${offsetsText(asPositions(body['positions'])).replaceAll('=', '@')}`;
    case 'RECORDS':
      return `RECORDS ${records()}`;
    case 'COMMIT':
    case 'COMMITTED':
      return `${body.type} ${gen(body)} ${offsets()}`;
    case 'COMMIT_FAILED':
      return `COMMIT ${offsets()} ${str(body['error'])}`;
    case 'OUTPUT':
    case 'WRITE':
      return `${body.type} ${records()}`;
    case 'TXN':
      return `TXN ${gen(body)} ${records()} + ${offsets()}`;
    case 'TXN_FENCED':
      return `TXN fenced: ${str(body['error'])}`;
    case 'OUTPUT_OK':
    case 'TXN_DONE':
    case 'WRITTEN':
      return body.type.replace('_', ' ');
    default:
      return body.type;
  }
}
