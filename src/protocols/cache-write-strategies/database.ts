// The database: the durable store behind the cache.
//
// Every key has a value and a version, a counter the database raises by one on every write. A
// WRITE from an application server is applied once: the database remembers each server's last
// write, so a WRITE resent after a lost answer is acknowledged again, not applied twice. A FLUSH
// from a write-back cache carries the cache's version and is applied only when it is newer than
// what the database holds, so a late or repeated flush cannot roll a key back. Everything is
// written to disk before anyone hears of it: a crash loses only messages in flight.
import { setup } from 'xstate';
import type { Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { initialValue, keysOf, type CacheConfig } from './config';
import type { Received } from './messages';
import { parseRecord, recordText } from './table';

export interface Stored {
  readonly value: string;
  readonly version: number;
}

export interface DatabaseContext {
  readonly data: { readonly [key: string]: Stored };
  /** App -> its last write applied, so a resent WRITE is recognised. */
  readonly applied: { readonly [app: string]: { readonly op: string; readonly version: number } };
  /** Whether this start follows a crash (the records came from disk). */
  readonly recovered: boolean;
}

export type DatabaseEvent = Received<'READ'> | Received<'WRITE'> | Received<'FLUSH'>;

const LAST_WRITE = "'s last write";

/** The database's records as its log holds them: keys first, then each server's last write. */
export function databaseFromLog(config: Pick<CacheConfig, 'keys'>, log: Persisted | null): DatabaseContext {
  const data: Record<string, Stored> = {};
  for (const key of keysOf(config)) data[key] = parseRecord(log?.[key]) ?? { value: initialValue(key), version: 0 };
  const applied: Record<string, { op: string; version: number }> = {};
  for (const [field, text] of Object.entries(log ?? {})) {
    if (!field.endsWith(LAST_WRITE)) continue;
    const record = parseRecord(text);
    if (record !== null) applied[field.slice(0, -LAST_WRITE.length)] = { op: record.value, version: record.version };
  }
  return { data, applied, recovered: log !== null };
}

const base = setup({
  types: {
    context: {} as DatabaseContext,
    events: {} as DatabaseEvent,
    input: {} as MachineInput<CacheConfig>,
  },
  actions: kitActions,
  guards: {
    restarted: ({ context }) => context.recovered,
    alreadyApplied: ({ context, event }) => event.type === 'WRITE' && context.applied[event.app]?.op === event.op,
    newerFlush: ({ context, event }) => event.type === 'FLUSH' && event.version > (context.data[event.key]?.version ?? 0),
  },
});

const actions = base.extend({
  actions: {
    read: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'READ') return;
      const stored = context.data[event.key]!;
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'VALUE', key: event.key, value: stored.value, version: stored.version, op: event.op } } });
    }),
    store: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'WRITE') return;
      const version = context.data[event.key]!.version + 1;
      enqueue.assign({
        data: { ...context.data, [event.key]: { value: event.value, version } },
        applied: { ...context.applied, [event.app]: { op: event.op, version } },
      });
      enqueue({ type: 'persist', params: { data: { [event.key]: recordText(event.value, version), [`${event.app}${LAST_WRITE}`]: recordText(event.op, version) } } });
      enqueue({ type: 'note', params: { text: `stores ${event.key}=${event.value} as v${version}` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'WRITTEN', key: event.key, version, op: event.op } } });
    }),
    answerAgain: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'WRITE') return;
      const version = context.applied[event.app]!.version;
      enqueue({ type: 'note', params: { text: `has already applied ${event.op} (as v${version}): it answers again without writing twice` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'WRITTEN', key: event.key, version, op: event.op } } });
    }),
    storeFlush: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'FLUSH') return;
      enqueue.assign({ data: { ...context.data, [event.key]: { value: event.value, version: event.version } } });
      enqueue({ type: 'persist', params: { data: { [event.key]: recordText(event.value, event.version) } } });
      enqueue({ type: 'note', params: { text: `stores the flushed ${event.key}=${event.value} v${event.version}` } });
    }),
    ignoreFlush: base.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'FLUSH') return;
      const held = context.data[event.key]!;
      enqueue({ type: 'note', params: { text: `keeps ${event.key}=${held.value} v${held.version}: the flushed v${event.version} is not newer` } });
    }),
    ackFlush: base.enqueueActions(({ enqueue, event }) => {
      if (event.type === 'FLUSH') enqueue({ type: 'send', params: { to: event.from, body: { type: 'FLUSHED', key: event.key, version: event.version } } });
    }),
  },
});

export const database = actions.createMachine({
  id: 'database',
  context: ({ input }) => databaseFromLog(input.self.config, input.log),
  initial: 'start',
  states: {
    /** Passed through on every start: the records on disk are the database. */
    start: {
      always: [
        { guard: 'restarted', target: 'serving', actions: { type: 'note', params: { text: 'restarts and reads its records from disk: nothing written is lost' } } },
        { target: 'serving' },
      ],
    },
    serving: {
      on: {
        READ: { actions: 'read' },
        WRITE: [{ guard: 'alreadyApplied', actions: 'answerAgain' }, { actions: 'store' }],
        FLUSH: [
          { guard: 'newerFlush', actions: ['storeFlush', 'ackFlush'] },
          { actions: ['ignoreFlush', 'ackFlush'] },
        ],
      },
    },
  },
});
