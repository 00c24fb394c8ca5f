// An application server: a client of the cache and the database.
//
// A read asks the cache first. A hit is answered from the cache. On a miss, cache-aside, the
// server reads the database itself and FILLs the cache with what it read, under the lease the
// miss handed out; read-through, the cache reads the database and answers. A read that gets no
// answer in time fails.
//
// A write follows the strategy's plan (app-plan.ts): write-through writes the database and
// updates the cache's copy to the database's version (in parallel mode it also sends the cache an
// unversioned copy at once, then confirms it); write-around writes the database and invalidates
// the cache's copy; write-back writes the cache only. Steps that go to the database, and the
// cache steps after it, are resent until answered, so an acknowledged write is in the database
// and the cache cannot be left holding an older value. Every operation is observed as an invoke
// and a return, the shape the timeline draws as an interval.
//
// The failures it teaches: the broken variant `invalidate-then-write` invalidates the cache
// before writing the database, so a read in between puts the old value back;
// `parallel-write-partial-failure` sends both writes once and never repairs the one that failed.
import { setup } from 'xstate';
import { kitActions, type MachineInput } from '../kit';
import { initialApp, nextValue, type AppContext, type Operation } from './app-context';
import { correctPlan, planWords, type WriteStep } from './app-plan';
import { keyNames, type CacheConfig } from './config';
import { versionText, type Received } from './messages';

export type AppEvent =
  | { type: `read ${string}` }
  | { type: `write ${string}` }
  | { type: 'timeout' }
  | { type: 'retry' }
  | Received<'HIT'>
  | Received<'MISS'>
  | Received<'VALUE'>
  | Received<'WRITTEN'>
  | Received<'STORED'>
  | Received<'INVALIDATED'>;

const current = (context: AppContext, event: AppEvent) => context.op !== null && 'op' in event && event.op === context.op.id;
const stepIs = (context: AppContext, step: WriteStep) => context.op !== null && context.op.plan[context.op.step] === step;

const base = setup({
  types: { context: {} as AppContext, events: {} as AppEvent, input: {} as MachineInput<CacheConfig> },
  actions: kitActions,
  guards: {
    restarted: ({ context }) => context.boot > 1,
    answersThis: ({ context, event }) => current(context, event),
    fromCache: ({ context, event }) => current(context, event) && 'from' in event && event.from === context.cache,
    databaseNext: ({ context }) => stepIs(context, 'database'),
    bothNext: ({ context }) => stepIs(context, 'both'),
    bothOnceNext: ({ context }) => stepIs(context, 'both-once'),
    updateNext: ({ context }) => stepIs(context, 'update'),
    invalidateNext: ({ context }) => stepIs(context, 'invalidate'),
    cacheNext: ({ context }) => stepIs(context, 'cache'),
  },
});

/** The action a variant may replace (see variants.ts): how a write is carried out. */
export const appSetup = base.extend({
  actions: {
    planWrite: base.assign({ op: ({ context }) => (context.op === null ? null : { ...context.op, plan: correctPlan(context) }) }),
  },
});

const withOp = (context: AppContext, change: Partial<Operation>) => (context.op === null ? null : { ...context.op, ...change });
const timer = (context: AppContext, name: 'timeout' | 'retry') => ({ type: 'setTimer', params: { name, ticksMin: context.timeoutTicks, ticksMax: context.timeoutTicks } }) as const;

