// The shared database every region's writer writes its output to (the sink).
//
// It counts output only from the writer: each write carries the epoch its writer was given, and
// the database keeps the highest epoch it has seen, from the coordinator or from a claim. A write
// from an older epoch, or from another region in the same epoch, is refused (fenced), so a region
// that has not yet heard it lost the writer role cannot make its output count. A new writer first
// claims its epoch here and reads what is already done: from then on the old writer is fenced.
//
// The failure it teaches: `no-writer-fencing` counts every write, whatever its epoch; after a
// failover the old writer's output and the new one's both count.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { contextFactory } from '../kafka/machine-context';
import { advanceProgress, noProgress, type Progress } from '../kafka/offset-mapping';
import { regionName, settingsOf, sourceOf } from './config';
import type { Received } from './messages';

/** One counted record: its value, the region that wrote it and that writer's epoch. */
export type Counted = readonly [value: string, region: number, epoch: number];

export interface DatabaseContext {
  readonly epoch: number;
  readonly writer: number;
  readonly counted: readonly Counted[];
  readonly progress: Progress;
  readonly applied: readonly string[];
}

type DatabaseEvent = Received<'WRITER'> | Received<'CLAIM'> | Received<'OUTPUT'>;

const countedText = (counted: readonly Counted[]) => counted.map(([v, r, e]) => `${v} from ${regionName(r)} e${e}`).join(', ');

function readCounted(text: unknown): Counted[] {
  if (typeof text !== 'string' || text === '') return [];
  return text.split(', ').flatMap((item) => {
    const match = /^(\S+) from ([A-C]) e(\d+)$/.exec(item);
    return match === null ? [] : [[match[1]!, match[2]!.charCodeAt(0) - 65, Number(match[3])] as const];
  });
}

function databaseContext(input: MachineInput): DatabaseContext {
  const log: Persisted = input.log ?? {};
  const settings = settingsOf(input.self.config);
  const counted = readCounted(log['counted']);
  const sources = counted.flatMap(([v]) => sourceOf(v) ?? []);
  return {
    epoch: typeof log['epoch'] === 'number' ? log['epoch'] : 1,
    writer: typeof log['writer'] === 'number' ? log['writer'] : 0,
    counted,
    progress: advanceProgress(noProgress(settings.regions), sources),
    applied: typeof log['writes'] === 'string' && log['writes'] !== '' ? log['writes'].split(' ') : [],
  };
}

const base = setup({
  types: { context: {} as DatabaseContext, events: {} as DatabaseEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    alreadyApplied: ({ context, event }) => event.type === 'OUTPUT' && context.applied.includes(event.id),
    /** Correct: only the writer of the newest epoch counts (a newer epoch is adopted on sight). */
    outputAllowed: ({ context, event }) =>
      event.type === 'OUTPUT' && (event.epoch > context.epoch || (event.epoch === context.epoch && event.region === context.writer)),
  },
});

export const databaseSetup = base;

const machine = base.extend({
  actions: {
    adopt: base.enqueueActions(({ enqueue, context, event }) => {
      if ((event.type !== 'WRITER' && event.type !== 'CLAIM' && event.type !== 'OUTPUT') || event.epoch <= context.epoch) return;
      enqueue.assign({ epoch: event.epoch, writer: event.region });
      enqueue({ type: 'persist', params: { data: { epoch: event.epoch, writer: event.region } } });
      enqueue({ type: 'note', params: { text: `now counts only region ${regionName(event.region)}'s output (epoch ${event.epoch})` } });
    }),
    ackWriter: base.enqueueActions(({ enqueue, event }) => {
      if (event.type === 'WRITER') enqueue({ type: 'send', params: { to: event.from, body: { type: 'WRITER_OK', epoch: event.epoch } } });
    }),
    answerClaim: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'CLAIM') return;
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'CLAIMED', epoch: Math.max(event.epoch, context.epoch), progress: context.progress } } });
    }),
    count: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'OUTPUT') return;
      const counted = [...context.counted, ...event.values.map((v) => [v, event.region, event.epoch] as const)];
      const applied = [...context.applied, event.id];
      const progress = advanceProgress(context.progress, event.values.flatMap((v) => sourceOf(v) ?? []));
      enqueue.assign({ counted, applied, progress });
      enqueue({ type: 'persist', params: { data: { counted: countedText(counted), writes: applied.join(' ') } } });
      const again = event.values.filter((v) => context.counted.some(([c]) => c === v));
      const twice = again.length === 0 ? '' : `: ${again.join(' ')} ${again.length === 1 ? 'was' : 'were'} already counted`;
      enqueue({ type: 'note', params: { text: `counts ${event.values.join(' ')} from region ${regionName(event.region)}${twice}` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'OUTPUT_OK', id: event.id } } });
    }),
    confirmAgain: base.enqueueActions(({ enqueue, event }) => {
      if (event.type === 'OUTPUT') enqueue({ type: 'send', params: { to: event.from, body: { type: 'OUTPUT_OK', id: event.id } } });
    }),
    fence: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'OUTPUT') return;
      enqueue({ type: 'note', params: { text: `refuses ${event.values.join(' ')} from region ${regionName(event.region)}: epoch ${event.epoch} is over, region ${regionName(context.writer)} writes in epoch ${context.epoch}` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'OUTPUT_FENCED', id: event.id, epoch: context.epoch } } });
    }),
  },
});

export const database = machine.createMachine({
  id: 'database',
  context: contextFactory(databaseContext),
  initial: 'serving',
  states: {
    serving: {
      on: {
        WRITER: { actions: ['adopt', 'ackWriter'] },
        CLAIM: { actions: ['adopt', 'answerClaim'] },
        OUTPUT: [
          { guard: 'alreadyApplied', actions: 'confirmAgain' },
          { guard: 'outputAllowed', actions: ['adopt', 'count'] },
          { actions: 'fence' },
        ],
      },
    },
  },
});

