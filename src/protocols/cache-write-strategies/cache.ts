// The cache: a table of entries in memory in front of the database.
//
// Reads: a GET is a hit (answered from memory) or a miss. Cache-aside, the miss hands the app a
// lease and the app reads the database and FILLs the cache; read-through, the cache reads the
// database itself. A lease is withdrawn by any write to the key, so a FILL carrying a value read
// before that write is refused: the old read cannot overwrite the newer value. Entries expire
// after a TTL and, over capacity, the least recently used one is evicted.
//
// Writes: write-through SETs a copy it holds to the database's version (a parallel first write
// arrives unversioned and is confirmed later); write-around INVALIDATEs the copy; write-back
// WRITEs only here: the entry becomes the next version, dirty, the app is answered at once, and
// the cache FLUSHes dirty entries to the database on a timer, on eviction or expiry, or when
// asked. The cache's memory is volatile: a crash empties it. So a write-back cache writes each
// dirty entry to a durable log before answering, and reloads the log when it restarts.
//
// The failures it teaches: the broken variant `unguarded-fill` fills whatever arrives, so a read
// that missed before a write can put the old value back, for good when there is no TTL;
// `volatile-write-back` keeps dirty entries only in memory, so a crash loses acknowledged writes.
import { not, setup } from 'xstate';
import { kitActions, type MachineInput } from '../kit';
import { hasDirty, initialCache, note, TTL_TIMER, ttlTimer, type CacheContext, type Step } from './cache-context';
import { fetched, fetchStillLeased, get, refetch, write } from './cache-fetch';
import { expire, fill, fillAllowed, flushAll, flushed, invalidate, refuseFill, set } from './cache-steps';
import { keyNames, type CacheConfig } from './config';
import type { Received } from './messages';
import { recordText } from './table';

export type CacheEvent =
  | Received<'GET'>
  | Received<'FILL'>
  | Received<'SET'>
  | Received<'INVALIDATE'>
  | Received<'WRITE'>
  | Received<'VALUE'>
  | Received<'FLUSHED'>
  | { type: 'flush' }
  | { type: 'flush-now' }
  | { type: 'fetch' }
  | { type: `expiry of ${string}` };

export interface LogDirtyParams {
  readonly key: string;
  readonly value: string;
  readonly version: number;
}

const base = setup({
  types: {
    context: {} as CacheContext,
    events: {} as CacheEvent,
    input: {} as MachineInput<CacheConfig>,
  },
  actions: kitActions,
  guards: {
    /** Correct: a fill lands only under its miss's lease, into a key still not cached. */
    fillAllowed: ({ context, event }) => event.type === 'FILL' && fillAllowed(context, event),
    /** Correct: the cache's own read fills only while its lease stands. */
    fetchStillLeased: ({ context, event }) => event.type === 'VALUE' && fetchStillLeased(context, event),
    hasDirty: ({ context }) => hasDirty(context),
    restarted: ({ context }) => context.boot > 1,
  },
});

/** The actions a variant may replace (see variants.ts). */
export const cacheSetup = base.extend({
  actions: {
    /** Correct: a dirty entry reaches the durable log before the app hears that its write is done. */
    logDirty: base.enqueueActions(({ enqueue }, params: unknown) => {
      const { key, value, version } = params as LogDirtyParams;
      enqueue({ type: 'persist', params: { data: { [key]: recordText(value, version) } } });
    }),
    logFlushed: base.enqueueActions(({ enqueue }, params: unknown) => {
      const { key } = params as { key: string };
      enqueue({ type: 'persist', params: { data: { [key]: 'flushed' } } });
    }),
  },
});

type Handler = (context: CacheContext, event: CacheEvent) => Step;

/** Runs a handler: its context replaces the cache's, and its actions are taken in order. */
const run = (handler: Handler) =>
  cacheSetup.enqueueActions(({ context, event, enqueue }) => {
    const step = handler(context, event);
    enqueue.assign(step.context);
    for (const out of step.out) enqueue(out as never);
  });

