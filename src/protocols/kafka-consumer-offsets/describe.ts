// What the pictures and the inspector show for each node, in Kafka's words: the partitions as
// strips of records with their markers, the sink's list with duplicates and gaps marked, each
// consumer's generation, partitions and batch in hand.
import type { DescribedNode, FactTone, NodeView } from '../kit';
import { assignmentText } from '../kafka/assignors';
import { partitionFact, processedFact, type AnomalyTones, type LogMarker } from '../kafka/drawing';
import { isMember } from '../kafka/group';
import { positionOf } from '../kafka/offsets';
import { partitionName, recordsText } from '../kafka/records';
import { account, semanticsOf, type Account } from './accounting';
import type { BrokerContext } from './broker-state';
import type { ConsumerContext } from './consumer-state';
import { describeProducer } from '../kafka/producer';
import { promiseOf } from './semantics';

const field = (name: string, value: string) => ({ name, value });

function tonesOf(view: NodeView): AnomalyTones {
  const promise = promiseOf(semanticsOf(view.world));
  return { duplicate: promise.noDuplicates ? 'bad' : 'warn', missing: promise.noLoss ? 'bad' : 'warn' };
}

function partitionFacts(a: Account, tones: AnomalyTones) {
  const lost = new Set(a.lost.map((r) => `${r.p}@${r.o}`));
  return a.logs.map((values, p) => {
    const markers: LogMarker[] = [];
    for (const c of a.consumers) {
      const position = positionOf(c.context.positions, p);
      if (position !== null) markers.push({ at: position, label: c.context.name });
    }
    const committed = a.committed[p];
    if (committed !== null && committed !== undefined) markers.push({ at: committed, label: 'committed' });
    markers.push({ at: values.length, label: 'end' });
    return partitionFact(p, values, markers, (o) => (lost.has(`${p}@${o}`) ? tones.missing : (a.counts.get(values[o]!) ?? 0) > 1 ? tones.duplicate : undefined));
  });
}

const phaseWords = { empty: 'no members', joining: 'rebalancing: members rejoin', syncing: 'rebalancing: waiting for the assignment', stable: 'stable' };

function describeBroker(view: NodeView): DescribedNode {
  const a = account(view.world);
  const facts = partitionFacts(a, tonesOf(view));
  const logs = a.logs.map((l, p) => `${partitionName(p)}: ${l.length === 0 ? 'empty' : l.join(' ')}`).join('; ');
  const committed = a.committed.map((c, p) => `${partitionName(p)}=${c ?? 'none'}`).join(' ');
  if (view.state === null)
    return { status: 'down', fields: [field('state', 'down: its logs and committed offsets are on disk'), field('partitions', logs), field('committed', committed)], facts };
  const context = view.state.context as unknown as BrokerContext;
  const group = context.group;
  const rebalancing = group.phase === 'joining' || group.phase === 'syncing';
  return {
    label: rebalancing ? 'rebalancing' : `generation ${group.generation}`,
    status: rebalancing ? 'waiting' : 'idle',
    fields: [
      field('group', `generation ${group.generation}, ${phaseWords[group.phase]}`),
      field('members', group.members.length === 0 ? 'none' : group.members.map((m) => m.name).join(', ')),
      field('assignment', assignmentText(group.assignment)),
      field('partitions', logs),
      field('committed', committed),
      ...(context.outbox.length > 0 ? [field('to write to the sink', context.outbox.map((w) => recordsText(w.records)).join('; '))] : []),
    ],
    facts,
  };
}

const consumerWords: { readonly [state: string]: readonly [label: string, status: DescribedNode['status']] } = {
  joining: ['joining', 'waiting'],
  leading: ['assigning', 'waiting'],
  awaiting: ['awaiting partitions', 'waiting'],
  fetching: ['polling', 'working'],
  idle: ['idle', 'idle'],
  committingPolled: ['committing first', 'working'],
  polled: ['holding a batch', 'working'],
  processing: ['processing', 'working'],
  committing: ['committing', 'working'],
  transacting: ['in a transaction', 'working'],
};

function describeConsumer(view: NodeView): DescribedNode {
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: it kept nothing; it will rejoin and start from the committed offsets')] };
  const context = view.state.context as unknown as ConsumerContext;
  const group = account(view.world).group;
  const zombie =
    group !== null && context.generation !== null && context.positions.length + context.batch.length > 0 && (!isMember(group, context.name) || context.generation < group.generation);
  const state = typeof view.state.value === 'string' ? view.state.value : '';
  const [label, status] = consumerWords[state] ?? [state, 'working'];
  const owns = context.positions.length === 0 ? 'nothing' : context.positions.map(([p, o]) => `${partitionName(p)} at ${o}`).join(', ');
  const holds = context.batch.length === 0 ? 'nothing' : recordsText(context.batch);
  const owned = context.positions.length === 0 ? 'nothing' : context.positions.map(([p, o]) => `${partitionName(p)}@${o}`).join(' ');
  const generation = context.generation === null ? '' : ` in g${context.generation}`;
  const tone: FactTone = zombie ? 'warn' : 'plain';
  return {
    label: zombie ? `zombie, ${label}` : label,
    status: zombie ? 'blocked' : status,
    fields: [
      field('state', zombie ? `${label}, but the group has moved on without it (a zombie)` : label),
      field('generation', context.generation === null ? 'none yet' : String(context.generation)),
      field('owns', owns),
      field('holds', holds),
      field('will rejoin', context.rejoin ? 'yes, at its next poll' : 'no'),
    ],
    facts: [
      ...(context.positions.length > 0 ? [{ kind: 'value' as const, name: 'owns', value: `${owned}${generation}`, tone }] : []),
      ...(context.batch.length > 0 ? [{ kind: 'value' as const, name: 'holds', value: holds, tone }] : []),
    ],
  };
}

function describeSink(view: NodeView): DescribedNode {
  const a = account(view.world);
  const copies = new Map<string, number>();
  const items = a.processed.map(([value, by]) => {
    const copy = (copies.get(value) ?? 0) + 1;
    copies.set(value, copy);
    return { value, by, copy };
  });
  const facts = [processedFact('processed', items, a.lost.map((r) => r.v), tonesOf(view))];
  const fields = [
    field('processed', a.processed.length === 0 ? 'nothing yet' : a.processed.map(([v, by]) => `${v} (${by})`).join(', ')),
    field('processed twice', a.duplicates.length === 0 ? 'none' : a.duplicates.join(', ')),
    field('lost', a.lost.length === 0 ? 'none' : recordsText(a.lost)),
  ];
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: its list is on disk'), ...fields], facts };
  const promise = promiseOf(semanticsOf(view.world));
  const bad = (promise.noDuplicates && a.duplicates.length > 0) || (promise.noLoss && a.lost.length > 0);
  return { label: `${a.processed.length} processed`, status: bad ? 'failed' : 'idle', fields, facts };
}

export function describe(view: NodeView): DescribedNode {
  switch (view.role) {
    case 'broker':
      return describeBroker(view);
    case 'consumer':
      return describeConsumer(view);
    case 'producer':
      return describeProducer(view);
    default:
      return describeSink(view);
  }
}
