// The messages of multi-region Kafka, declared once. No field is called `from`: the kit hands a
// message to a machine as `{ ...body, from }`, with `from` the sender.
import type { MessageBody, NodeId } from '../../engine';
import type { Progress } from '../kafka/offset-mapping';
import { regionName } from './config';

/** A consumer's progress in the writer's region, as checkpointed and shipped to the others. */
export type Checkpoint = {
  /** The region whose aggregate offsets `aggregateOffset` counts in, and the writer's epoch. */
  readonly region: number;
  readonly epoch: number;
  /** The writer's position in its own region's aggregate stream. */
  readonly aggregateOffset: number;
  /** Per source region, how many of its records are done. */
  readonly progress: Progress;
};

export type RegionMessage =
  /** Replicator -> another region's cluster: its stream from this offset. */
  | { readonly type: 'MIRROR_FETCH'; readonly start: number }
  | { readonly type: 'MIRROR_RECORDS'; readonly region: number; readonly start: number; readonly values: readonly string[] }
  /** Consumer -> its cluster: the aggregate stream from this offset. */
  | { readonly type: 'FETCH'; readonly start: number; readonly max: number }
  | { readonly type: 'RECORDS'; readonly start: number; readonly values: readonly string[] }
  | { readonly type: 'CHECKPOINT'; readonly checkpoint: Checkpoint }
  /** Cluster -> the other regions' clusters: its consumer's latest checkpoint. */
  | { readonly type: 'SHIP'; readonly checkpoint: Checkpoint }
  /** A consumer taking over asks its cluster for the checkpoint shipped to it. */
  | { readonly type: 'RESUME' }
  | { readonly type: 'RESUME_FROM'; readonly checkpoint: Checkpoint | null; readonly aggregate: readonly string[] }
  /** Coordinator -> consumers and database: this region's output counts, from this epoch. */
  | { readonly type: 'WRITER'; readonly region: number; readonly epoch: number }
  | { readonly type: 'WRITER_OK'; readonly epoch: number }
  /** A new writer claims its epoch at the database and reads what the database already has. */
  | { readonly type: 'CLAIM'; readonly region: number; readonly epoch: number }
  | { readonly type: 'CLAIMED'; readonly epoch: number; readonly progress: Progress }
  | { readonly type: 'OUTPUT'; readonly id: string; readonly region: number; readonly epoch: number; readonly values: readonly string[] }
  | { readonly type: 'OUTPUT_OK'; readonly id: string }
  | { readonly type: 'OUTPUT_FENCED'; readonly id: string; readonly epoch: number };

export type Received<T extends RegionMessage['type']> = Extract<RegionMessage, { type: T }> & { readonly from: NodeId };

const values = (body: MessageBody) => (Array.isArray(body['values']) && body['values'].length > 0 ? body['values'].join(' ') : 'nothing');
const progressText = (p: unknown) => (Array.isArray(p) ? p.map((n, r) => `${regionName(r)}:${String(n)}`).join(' ') : '');

function checkpointText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'none';
  const c = value as Checkpoint;
  return `${regionName(c.region)}@${c.aggregateOffset} (${progressText(c.progress)})`;
}

/** The message in short form: "MIRROR a2 a3", "OUTPUT e2 b1", "CHECKPOINT A@3 (A:2 B:1)". */
export function describeMessage(body: MessageBody): string {
  switch (body.type) {
    case 'MIRROR_FETCH':
      return `MIRROR FETCH @${String(body['start'])}`;
    case 'MIRROR_RECORDS':
      return `MIRROR ${values(body)}`;
    case 'FETCH':
      return `FETCH @${String(body['start'])}`;
    case 'RECORDS':
      return `RECORDS ${values(body)}`;
    case 'CHECKPOINT':
    case 'SHIP':
      return `${body.type} ${checkpointText(body['checkpoint'])}`;
    case 'RESUME_FROM':
      return `RESUME FROM ${checkpointText(body['checkpoint'])}`;
    case 'WRITER':
      return `WRITER ${regionName(Number(body['region']))} e${String(body['epoch'])}`;
    case 'CLAIM':
      return `CLAIM e${String(body['epoch'])}`;
    case 'CLAIMED':
      return `CLAIMED e${String(body['epoch'])} (${progressText(body['progress'])})`;
    case 'OUTPUT':
      return `OUTPUT e${String(body['epoch'])} ${values(body)}`;
    case 'OUTPUT_FENCED':
      return `OUTPUT fenced: e${String(body['epoch'])} is over`;
    case 'WRITER_OK':
    case 'OUTPUT_OK':
      return body.type.replace('_', ' ');
    default:
      return body.type;
  }
}
