// The coordinator: it says which region's consumer is the writer, under an epoch that only grows.
// A failover (a person's action, "fail over to the next region") moves the writer and raises the
// epoch; the coordinator tells every consumer and the database, again on a timer until each has
// confirmed. Its choice is written to its log first, so a restart never goes back.
import { setup } from 'xstate';
import type { NodeId } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { contextFactory } from '../kafka/machine-context';
import { regionName, settingsOf } from './config';
import type { Received } from './messages';

export interface CoordinatorContext {
  readonly writer: number;
  readonly epoch: number;
  readonly regions: number;
  /** Every consumer, then the database: who must hear of each new writer. */
  readonly told: readonly NodeId[];
  /** Who has confirmed the current epoch. */
  readonly confirmed: readonly NodeId[];
  readonly retryTicks: number;
}

type CoordinatorEvent = { type: 'fail-over' } | { type: 'announce' } | Received<'WRITER_OK'>;

const base = setup({
  types: { context: {} as CoordinatorContext, events: {} as CoordinatorEvent, input: {} as MachineInput },
  actions: kitActions,
});

const announce = (context: CoordinatorContext) => ({
  type: 'WRITER',
  region: context.writer,
  epoch: context.epoch,
});

const machine = base.extend({
  actions: {
    failOver: base.enqueueActions(({ enqueue, context }) => {
      const writer = (context.writer + 1) % context.regions;
      const epoch = context.epoch + 1;
      enqueue.assign({ writer, epoch, confirmed: [] });
      enqueue({ type: 'persist', params: { data: { writer, epoch } } });
      enqueue({ type: 'note', params: { text: `fails over: region ${regionName(writer)} is the writer now, in epoch ${epoch}` } });
      enqueue({ type: 'broadcast', params: { to: context.told, body: { type: 'WRITER', region: writer, epoch } } });
      enqueue({ type: 'setTimer', params: { name: 'announce', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    announceAgain: base.enqueueActions(({ enqueue, context }) => {
      // Everyone starts knowing region A writes in epoch 1; only a later writer needs announcing.
      const to = context.epoch === 1 ? [] : context.told.filter((n) => !context.confirmed.includes(n));
      if (to.length === 0) return;
      enqueue({ type: 'broadcast', params: { to, body: announce(context) } });
      enqueue({ type: 'setTimer', params: { name: 'announce', ticksMin: context.retryTicks, ticksMax: context.retryTicks } });
    }),
    confirm: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'WRITER_OK' || event.epoch !== context.epoch || context.confirmed.includes(event.from)) return;
      const confirmed = [...context.confirmed, event.from];
      enqueue.assign({ confirmed });
      if (context.told.every((n) => confirmed.includes(n))) enqueue({ type: 'cancelTimer', params: { name: 'announce' } });
    }),
  },
});

export const coordinator = machine.createMachine({
  id: 'coordinator',
  context: contextFactory((input): CoordinatorContext => {
    const settings = settingsOf(input.self.config);
    const log = input.log ?? {};
    return {
      writer: typeof log['writer'] === 'number' ? log['writer'] : 0,
      epoch: typeof log['epoch'] === 'number' ? log['epoch'] : 1,
      regions: settings.regions,
      told: [...(input.self.peers['consumer'] ?? []), ...(input.self.peers['sink'] ?? [])],
      confirmed: [],
      retryTicks: settings.requestTimeoutTicks,
    };
  }),
  initial: 'serving',
  states: {
    serving: {
      entry: 'announceAgain',
      on: { 'fail-over': { actions: 'failOver' }, announce: { actions: 'announceAgain' }, WRITER_OK: { actions: 'confirm' } },
    },
  },
});
