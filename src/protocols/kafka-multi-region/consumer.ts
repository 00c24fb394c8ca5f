// A region's consumer.
//
// The writer polls its region's aggregate stream, processes each batch, writes the output to the
// shared database and, under active-passive, checkpoints its progress at its region's cluster
// (which ships the checkpoint to the other regions on a timer). A checkpoint records progress by
// source region, because the same record sits at a different offset in each region's aggregate.
//
// Active-passive: the other regions' consumers stand by. When the coordinator makes one the
// writer (a failover), it claims its epoch at the database, asks its cluster for the latest
// checkpoint shipped there, maps it onto its own aggregate (../kafka/offset-mapping.ts) and starts
// at the first record not done, skipping the ones already done after it. What the old writer did
// after its last shipped checkpoint is done again: that is the bound on reprocessing.
//
// Active-active: every consumer works all along; the writer's output counts, the others discard
// theirs. A new writer claims its epoch and reads, from the database itself, what is done.
//
// The failure it teaches: `reuse-offset-across-regions` starts at the checkpoint's raw offset,
// which counts in another region's aggregate: records are skipped, or done again.
import { advanceProgress, isDone } from '../kafka/offset-mapping';
import { contextFactory } from '../kafka/machine-context';
import { mappedPosition } from './checkpoint';
import { regionName, sourceOf } from './config';
import { batchSpan, consumerContext, consumerSetup as base, type ConsumerContext } from './consumer-setup';

const timer = (name: string, ticks: number) => ({ type: 'setTimer' as const, params: { name, ticksMin: ticks, ticksMax: ticks } });
const note = (text: string) => ({ type: 'note' as const, params: { text } });
const retry = (context: ConsumerContext) => timer('retry', context.settings.requestTimeoutTicks);
const values = (context: ConsumerContext) => context.batch.map((r) => r.value).join(' ');
/** A write's id names exactly what it carries, so a retry is recognised and a different batch never is. */
const outputId = (context: ConsumerContext) => `${regionName(context.region)}.e${context.epoch}.${batchSpan(context)}`;

/** The actions a variant may replace (see variants.ts). */
export const consumerActions = {
  /** Correct: the checkpoint (or the database's progress) mapped onto this region's aggregate. */
  takeOver: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'RESUME_FROM') return;
    const from = context.claimed === null ? event.checkpoint : { region: context.region, epoch: context.epoch, aggregateOffset: 0, progress: context.claimed };
    const { position, progress } = mappedPosition(event.aggregate, from, context.settings.regions);
    enqueue.assign({ position, progress, claimed: null });
    // What the bound on reprocessing is measured against: the progress this writer was handed.
    enqueue({ type: 'observe', params: { value: { tookOver: context.region, epoch: context.epoch, progress: [...progress] } } });
    const what = context.claimed === null ? `the checkpoint shipped here (${from === null ? 'none yet' : `${regionName(from.region)}@${from.aggregateOffset}`})` : 'what the database has';
    enqueue(note(`maps ${what} onto its own aggregate: it starts at offset ${position}, the first record not yet done`));
  }),
};