const actions = appSetup.extend({
  actions: {
    startOp: appSetup.enqueueActions(({ enqueue, context, event }) => {
      const [action, key] = event.type.split(' ') as ['read' | 'write', string];
      const seq = context.ops + 1;
      const value = action === 'write' ? nextValue(context) : null;
      const op: Operation = { id: `${context.self}.${seq}`, action, key, value, seq, plan: [], step: 0, version: null, lease: null };
      enqueue.assign({ ops: seq, writes: context.writes + (action === 'write' ? 1 : 0), op });
      const invoke = { operation: 'invoke', id: op.id, action, key, ...(value === null ? {} : { value }) };
      enqueue({ type: 'observe', params: { value: invoke } });
    }),
    askCache: appSetup.enqueueActions(({ enqueue, context }) => {
      if (context.op === null) return;
      enqueue({ type: 'send', params: { to: context.cache, body: { type: 'GET', key: context.op.key, op: context.op.id } } });
      enqueue(timer(context, 'timeout'));
    }),
    askDatabase: appSetup.enqueueActions(({ enqueue, context, event }) => {
      if (context.op === null || event.type !== 'MISS') return;
      enqueue.assign({ op: withOp(context, { lease: event.lease }), cacheBoot: event.boot });
      enqueue({ type: 'note', params: { text: `misses: it reads ${event.key} from the database` } });
      enqueue({ type: 'send', params: { to: context.db, body: { type: 'READ', key: event.key, op: context.op.id } } });
      enqueue(timer(context, 'timeout'));
    }),
    fillCache: appSetup.enqueueActions(({ enqueue, context, event }) => {
      if (context.op?.lease == null || event.type !== 'VALUE') return;
      const body = { type: 'FILL', key: event.key, value: event.value, version: event.version, lease: context.op.lease, op: context.op.id };
      enqueue({ type: 'send', params: { to: context.cache, body } });
    }),
    finishRead: appSetup.enqueueActions(({ enqueue, context, event }) => {
      if (context.op === null || (event.type !== 'HIT' && event.type !== 'VALUE')) return;
      if (event.type === 'HIT') enqueue.assign({ cacheBoot: event.boot });
      enqueue({ type: 'note', params: { text: `returns ${event.key} = ${event.value} (${versionText(event.version)}) to its client` } });
      const done = { operation: 'return', id: context.op.id, ok: true, values: [event.value], version: event.version };
      enqueue({ type: 'observe', params: { value: done } });
      enqueue.assign({ op: null });
    }),
    giveUp: appSetup.enqueueActions(({ enqueue, context }) => {
      if (context.op === null) return;
      const error = 'no answer in time';
      enqueue({ type: 'note', params: { text: `gives up on ${context.op.action} ${context.op.key}: ${error}` } });
      enqueue({ type: 'observe', params: { value: { operation: 'return', id: context.op.id, ok: false, error } } });
      enqueue.assign({ op: null });
    }),
    announceWrite: appSetup.enqueueActions(({ enqueue, context }) => {
      if (context.op !== null) enqueue({ type: 'note', params: { text: `writes ${context.op.key}=${context.op.value}: it ${planWords(context.op.plan)}` } });
    }),
    sendDatabaseWrite: appSetup.enqueueActions(({ enqueue, context }) => {
      const op = context.op;
      if (op === null) return;
      enqueue({ type: 'send', params: { to: context.db, body: { type: 'WRITE', key: op.key, value: op.value!, op: op.id, app: context.self } } });
    }),
    sendEarlySet: appSetup.enqueueActions(({ enqueue, context }) => {
      const op = context.op;
      if (op === null) return;
      const body = { type: 'SET', key: op.key, value: op.value!, version: null, app: context.self, seq: op.seq, boot: context.cacheBoot, op: op.id };
      enqueue({ type: 'send', params: { to: context.cache, body } });
    }),
    sendUpdate: appSetup.enqueueActions(({ enqueue, context }) => {
      const op = context.op;
      if (op === null) return;
      const body = { type: 'SET', key: op.key, value: op.value!, version: op.version, app: context.self, seq: op.seq, boot: context.cacheBoot, op: op.id };
      enqueue({ type: 'send', params: { to: context.cache, body } });
    }),
    sendInvalidate: appSetup.enqueueActions(({ enqueue, context }) => {
      if (context.op !== null) enqueue({ type: 'send', params: { to: context.cache, body: { type: 'INVALIDATE', key: context.op.key, op: context.op.id } } });
    }),
    sendCacheWrite: appSetup.enqueueActions(({ enqueue, context }) => {
      const op = context.op;
      if (op === null) return;
      enqueue({ type: 'send', params: { to: context.cache, body: { type: 'WRITE', key: op.key, value: op.value!, op: op.id, app: context.self } } });
    }),
    armRetry: appSetup.enqueueActions(({ enqueue, context }) => enqueue(timer(context, 'retry'))),
    armTimeout: appSetup.enqueueActions(({ enqueue, context }) => enqueue(timer(context, 'timeout'))),
    /** An answer to the step under way: note the version it carries, and move to the next step. */
    advance: appSetup.enqueueActions(({ enqueue, context, event }) => {
      const version = 'version' in event && typeof event.version === 'number' ? event.version : (context.op?.version ?? null);
      if ('boot' in event) enqueue.assign({ cacheBoot: event.boot });
      enqueue.assign({ op: withOp(context, { step: (context.op?.step ?? 0) + 1, version }) });
    }),
    finishWrite: appSetup.enqueueActions(({ enqueue, context }) => {
      const op = context.op;
      if (op === null) return;
      enqueue({ type: 'note', params: { text: `tells its client that ${op.key}=${op.value} is written (${versionText(op.version)})` } });
      enqueue({ type: 'observe', params: { value: { operation: 'return', id: op.id, ok: true, version: op.version } } });
      enqueue.assign({ op: null });
    }),
    recover: appSetup.enqueueActions(({ enqueue, context }) => {
      enqueue({ type: 'persist', params: { data: { starts: context.boot } } });
      enqueue({ type: 'note', params: { text: 'restarts: the operation it was carrying out, if any, is abandoned' } });
    }),
  },
});

