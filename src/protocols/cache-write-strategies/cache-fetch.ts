// The cache's own reads of the database: on a read-through miss, and on a write-back write to a
// key it does not hold (it needs the current version before it can give the write the next one).
// Everyone asking for the key meanwhile waits for the one read; the read's lease keeps fills out.
import { note, send, type CacheContext, type Step, type Waiter } from './cache-context';
import { answerHit, answerMiss, applyWrite, install, newLease, withoutKey } from './cache-steps';
import type { Received } from './messages';
import { versionText } from './messages';
import { findEntry } from './table';

const FETCH_TIMER = 'fetch';

function wait(context: CacheContext, key: string, waiter: Waiter): Step {
  const fetch = context.fetches[key];
  if (fetch !== undefined)
    return {
      context: { ...context, fetches: { ...context.fetches, [key]: { ...fetch, waiting: [...fetch.waiting, waiter] } } },
      out: [note(`is already reading ${key} from the database: the request waits for it`)],
    };
  const leased = newLease(context, key);
  const timer = { name: FETCH_TIMER, ticksMin: context.settings.timeoutTicks, ticksMax: context.settings.timeoutTicks };
  return {
    context: { ...leased.context, fetches: { ...context.fetches, [key]: { token: leased.lease, waiting: [waiter] } } },
    out: [note(`reads ${key} from the database itself`), send(context.db, { type: 'READ', key, op: leased.lease }), { type: 'setTimer', params: timer }],
  };
}

/** A GET: a hit, a cache-aside miss, or a read-through miss that waits for the cache's own read. */
export function get(context: CacheContext, event: Received<'GET'>): Step {
  const hit = answerHit(context, event.from, event.key, event.op);
  if (hit !== null) return hit;
  const missed = { type: 'observe', params: { value: { lookup: 'miss', key: event.key } } } as const;
  const step =
    context.settings.readThrough || context.fetches[event.key] !== undefined
      ? wait(context, event.key, { from: event.from, op: event.op, write: null })
      : answerMiss(context, event.from, event.key, event.op);
  return { context: step.context, out: [missed, ...step.out] };
}

/** A write-back WRITE: applied at once when the key is here, else after the cache has read it. */
export function write(context: CacheContext, event: Received<'WRITE'>): Step {
  const held = findEntry(context.entries, event.key) ?? context.flushing.find((f) => f.key === event.key);
  if (held !== undefined && context.fetches[event.key] === undefined) return applyWrite(context, event.key, event.value, event.from, event.op);
  return wait(context, event.key, { from: event.from, op: event.op, write: event.value });
}

function answer(step: Step, event: Received<'VALUE'>, waiter: Waiter): Step {
  if (waiter.write !== null) {
    const written = applyWrite(step.context, event.key, waiter.write, waiter.from, waiter.op);
    return { context: written.context, out: [...step.out, ...written.out] };
  }
  // A reader gets what the database said: its read overlapped whatever came after.
  const body = { type: 'VALUE', key: event.key, value: event.value, version: event.version, op: waiter.op };
  return { context: step.context, out: [...step.out, send(waiter.from, body)] };
}

/**
 * Correct: the value of the cache's own read goes in only while its lease stands, so a write that
 * invalidated the key meanwhile is not undone by the older value. (A write-back write waiting for
 * the read needs the entry whatever happens: nothing there invalidates.)
 */
export function fetchStillLeased(context: CacheContext, event: Received<'VALUE'>): boolean {
  const fetch = context.fetches[event.key];
  return fetch !== undefined && (context.leases[event.key] === fetch.token || fetch.waiting.some((w) => w.write !== null));
}

/** The database's answer to the cache's own read: the entry goes in if allowed, and everyone waiting is answered. */
export function fetched(context: CacheContext, event: Received<'VALUE'>, allowed: boolean): Step {
  const fetch = context.fetches[event.key];
  if (fetch === undefined || fetch.token !== event.op) return { context, out: [] };
  const fetches = withoutKey(context.fetches, event.key);
  const leases = context.leases[event.key] === fetch.token ? withoutKey(context.leases, event.key) : context.leases;
  const what = `${event.key}=${event.value} ${versionText(event.version)}`;
  let step: Step = { context: { ...context, fetches, leases }, out: [] };
  if (!allowed) {
    step = { ...step, out: [note(`does not fill ${what}: ${event.key} was written while it was reading (its lease ${fetch.token} is withdrawn)`)] };
  } else if (findEntry(context.entries, event.key) === undefined) {
    const entry = { key: event.key, value: event.value, version: event.version, floor: event.version, dirty: false };
    const installed = install(step.context, entry);
    step = { context: installed.context, out: [note(`fills ${what} from its own read`), ...installed.out] };
  }
  for (const waiter of fetch.waiting) step = answer(step, event, waiter);
  const idle = Object.keys(fetches).length === 0 ? [{ type: 'cancelTimer', params: { name: FETCH_TIMER } } as const] : [];
  return { context: step.context, out: [...step.out, ...idle] };
}

/** No answer in time: the cache asks the database again (a read is safe to repeat). */
export function refetch(context: CacheContext): Step {
  const keys = Object.keys(context.fetches);
  if (keys.length === 0) return { context, out: [] };
  const timer = { name: FETCH_TIMER, ticksMin: context.settings.timeoutTicks, ticksMax: context.settings.timeoutTicks };
  return {
    context,
    out: [
      note(`has no answer from the database yet: it asks again for ${keys.join(', ')}`),
      ...keys.map((key) => send(context.db, { type: 'READ', key, op: context.fetches[key]!.token })),
      { type: 'setTimer', params: timer },
    ],
  };
}

export const fetchTimerName = FETCH_TIMER;