const machine = base.extend({
  actions: {
    ...consumerActions,
    // It confirms the epoch it was told of, never a newer one it knows only from being fenced: the
    // coordinator must keep telling it until the news of the current epoch itself arrives.
    ackWriter: base.enqueueActions(({ enqueue, event }) => {
      if (event.type === 'WRITER') enqueue({ type: 'send', params: { to: event.from, body: { type: 'WRITER_OK', epoch: event.epoch } } });
    }),
    becomeWriter: base.enqueueActions(({ enqueue, event }) => {
      if (event.type !== 'WRITER') return;
      enqueue.assign({ writer: true, epoch: event.epoch, batch: [] });
      enqueue({ type: 'persist', params: { data: { writer: true, epoch: event.epoch } } });
      enqueue(note(`is the writer now, in epoch ${event.epoch}`));
    }),
    stopWriting: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'WRITER' || event.epoch < context.epoch) return;
      if (context.writer) enqueue(note(`is no longer the writer: region ${regionName(event.region)} writes in epoch ${event.epoch}`));
      enqueue.assign({ writer: false, epoch: event.epoch });
      enqueue({ type: 'persist', params: { data: { writer: false, epoch: event.epoch } } });
      if (context.settings.arrangement === 'active-passive') {
        enqueue.assign({ batch: [] });
        for (const name of ['poll', 'process', 'retry']) enqueue({ type: 'cancelTimer', params: { name } });
      }
    }),
    sendClaim: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'send', params: { to: context.database, body: { type: 'CLAIM', region: context.region, epoch: context.epoch } } });
      enqueue(retry(context));
    }),
    keepClaim: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'CLAIMED') return;
      enqueue.assign({ claimed: context.settings.arrangement === 'active-active' ? event.progress : null });
      enqueue({ type: 'cancelTimer', params: { name: 'retry' } });
    }),
    sendResume: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'send', params: { to: context.cluster, body: { type: 'RESUME' } } });
      enqueue(retry(context));
    }),
    sendFetch: base.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'send', params: { to: context.cluster, body: { type: 'FETCH', start: context.position, max: context.settings.maxPollRecords } } });
      enqueue(retry(context));
    }),
    holdBatch: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'RECORDS') return;
      const records = event.values.map((value, i) => ({ offset: event.start + i, value }));
      const batch = records.filter((r) => {
        const source = sourceOf(r.value);
        return source !== null && !isDone(context.progress, source);
      });
      enqueue.assign({ batch, position: event.start + records.length });
      enqueue({ type: 'cancelTimer', params: { name: 'retry' } });
      const skipped = records.filter((r) => !batch.includes(r)).map((r) => r.value);
      if (skipped.length > 0) enqueue(note(`skips ${skipped.join(' ')}: ${skipped.length === 1 ? 'it is' : 'they are'} already done`));
      if (batch.length > 0) enqueue(note(`polls ${batch.map((r) => `${r.value} (@${r.offset})`).join(', ')}`));
    }),
    stopWaiting: base.enqueueActions(({ enqueue }) => enqueue({ type: 'cancelTimer', params: { name: 'retry' } })),
    armPoll: base.enqueueActions(({ enqueue, context }) => enqueue(timer('poll', context.settings.pollTicks))),
    armProcess: base.enqueueActions(({ enqueue, context }) => enqueue(timer('process', context.settings.processTicks))),
    sendOutput: base.enqueueActions(({ enqueue, context }) => {
      enqueue(note(`processes ${values(context)} and writes the output to the database (epoch ${context.epoch})`));
      const body = { type: 'OUTPUT', id: outputId(context), region: context.region, epoch: context.epoch, values: context.batch.map((r) => r.value) };
      enqueue({ type: 'send', params: { to: context.database, body } });
      enqueue(retry(context));
    }),
    discard: base.enqueueActions(({ enqueue, context }) => {
      enqueue(note(`processes ${values(context)} and discards the output: region ${regionName(context.region)} is not the writer`));
    }),
    markDone: base.enqueueActions(({ enqueue, context }) => {
      const progress = advanceProgress(context.progress, context.batch.flatMap((r) => sourceOf(r.value) ?? []));
      enqueue.assign({ progress, batch: [] });
      enqueue({ type: 'cancelTimer', params: { name: 'retry' } });
      if (context.writer && context.settings.arrangement === 'active-passive') {
        const checkpoint = { region: context.region, epoch: context.epoch, aggregateOffset: context.position, progress };
        enqueue({ type: 'send', params: { to: context.cluster, body: { type: 'CHECKPOINT', checkpoint } } });
      }
    }),
    hearFenced: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'OUTPUT_FENCED') return;
      enqueue(note(`is fenced: the database counts epoch ${event.epoch}, not its ${context.epoch}; it is no longer the writer`));
      enqueue.assign({ writer: false, epoch: Math.max(event.epoch, context.epoch) });
      enqueue({ type: 'persist', params: { data: { writer: false, epoch: Math.max(event.epoch, context.epoch) } } });
      if (context.settings.arrangement === 'active-passive') enqueue.assign({ batch: [] });
    }),
  },
});

