// A Kafka producer, shared by the Kafka protocols: asked by a client, it appends one record
// ("r1", "r2", ... or "a1", "a2" for region A) to the topic, spreading records over the
// partitions in turn, and waits for the broker's confirmation, sending again if none comes (the
// broker recognises a value it already has, so a retry never appends twice). The next record number
// is written to its log first, so no value is ever used twice, even across a crash. Each produce
// is a client operation, observed when invoked and when it returns.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { formatRecord, kitActions, type DescribedNode, type MachineInput, type NodeView } from '../kit';
import { contextFactory } from './machine-context';
import { partitionName } from './records';

export interface ProducerContext {
  readonly broker: number;
  /** The records' names: "r" gives r1, r2... */
  readonly prefix: string;
  /** The producer's node name, which names its operations ("producer.3", "PA.3"). */
  readonly name: string;
  readonly partitions: number;
  readonly retryTicks: number;
  /** The number of the next record: "r3" when 3. */
  readonly next: number;
  /** The record on its way, if any. */
  readonly value: string | null;
  readonly partition: number;
}

/** Where a producer sends and what it names its records, read from its input. */
export interface ProducerPlace {
  readonly broker: number;
  readonly prefix: string;
  readonly partitions: number;
  readonly retryTicks: number;
}

type Produced = { readonly type: 'PRODUCED'; readonly from: number; readonly partition: number; readonly offset: number; readonly value: string };
type ProducerEvent = { type: 'produce' } | { type: 'retry' } | Produced;

const operationId = (name: string, value: string) => `${name}.${value.slice(1)}`;

const nextOf = (log: Persisted | null) => (typeof log?.['next'] === 'number' ? log['next'] : 1);

const base = setup({
  types: { context: {} as ProducerContext, events: {} as ProducerEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    confirmsCurrent: ({ context, event }) => event.type === 'PRODUCED' && event.value === context.value,
  },
});

const actions = base.extend({
  actions: {
    startProduce: base.enqueueActions(({ enqueue, context }) => {
      const value = `${context.prefix}${context.next}`;
      const partition = (context.next - 1) % context.partitions;
      enqueue.assign({ next: context.next + 1, value, partition });
      enqueue({ type: 'persist', params: { data: { next: context.next + 1 } } });
      enqueue({ type: 'observe', params: { value: { operation: 'invoke', id: operationId(context.name, value), action: 'produce', key: partitionName(partition), value } } });
      enqueue({ type: 'send', params: { to: context.broker, body: { type: 'PRODUCE', partition, value } } });
      enqueue({ type: 'setTimer', params: { name: 'retry', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    resend: base.enqueueActions(({ enqueue, context }) => {
      if (context.value === null) return;
      enqueue({ type: 'note', params: { text: `has no confirmation for ${context.value}: it sends it again` } });
      enqueue({ type: 'send', params: { to: context.broker, body: { type: 'PRODUCE', partition: context.partition, value: context.value } } });
      enqueue({ type: 'setTimer', params: { name: 'retry', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    finish: base.enqueueActions(({ enqueue, context }) => {
      if (context.value === null) return;
      enqueue({ type: 'observe', params: { value: { operation: 'return', id: operationId(context.name, context.value), ok: true } } });
      enqueue({ type: 'cancelTimer', params: { name: 'retry' } });
      enqueue.assign({ value: null });
    }),
  },
});

/** A producer machine for a protocol: `place` says, from a node's input, where it sends and how it names records. */
export function producerMachine(place: (input: MachineInput) => ProducerPlace) {
  return actions.createMachine({
    id: 'producer',
    context: contextFactory(
      (input): ProducerContext => ({ ...place(input), name: input.self.name, next: nextOf(input.log), value: null, partition: 0 }),
    ),
    initial: 'idle',
    states: {
      idle: { on: { produce: { target: 'sending', actions: 'startProduce' } } },
      /** A record is on its way to the broker. */
      sending: {
        on: {
          PRODUCED: { guard: 'confirmsCurrent', target: 'idle', actions: 'finish' },
          retry: { actions: 'resend' },
        },
      },
    },
  });
}

/** What a producer shows: the record on its way, or the next one it will produce. */
export function describeProducer(view: NodeView): DescribedNode {
  const field = (name: string, value: string) => ({ name, value });
  if (view.state === null) return { status: 'down', fields: [field('state', 'down'), field('log', formatRecord(view.persisted))] };
  const context = view.state.context as unknown as ProducerContext;
  const next = `${context.prefix}${context.next}`;
  const sending = context.value === null ? null : context.partitions > 1 ? `${context.value} to ${partitionName(context.partition)}` : context.value;
  return {
    label: sending === null ? 'idle' : `sending ${context.value}`,
    status: sending === null ? 'idle' : 'waiting',
    fields: [field('sending', sending ?? 'nothing'), field('next record', next)],
    facts: [sending === null ? { kind: 'value', name: 'next', value: next } : { kind: 'value', name: 'sending', value: sending }],
  };
}
