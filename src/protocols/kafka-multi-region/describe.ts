// What the pictures and the inspector show: each region's stream and aggregate as strips with
// their markers, each consumer's role and place, the coordinator's writer, the database's list.
import type { DescribedNode, NodeFact, NodeView } from '../kit';
import { partitionFact, type LogMarker } from '../kafka/drawing';
import { clusters, consumers, counted, lostRecords, repeats } from './accounting';
import { checkpointText } from './checkpoint';
import type { ClusterContext } from './cluster';
import { regionName } from './config';
import type { ConsumerContext } from './consumer-setup';
import type { CoordinatorContext } from './coordinator';

const field = (name: string, value: string) => ({ name, value });

function describeCluster(view: NodeView): DescribedNode {
  const region = clusters(view.world).findIndex((c) => c.node === view.id);
  const mine = clusters(view.world)[region]!;
  const name = regionName(region);
  const reader = consumers(view.world).find((c) => c.context.region === region && (c.context.writer || c.context.settings.arrangement === 'active-active'));
  const own = mine.context?.own ?? null;
  const markers: LogMarker[] = [];
  if (reader !== undefined) markers.push({ at: reader.context.position, label: `C${name}` });
  if (own !== null && own.region === region) markers.push({ at: own.aggregateOffset, label: 'checkpoint' });
  markers.push({ at: mine.aggregate.length, label: 'end' });
  const lost = new Set(lostRecords(view.world));
  const facts: NodeFact[] = [
    partitionFact(0, mine.stream, [{ at: mine.stream.length, label: 'end' }], undefined, `${name} stream`),
    partitionFact(0, mine.aggregate, markers, (o) => (lost.has(mine.aggregate[o]!) ? 'bad' : undefined), `${name} aggregate`),
  ];
  const fields = [
    field('stream', mine.stream.join(' ') || 'empty'),
    field('aggregate', mine.aggregate.join(' ') || 'empty'),
    field('checkpoint', own === null ? 'none' : checkpointText(own)),
    field('shipped here', mine.context?.shipped === null || mine.context === null ? 'none' : checkpointText(mine.context.shipped)),
  ];
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: its streams and checkpoints are on disk'), ...fields], facts };
  const context = view.state.context as unknown as ClusterContext;
  const behind = context.mirrored.reduce((sum, n, r) => sum + Math.max(0, (clusters(view.world)[r]?.stream.length ?? 0) - n), 0);
  return { label: behind > 0 ? `${behind} to copy` : 'in step', status: behind > 0 ? 'working' : 'idle', fields, facts };
}

const consumerWords: { readonly [state: string]: string } = {
  standby: 'standing by',
  claiming: 'claiming the writer role',
  resuming: 'mapping the checkpoint',
  fetching: 'polling',
  idle: 'idle',
  polled: 'holding a batch',
  writing: 'writing',
};

function describeConsumer(view: NodeView): DescribedNode {
  if (view.state === null) return { status: 'down', fields: [field('state', 'down')] };
  const context = view.state.context as unknown as ConsumerContext;
  const state = typeof view.state.value === 'string' ? view.state.value : '';
  const words = consumerWords[state] ?? state;
  const role = context.writer ? `writer, epoch ${context.epoch}` : context.settings.arrangement === 'active-active' ? 'not the writer: discards its output' : 'passive';
  const done = context.progress.map((n, r) => `${regionName(r)}:${n}`).join(' ');
  return {
    label: words,
    status: state === 'standby' ? 'idle' : state === 'claiming' || state === 'resuming' ? 'waiting' : 'working',
    fields: [field('role', role), field('state', words), field('position', String(context.position)), field('done', done), field('holds', context.batch.map((r) => r.value).join(' ') || 'nothing')],
    facts: [
      { kind: 'value', name: context.writer ? 'writer' : 'role', value: context.writer ? `e${context.epoch} @${context.position}` : role },
      ...(context.batch.length > 0 ? [{ kind: 'value' as const, name: 'holds', value: context.batch.map((r) => r.value).join(' ') }] : []),
    ],
  };
}

function describeCoordinator(view: NodeView): DescribedNode {
  if (view.state === null) return { status: 'down', fields: [field('state', 'down')] };
  const context = view.state.context as unknown as CoordinatorContext;
  const writer = `region ${regionName(context.writer)}, epoch ${context.epoch}`;
  return { label: `writer ${regionName(context.writer)}`, status: 'idle', fields: [field('writer', writer)], facts: [{ kind: 'value', name: 'writer', value: `${regionName(context.writer)} e${context.epoch}` }] };
}

function describeDatabase(view: NodeView): DescribedNode {
  const list = counted(view.world);
  const again = new Map(repeats(view.world).map((r) => [r.again, r.withinBound] as const));
  const items: { text: string; mark?: string; tone?: 'warn' | 'bad' }[] = list.map((c) => {
    const text = `${c[0]} (${regionName(c[1])})`;
    const within = again.get(c);
    return within === undefined ? { text } : within ? { text, mark: 'again', tone: 'warn' } : { text, mark: 'twice', tone: 'bad' };
  });
  for (const v of lostRecords(view.world)) items.push({ text: v, mark: 'missing', tone: 'bad' });
  const facts: NodeFact[] = [{ kind: 'list', name: 'counted', items }];
  const fields = [field('counted', list.map((c) => `${c[0]} from ${regionName(c[1])} e${c[2]}`).join(', ') || 'nothing yet')];
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: its rows are on disk'), ...fields], facts };
  const bad = items.some((i) => i.tone === 'bad');
  return { label: `${list.length} counted`, status: bad ? 'failed' : 'idle', fields, facts };
}

export function describe(view: NodeView): DescribedNode {
  switch (view.role) {
    case 'cluster':
      return describeCluster(view);
    case 'consumer':
      return describeConsumer(view);
    case 'coordinator':
      return describeCoordinator(view);
    default:
      return describeDatabase(view);
  }
}
