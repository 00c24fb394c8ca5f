// A region's Kafka cluster.
//
// It holds the region's own stream, where the region's producers append (a client asks it to
// produce the next record: a1, a2 in region A), and the aggregate
// stream, which holds every region's records: its own are copied in at once, the others by the
// region's replicator (MirrorMaker's job), which asks every other region for its stream on a timer
// and appends what is new. A remote copy can lag, be delayed, or be cut off by a partition, so
// each aggregate gets the same records in its own order, at its own offsets.
//
// It also keeps the checkpoints: the latest one from its own consumer while that consumer is the
// writer, shipped to the other regions on a timer, and the latest one shipped to it, which a
// consumer taking over here resumes from.
import { setup } from 'xstate';
import type { NodeId, Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { appendNew, type Stream } from '../kafka/log';
import { contextFactory } from '../kafka/machine-context';
import { checkpointText, newer, readCheckpoint } from './checkpoint';
import { recordPrefix, regionName, regionOf, settingsOf, sourceOf, type Settings } from './config';
import type { Checkpoint, Received } from './messages';

export interface ClusterContext {
  readonly settings: Settings;
  readonly region: number;
  readonly clusters: readonly NodeId[];
  readonly stream: Stream;
  readonly aggregate: Stream;
  /** Per region, how many of its records the aggregate holds (the next offset to copy). */
  readonly mirrored: readonly number[];
  /** The latest checkpoint of this region's writer, and the latest shipped here from another region. */
  readonly own: Checkpoint | null;
  readonly shipped: Checkpoint | null;
}

type ClusterEvent =
  | { type: 'produce' }
  | Received<'MIRROR_FETCH'>
  | Received<'MIRROR_RECORDS'>
  | Received<'FETCH'>
  | Received<'CHECKPOINT'>
  | Received<'SHIP'>
  | Received<'RESUME'>
  | { type: 'replicate' }
  | { type: 'ship' };

const words = (text: unknown): string[] => (typeof text === 'string' && text !== '' ? text.split(' ') : []);
const mirroredOf = (aggregate: Stream, regions: number) =>
  Array.from({ length: regions }, (_, r) => aggregate.filter((v) => sourceOf(v)?.region === r).length);

function clusterContext(input: MachineInput): ClusterContext {
  const settings = settingsOf(input.self.config);
  const log: Persisted = input.log ?? {};
  const aggregate = words(log['aggregate']);
  return {
    settings,
    region: regionOf(input.self.peers, 'cluster', input.self.id),
    clusters: [...(input.self.peers['cluster'] ?? [])],
    stream: words(log['stream']),
    aggregate,
    mirrored: mirroredOf(aggregate, settings.regions),
    own: readCheckpoint(log['checkpoint']),
    shipped: readCheckpoint(log['shipped']),
  };
}

const timer = (name: string, ticks: number) => ({ type: 'setTimer' as const, params: { name, ticksMin: ticks, ticksMax: ticks } });

const base = setup({
  types: { context: {} as ClusterContext, events: {} as ClusterEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    hasCheckpoint: ({ context }) => context.own !== null,
  },
});

const machine = base.extend({
  actions: {
    armTimers: base.enqueueActions(({ enqueue, context }) => {
      enqueue(timer('replicate', context.settings.replicationTicks));
      if (context.own !== null) enqueue(timer('ship', context.settings.checkpointTicks));
    }),
    produce: base.enqueueActions(({ enqueue, context }) => {
      const value = `${recordPrefix(context.region)}${context.stream.length + 1}`;
      const id = `${regionName(context.region)}.${context.stream.length + 1}`;
      const stream = [...context.stream, value];
      const aggregate = appendNew(context.aggregate, [value]);
      const mirrored = context.mirrored.map((n, r) => (r === context.region ? stream.length : n));
      enqueue({ type: 'observe', params: { value: { operation: 'invoke', id, action: 'produce', key: regionName(context.region), value } } });
      enqueue.assign({ stream, aggregate, mirrored });
      enqueue({ type: 'persist', params: { data: { stream: stream.join(' '), aggregate: aggregate.join(' ') } } });
      const text = `appends ${value} to its stream at offset ${stream.length - 1}, and copies it into its aggregate at once, at offset ${aggregate.length - 1}`;
      enqueue({ type: 'note', params: { text } });
      enqueue({ type: 'observe', params: { value: { operation: 'return', id, ok: true } } });
    }),
    askOthers: base.enqueueActions(({ enqueue, context }) => {
      context.clusters.forEach((node, r) => {
        if (r !== context.region) enqueue({ type: 'send', params: { to: node, body: { type: 'MIRROR_FETCH', start: context.mirrored[r] ?? 0 } } });
      });
      enqueue(timer('replicate', context.settings.replicationTicks));
    }),
    serveMirror: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'MIRROR_FETCH') return;
      const values = context.stream.slice(event.start, event.start + 5);
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'MIRROR_RECORDS', region: context.region, start: event.start, values } } });
    }),
    copyIn: base.enqueueActions(({ enqueue, context, event }) => {
      // Only a copy that continues where the aggregate is: a late or repeated answer brings nothing.
      if (event.type !== 'MIRROR_RECORDS' || event.start !== context.mirrored[event.region] || event.values.length === 0) return;
      const aggregate = appendNew(context.aggregate, event.values);
      const mirrored = context.mirrored.map((n, r) => (r === event.region ? n + event.values.length : n));
      enqueue.assign({ aggregate, mirrored });
      enqueue({ type: 'persist', params: { data: { aggregate: aggregate.join(' ') } } });
      const at = event.values.map((v) => aggregate.indexOf(v)).join(', ');
      enqueue({ type: 'note', params: { text: `copies ${event.values.join(' ')} from region ${regionName(event.region)} into its aggregate, at offset${event.values.length === 1 ? '' : 's'} ${at}` } });
    }),
    serveFetch: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'FETCH') return;
      const values = context.aggregate.slice(event.start, event.start + event.max);
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'RECORDS', start: event.start, values } } });
    }),
    keepCheckpoint: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'CHECKPOINT') return;
      const own = newer(context.own, event.checkpoint);
      if (own === context.own) return;
      enqueue.assign({ own });
      enqueue({ type: 'persist', params: { data: { checkpoint: checkpointText(own!) } } });
      if (context.own === null) enqueue(timer('ship', context.settings.checkpointTicks));
    }),
    shipCheckpoint: base.enqueueActions(({ enqueue, context }) => {
      if (context.own === null) return;
      context.clusters.forEach((node, r) => {
        if (r !== context.region) enqueue({ type: 'send', params: { to: node, body: { type: 'SHIP', checkpoint: context.own! } } });
      });
      enqueue(timer('ship', context.settings.checkpointTicks));
    }),
    keepShipped: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'SHIP') return;
      const shipped = newer(context.shipped, event.checkpoint);
      if (shipped === context.shipped) return;
      enqueue.assign({ shipped });
      enqueue({ type: 'persist', params: { data: { shipped: checkpointText(shipped!) } } });
      enqueue({ type: 'note', params: { text: `keeps the checkpoint shipped from region ${regionName(event.checkpoint.region)}: ${checkpointText(shipped!)}` } });
    }),
    answerResume: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'RESUME') return;
      const checkpoint = newer(context.shipped, context.own);
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'RESUME_FROM', checkpoint, aggregate: context.aggregate } } });
    }),
  },
});

export const cluster = machine.createMachine({
  id: 'cluster',
  context: contextFactory(clusterContext),
  initial: 'serving',
  states: {
    /** Always serving: appends, copies, fetches and checkpoints. */
    serving: {
      entry: 'armTimers',
      on: {
        produce: { actions: 'produce' },
        MIRROR_FETCH: { actions: 'serveMirror' },
        MIRROR_RECORDS: { actions: 'copyIn' },
        FETCH: { actions: 'serveFetch' },
        CHECKPOINT: { actions: 'keepCheckpoint' },
        SHIP: { actions: 'keepShipped' },
        RESUME: { actions: 'answerResume' },
        replicate: { actions: 'askOthers' },
        ship: { guard: 'hasCheckpoint', actions: 'shipCheckpoint' },
      },
    },
  },
});
