// The consumer's context, events and guards.
import { setup } from 'xstate';
import type { NodeId } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { noProgress, type Progress } from '../kafka/offset-mapping';
import { regionOf, settingsOf, type Settings } from './config';
import type { Received } from './messages';

export interface ConsumerContext {
  readonly settings: Settings;
  readonly region: number;
  readonly cluster: NodeId;
  readonly database: NodeId;
  /** Whether it is the writer, and the newest epoch it has heard of. */
  readonly writer: boolean;
  readonly epoch: number;
  /** The next offset to fetch in its region's aggregate stream. */
  readonly position: number;
  /** Per source region, how many records are done: what a checkpoint records. */
  readonly progress: Progress;
  /** Taking over (active-active): what the database already had when the claim was answered. */
  readonly claimed: Progress | null;
  /** Polled and not yet processed, with their offsets in the aggregate. */
  readonly batch: readonly { readonly offset: number; readonly value: string }[];
  /** Restarted after a crash: only its role and epoch survived (in its log). */
  readonly recovered: boolean;
}

export type ConsumerEvent =
  | Received<'RECORDS'>
  | Received<'RESUME_FROM'>
  | Received<'WRITER'>
  | Received<'CLAIMED'>
  | Received<'OUTPUT_OK'>
  | Received<'OUTPUT_FENCED'>
  | { type: 'poll' }
  | { type: 'process' }
  | { type: 'retry' };

export function consumerContext(input: MachineInput): ConsumerContext {
  const settings = settingsOf(input.self.config);
  const region = regionOf(input.self.peers, 'consumer', input.self.id);
  const log = input.log;
  return {
    settings,
    region,
    cluster: input.self.peers['cluster']?.[region] ?? -1,
    database: input.self.peers['sink']?.[0] ?? -1,
    writer: typeof log?.['writer'] === 'boolean' ? log['writer'] : region === 0,
    epoch: typeof log?.['epoch'] === 'number' ? log['epoch'] : 1,
    position: 0,
    progress: noProgress(settings.regions),
    claimed: null,
    batch: [],
    recovered: input.log !== null,
  };
}

const activeActive = (context: ConsumerContext) => context.settings.arrangement === 'active-active';

/** The first and last offsets of the batch in hand: the end of its write's id (consumer.ts). */
export const batchSpan = (context: ConsumerContext) => `${context.batch[0]?.offset ?? 0}-${context.batch[context.batch.length - 1]?.offset ?? 0}`;

export const consumerSetup = setup({
  types: { context: {} as ConsumerContext, events: {} as ConsumerEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    working: ({ context }) => context.writer || activeActive(context),
    /** A writer that crashed lost its place: it claims its epoch again and resumes from the checkpoint. */
    recoveredWriter: ({ context }) => context.recovered && context.writer,
    isWriter: ({ context }) => context.writer,
    activeActive: ({ context }) => activeActive(context),
    nothingNew: ({ context }) => context.batch.length === 0,
    gotRecords: ({ context, event }) => event.type === 'RECORDS' && event.start === context.position && event.values.length > 0,
    staleWriter: ({ context, event }) => event.type === 'WRITER' && (event.epoch < context.epoch || (event.epoch === context.epoch && context.writer === (event.region === context.region))),
    becomesWriter: ({ context, event }) => event.type === 'WRITER' && event.region === context.region,
    losesWriterAndStops: ({ context, event }) => event.type === 'WRITER' && context.writer && !activeActive(context),
    /** A confirmation of this batch's write, not a late one of an earlier batch (a retry's copy answered again). */
    currentOutput: ({ context, event }) => event.type === 'OUTPUT_OK' && event.id.endsWith(`.${batchSpan(context)}`),
  },
});