// A client operation names its key: "read x", "write y". Every key's operations lead to the same
// states; the transitions are one per key because the engine hands a machine only the op's name.
const operations = Object.fromEntries(
  keyNames.flatMap((key) => [
    [`read ${key}`, { target: 'reading', actions: 'startOp' }],
    [`write ${key}`, { target: 'writing', actions: ['startOp', 'planWrite', 'announceWrite'] }],
  ]),
) as { [op: `${'read' | 'write'} ${string}`]: { target: 'reading' | 'writing'; actions: 'startOp' | readonly ['startOp', 'planWrite', 'announceWrite'] } };

// A step of a write is sent on entry, resent on the retry timer, and moves on when answered.
const moveOn = { guard: 'answersThis', target: 'next', actions: 'advance' } as const;

export const app = actions.createMachine({
  id: 'app',
  context: ({ input }) => initialApp(input),
  initial: 'start',
  states: {
    start: { always: [{ guard: 'restarted', target: 'idle', actions: 'recover' }, { target: 'idle' }] },
    idle: {
      on: {
        ...operations,
      },
    },
    reading: {
      initial: 'cache',
      exit: { type: 'cancelTimer', params: { name: 'timeout' } },
      on: { timeout: { target: 'idle', actions: 'giveUp' } },
      states: {
        /** Asked the cache: a hit, a miss (cache-aside), or the value (read-through). */
        cache: {
          entry: 'askCache',
          on: {
            HIT: { guard: 'answersThis', target: '#app.idle', actions: 'finishRead' },
            MISS: { guard: 'answersThis', target: 'database', actions: 'askDatabase' },
            VALUE: { guard: 'fromCache', target: '#app.idle', actions: 'finishRead' },
          },
        },
        /** Cache-aside after a miss: reading the database, then filling the cache. */
        database: {
          on: { VALUE: { guard: 'answersThis', target: '#app.idle', actions: ['fillCache', 'finishRead'] } },
        },
      },
    },
    writing: {
      initial: 'next',
      exit: [
        { type: 'cancelTimer', params: { name: 'retry' } },
        { type: 'cancelTimer', params: { name: 'timeout' } },
      ],
      on: { timeout: { target: 'idle', actions: 'giveUp' } },
      states: {
        /** Between steps: the plan says what comes next, or that the write is done. */
        next: {
          always: [
            { guard: 'databaseNext', target: 'database' },
            { guard: 'bothNext', target: 'both' },
            { guard: 'bothOnceNext', target: 'bothOnce' },
            { guard: 'updateNext', target: 'updating' },
            { guard: 'invalidateNext', target: 'invalidating' },
            { guard: 'cacheNext', target: 'cache' },
            { target: '#app.idle', actions: 'finishWrite' },
          ],
        },
        database: {
          entry: ['sendDatabaseWrite', 'armRetry'],
          on: { WRITTEN: moveOn, retry: { actions: ['sendDatabaseWrite', 'armRetry'] } },
        },
        /** Parallel write-through: the database and an early copy in the cache at once. */
        both: {
          entry: ['sendDatabaseWrite', 'sendEarlySet', 'armRetry'],
          on: { WRITTEN: moveOn, retry: { actions: ['sendDatabaseWrite', 'armRetry'] } },
        },
        /** The same two writes, each sent once: no resend, no confirmation (a broken variant's plan). */
        bothOnce: {
          entry: ['sendDatabaseWrite', 'sendEarlySet', 'armTimeout'],
          on: { WRITTEN: moveOn },
        },
        updating: {
          entry: ['sendUpdate', 'armRetry'],
          on: { STORED: moveOn, retry: { actions: ['sendUpdate', 'armRetry'] } },
        },
        invalidating: {
          entry: ['sendInvalidate', 'armRetry'],
          on: { INVALIDATED: moveOn, retry: { actions: ['sendInvalidate', 'armRetry'] } },
        },
        /** Write-back: the cache alone answers. */
        cache: {
          entry: ['sendCacheWrite', 'armTimeout'],
          on: { STORED: { guard: 'answersThis', target: 'next', actions: 'advance' } },
        },
      },
    },
  },
});
