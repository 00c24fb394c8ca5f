// The sink: where the consumers' output goes (a database, an output topic). It records every
// output it is given, in order, with who produced it, and writes that list to its log before it
// answers. What it holds is what the delivery semantics are about: each record once, none
// missing.
//
// It applies a given write once: a copy of the same write (the network duplicating a message,
// or the transaction coordinator writing a committed transaction again) is confirmed without
// being applied again. A consumer that writes again because it heard no OK makes a new write,
// and the sink cannot tell that it is the same output: that is at-least-once's duplicate.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { recordsText } from '../kafka/records';
import type { Received } from './messages';
import { idsText, processedText, readIds, readProcessed } from './persisted';
import { contextFactory } from '../kafka/machine-context';

/** One processed record: its value and who processed it. */
export type Processed = readonly [value: string, by: string];

export interface SinkContext {
  readonly processed: readonly Processed[];
  /** The writes (output ids, transaction ids) already applied. */
  readonly applied: readonly string[];
}

type SinkEvent = Received<'OUTPUT'> | Received<'WRITE'>;

function fromLog(log: Persisted | null): SinkContext {
  return { processed: readProcessed(log?.['processed']), applied: readIds(log?.['writes']) };
}

const base = setup({
  types: { context: {} as SinkContext, events: {} as SinkEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    alreadyApplied: ({ context, event }) => context.applied.includes(event.id),
  },
});

const reply = (event: SinkEvent) => ({ type: event.type === 'OUTPUT' ? 'OUTPUT_OK' : 'WRITTEN', id: event.id });

const actions = base.extend({
  actions: {
    applyWrite: base.enqueueActions(({ enqueue, context, event }) => {
      const before = new Set(context.processed.map(([v]) => v));
      const processed = [...context.processed, ...event.records.map((r) => [r.v, event.by] as const)];
      const applied = [...context.applied, event.id];
      enqueue.assign({ processed, applied });
      enqueue({ type: 'persist', params: { data: { processed: processedText(processed), writes: idsText(applied) } } });
      const again = event.records.filter((r) => before.has(r.v));
      const twice = again.length === 0 ? '' : `: ${recordsText(again)} ${again.length === 1 ? 'was' : 'were'} already there, so ${again.length === 1 ? 'it is' : 'they are'} now processed twice`;
      enqueue({ type: 'note', params: { text: `records the output of ${recordsText(event.records)} from ${event.by}${twice}` } });
      enqueue({ type: 'send', params: { to: event.from, body: reply(event) } });
    }),
    confirmAgain: base.enqueueActions(({ enqueue, event }) => {
      enqueue({ type: 'note', params: { text: `has already applied this write of ${recordsText(event.records)}: it confirms it without applying it again` } });
      enqueue({ type: 'send', params: { to: event.from, body: reply(event) } });
    }),
  },
});

const write = [{ guard: 'alreadyApplied', actions: 'confirmAgain' }, { actions: 'applyWrite' }] as const;

export const sink = actions.createMachine({
  id: 'sink',
  context: contextFactory((input) => fromLog(input.log)),
  initial: 'ready',
  states: {
    ready: { on: { OUTPUT: write, WRITE: write } },
  },
});