const on = <T extends CacheEvent['type']>(type: T, handler: (context: CacheContext, event: Extract<CacheEvent, { type: T }>) => Step): Handler =>
  (context, event) => (event.type === type ? handler(context, event as Extract<CacheEvent, { type: T }>) : { context, out: [] });

const flushTimer = (context: CacheContext) => ({ name: 'flush', ticksMin: context.settings.flushTicks, ticksMax: context.settings.flushTicks });

const actions = cacheSetup.extend({
  actions: {
    get: run(on('GET', get)),
    fill: run(on('FILL', fill)),
    refuseFill: run(on('FILL', (context, event) => ({ context, out: refuseFill(context, event) }))),
    set: run(on('SET', set)),
    invalidate: run(on('INVALIDATE', invalidate)),
    write: run(on('WRITE', write)),
    fetched: run(on('VALUE', (context, event) => fetched(context, event, true))),
    fetchedLate: run(on('VALUE', (context, event) => fetched(context, event, false))),
    refetch: run((context) => refetch(context)),
    flushed: run(on('FLUSHED', flushed)),
    expire: run((context, event) => expire(context, event.type.slice(TTL_TIMER.length))),
    flush: run((context) => ({ context, out: [note('flushes its dirty entries to the database'), ...flushAll(context)] })),
    armFlush: cacheSetup.enqueueActions(({ context, enqueue }) => enqueue({ type: 'setTimer', params: flushTimer(context) })),
    recover: cacheSetup.enqueueActions(({ context, enqueue }) => {
      enqueue({ type: 'persist', params: { data: { starts: context.boot } } });
      const dirty = context.entries.map((e) => `${e.key}=${e.value}`);
      enqueue({
        type: 'note',
        params: { text: dirty.length === 0 ? 'restarts with an empty memory' : `restarts with an empty memory and reloads ${dirty.join(', ')} from its log: still dirty` },
      });
      if (context.settings.ttlTicks > 0)
        for (const e of context.entries) enqueue({ type: 'setTimer', params: { name: ttlTimer(e.key), ticksMin: context.settings.ttlTicks, ticksMax: context.settings.ttlTicks } });
    }),
  },
});

const expiries = Object.fromEntries(keyNames.map((key) => [ttlTimer(key), { actions: 'expire' }])) as { [timer: `expiry of ${string}`]: { actions: 'expire' } };

export const cache = actions.createMachine({
  id: 'cache',
  context: ({ input }) => initialCache(input.self.config, input.self.peers['database']![0]!, input.log),
  initial: 'start',
  on: {
    GET: { actions: 'get' },
    FILL: [{ guard: 'fillAllowed', actions: 'fill' }, { actions: 'refuseFill' }],
    SET: { actions: 'set' },
    INVALIDATE: { actions: 'invalidate' },
    WRITE: { actions: 'write' },
    VALUE: [{ guard: 'fetchStillLeased', actions: 'fetched' }, { actions: 'fetchedLate' }],
    FLUSHED: { actions: 'flushed' },
    fetch: { actions: 'refetch' },
    ...expiries,
  },
  states: {
    /** Passed through on every start: a restarted cache has lost its memory, all but its log. */
    start: {
      always: [{ guard: 'restarted', target: 'clean', actions: 'recover' }, { target: 'clean' }],
    },
    /** Everything it holds is also in the database. */
    clean: { always: { guard: 'hasDirty', target: 'dirty' } },
    /** Write-back: some entries are only here; the flush timer runs. */
    dirty: {
      entry: 'armFlush',
      exit: { type: 'cancelTimer', params: { name: 'flush' } },
      always: { guard: not('hasDirty'), target: 'clean' },
      on: { flush: { actions: ['flush', 'armFlush'] }, 'flush-now': { actions: 'flush' } },
    },
  },
});
