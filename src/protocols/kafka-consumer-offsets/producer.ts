// The producer: asked by a client, it appends one record ("r1", "r2", ...) to the topic, spreading
// records over the partitions in turn, and waits for the broker's confirmation, sending again if
// none comes (the broker recognises a value it already has, so a retry never appends twice). The
// next record number is written to its log first, so no value is ever used twice, even across a
// crash. Each produce is a client operation, observed when invoked and when it returns.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { partitionName } from '../kafka/records';
import { settingsOf } from './config';
import type { Received } from './messages';
import { contextFactory } from './machine-context';

export interface ProducerContext {
  readonly broker: number;
  readonly partitions: number;
  readonly retryTicks: number;
  /** The number of the next record: "r3" when 3. */
  readonly next: number;
  /** The record on its way, if any. */
  readonly value: string | null;
  readonly partition: number;
}

type ProducerEvent = { type: 'produce' } | { type: 'retry' } | Received<'PRODUCED'>;

const operationId = (value: string) => `producer.${value.slice(1)}`;

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
      const value = `r${context.next}`;
      const partition = (context.next - 1) % context.partitions;
      enqueue.assign({ next: context.next + 1, value, partition });
      enqueue({ type: 'persist', params: { data: { next: context.next + 1 } } });
      enqueue({ type: 'observe', params: { value: { operation: 'invoke', id: operationId(value), action: 'produce', key: partitionName(partition), value } } });
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
      enqueue({ type: 'observe', params: { value: { operation: 'return', id: operationId(context.value), ok: true } } });
      enqueue({ type: 'cancelTimer', params: { name: 'retry' } });
      enqueue.assign({ value: null });
    }),
  },
});

export const producer = actions.createMachine({
  id: 'producer',
  context: contextFactory((input): ProducerContext => {
    const settings = settingsOf(input.self.config);
    return {
      broker: input.self.peers['broker']?.[0] ?? -1,
      partitions: settings.partitions,
      retryTicks: settings.requestTimeoutTicks,
      next: nextOf(input.log),
      value: null,
      partition: 0,
    };
  }),
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