/** While taking over, news that another region writes ends the takeover: it must not claim for it. */
const takingOver = {
  WRITER: [
    { guard: 'staleWriter', actions: 'ackWriter' },
    { guard: 'becomesWriter', target: 'claiming', reenter: true, actions: ['becomeWriter', 'ackWriter'] },
    { target: 'next', actions: ['stopWaiting', 'stopWriting', 'ackWriter'] },
  ],
} as const;

export const consumer = machine.createMachine({
  id: 'consumer',
  context: contextFactory(consumerContext),
  initial: 'start',
  on: {
    WRITER: [
      { guard: 'staleWriter', actions: 'ackWriter' },
      { guard: 'becomesWriter', target: '.claiming', actions: ['becomeWriter', 'ackWriter'] },
      { guard: 'losesWriterAndStops', target: '.standby', actions: ['stopWriting', 'ackWriter'] },
      { actions: ['stopWriting', 'ackWriter'] },
    ],
  },
  states: {
    /** Region A writes first; under active-active every region works from the start. After a crash
     *  only the role and epoch are known (from the log): a writer claims and resumes again. */
    start: {
      always: [{ guard: 'recoveredWriter', target: 'claiming' }, { guard: 'working', target: 'fetching' }, { target: 'standby' }],
    },
    /** Active-passive, not the writer: waiting to be failed over to. */
    standby: {},
    /** A new writer claims its epoch at the database, which from then on fences the old one. */
    claiming: {
      entry: 'sendClaim',
      on: { ...takingOver, CLAIMED: { target: 'resuming', actions: 'keepClaim' }, retry: { target: 'claiming', reenter: true } },
    },
    /** It asks its cluster for the checkpoint shipped there and its aggregate, and maps one onto the other. */
    resuming: {
      entry: 'sendResume',
      on: { ...takingOver, RESUME_FROM: { target: 'fetching', actions: ['stopWaiting', 'takeOver'] }, retry: { target: 'resuming', reenter: true } },
    },
    fetching: {
      entry: 'sendFetch',
      on: {
        RECORDS: [
          { guard: 'gotRecords', target: 'holding', actions: 'holdBatch' },
          { target: 'idle', actions: 'stopWaiting' },
        ],
        retry: { target: 'fetching', reenter: true },
      },
    },
    idle: { entry: 'armPoll', on: { poll: 'fetching' } },
    /** A batch in hand (or only records already done, skipped: then it polls again). */
    holding: { always: [{ guard: 'nothingNew', target: 'fetching' }, { target: 'polled' }] },
    polled: {
      entry: 'armProcess',
      on: { process: [{ guard: 'isWriter', target: 'writing' }, { target: 'next', actions: ['discard', 'markDone'] }] },
    },
    /** The output is on its way to the database. */
    writing: {
      entry: 'sendOutput',
      on: {
        OUTPUT_OK: { guard: 'currentOutput', target: 'next', actions: 'markDone' },
        OUTPUT_FENCED: [
          { guard: 'activeActive', target: 'next', actions: ['hearFenced', 'markDone'] },
          { target: 'standby', actions: 'hearFenced' },
        ],
        // Told mid-write that another region writes (active-active), it does not write again under
        // an epoch it was never given: it discards, as any region that is not the writer does.
        retry: [{ guard: 'isWriter', target: 'writing', reenter: true }, { target: 'next', actions: ['discard', 'markDone'] }],
      },
    },
    next: { always: [{ guard: 'working', target: 'fetching' }, { target: 'standby' }] },
  },
});
