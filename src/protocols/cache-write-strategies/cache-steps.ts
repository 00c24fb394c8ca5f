// What the cache does with each request, as pure functions from its context to the new context
// and the actions to take (cache-context.ts). The machine (cache.ts) only routes events here.
import type { NodeId } from '../../engine';
import { note, send, ttlTimer, type CacheContext, type Out, type Step } from './cache-context';
import type { Received } from './messages';
import { versionText } from './messages';
import { addFlushing, applyVersionedSet, evictionVictim, findEntry, putEntry, removeEntry, touchEntry, type Entry } from './table';

const entryText = (e: { key: string; value: string; version: number | null }) => `${e.key}=${e.value} ${versionText(e.version)}`;

function ttlOut(context: CacheContext, key: string): Out[] {
  const ticks = context.settings.ttlTicks;
  return ticks > 0 ? [{ type: 'setTimer', params: { name: ttlTimer(key), ticksMin: ticks, ticksMax: ticks } }] : [];
}

const cancelTtl = (key: string): Out => ({ type: 'cancelTimer', params: { name: ttlTimer(key) } });

export function withoutKey<T>(table: { readonly [key: string]: T }, key: string): { [key: string]: T } {
  const { [key]: _gone, ...rest } = table;
  return rest;
}

/** A dirty entry leaving the table: it is kept aside and flushed until the database has it. */
function setAside(context: CacheContext, entry: Entry, why: string): Step {
  if (!entry.dirty || entry.version === null) return { context, out: [note(why)] };
  const version = entry.version;
  return {
    context: { ...context, flushing: addFlushing(context.flushing, { key: entry.key, value: entry.value, version }) },
    out: [note(`${why}; it is dirty, so it flushes it to the database first`), send(context.db, { type: 'FLUSH', key: entry.key, value: entry.value, version })],
  };
}

/** Puts an entry in as the most recently used, restarting its TTL and evicting the least recently used one when over capacity. */
export function install(context: CacheContext, entry: Entry): Step {
  const entries = putEntry(context.entries, entry);
  const out = ttlOut(context, entry.key);
  const victim = evictionVictim(entries, context.settings.capacity, entry.key);
  if (victim === undefined) return { context: { ...context, entries }, out };
  const evicted = setAside({ ...context, entries: removeEntry(entries, victim.key) }, victim, `evicts ${entryText(victim)}, the least recently used entry`);
  return { context: evicted.context, out: [...out, cancelTtl(victim.key), ...evicted.out] };
}

/** A new lease for a miss: it names this start of the cache, so no lease outlives a crash. */
export function newLease(context: CacheContext, key: string): { context: CacheContext; lease: string } {
  const count = context.leaseCount + 1;
  const lease = context.boot === 1 ? `L${count}` : `L${context.boot}.${count}`;
  return { context: { ...context, leaseCount: count, leases: { ...context.leases, [key]: lease } }, lease };
}

/** A cache-aside miss: the app gets a lease and reads the database itself. */
export function answerMiss(context: CacheContext, from: NodeId, key: string, op: string): Step {
  const leased = newLease(context, key);
  return {
    context: leased.context,
    out: [note(`does not hold ${key}: a miss`), send(from, { type: 'MISS', key, lease: leased.lease, op, boot: context.boot })],
  };
}

/** A hit, served from the table or from a dirty entry on its way to the database. */
export function answerHit(context: CacheContext, from: NodeId, key: string, op: string): Step | null {
  const entry = findEntry(context.entries, key) ?? context.flushing.find((f) => f.key === key);
  if (entry === undefined) return null;
  const version = entry.version;
  return {
    context: { ...context, entries: touchEntry(context.entries, key) },
    out: [{ type: 'observe', params: { value: { lookup: 'hit', key } } }, send(from, { type: 'HIT', key, value: entry.value, version, op, boot: context.boot })],
  };
}

/** Correct: a fill lands only under the lease of its miss, into a key still not cached. */
export function fillAllowed(context: CacheContext, event: Received<'FILL'>): boolean {
  return context.leases[event.key] === event.lease && findEntry(context.entries, event.key) === undefined && context.fetches[event.key] === undefined;
}

export function fill(context: CacheContext, event: Received<'FILL'>): Step {
  const entry = { key: event.key, value: event.value, version: event.version, floor: event.version, dirty: false };
  const cleared = { ...context, leases: context.leases[event.key] === event.lease ? withoutKey(context.leases, event.key) : context.leases };
  const installed = install(cleared, entry);
  const replaced = findEntry(context.entries, event.key);
  const over = replaced === undefined ? '' : `, over ${entryText(replaced)}${replaced.dirty ? ' (dirty!)' : ''}`;
  return { context: installed.context, out: [note(`fills ${entryText(entry)}${over}`), ...installed.out] };
}

export function refuseFill(context: CacheContext, event: Received<'FILL'>): Out[] {
  const held = findEntry(context.entries, event.key);
  const what = `${event.key}=${event.value} ${versionText(event.version)}`;
  if (held !== undefined) return [note(`refuses to fill ${what}: it already holds ${entryText(held)}`)];
  return [note(`refuses to fill ${what}: ${event.key} was written after that miss, so the value read may be older (its lease ${event.lease} is withdrawn)`)];
}

/** Write-through's SET: a versioned update, or (in parallel mode) an unversioned early copy. */
export function set(context: CacheContext, event: Received<'SET'>): Step {
  const base = { ...context, leases: withoutKey(context.leases, event.key) };
  const held = findEntry(context.entries, event.key);
  // The unversioned copy of a parallel write is not answered: the app waits for the database, then confirms.
  if (event.version === null) {
    const late = event.boot !== context.boot || event.seq <= (context.sealed[event.app] ?? 0);
    if (late) return { context: base, out: [note(`ignores the unversioned SET ${event.key}=${event.value}: ${event.app} has confirmed a later write since`)] };
    if (held === undefined) return { context: base, out: [note(`does not hold ${event.key}: nothing to update (the next read fills it)`)] };
    const early = { key: event.key, value: event.value, version: null, floor: held.version ?? held.floor, dirty: false };
    return { context: { ...base, entries: putEntry(base.entries, early) }, out: [note(`holds ${event.key}=${event.value} before the database has versioned it`), ...ttlOut(context, event.key)] };
  }
  const reply = send(event.from, { type: 'STORED', key: event.key, version: event.version, op: event.op, boot: context.boot });
  const sealed = { ...base, sealed: { ...base.sealed, [event.app]: Math.max(base.sealed[event.app] ?? 0, event.seq) } };
  const result = applyVersionedSet(held, event.value, event.version);
  const what = `${event.key}=${event.value} ${versionText(event.version)}`;
  switch (result.change) {
    case 'updated':
      return { context: { ...sealed, entries: putEntry(sealed.entries, result.entry!) }, out: [note(`updates its copy to ${what}`), ...ttlOut(context, event.key), reply] };
    case 'dropped':
      return {
        context: { ...sealed, entries: removeEntry(sealed.entries, event.key) },
        out: [note(`drops ${event.key}: a newer write reached the database before ${what}`), cancelTtl(event.key), reply],
      };
    case 'kept':
      return { context: sealed, out: [note(`keeps ${entryText(held!)}: it is newer than ${what}`), reply] };
    case 'absent':
      return { context: sealed, out: [note(`does not hold ${event.key}: nothing to update (the next read fills it)`), reply] };
  }
}

export function invalidate(context: CacheContext, event: Received<'INVALIDATE'>): Step {
  const held = findEntry(context.entries, event.key);
  const reply = send(event.from, { type: 'INVALIDATED', key: event.key, op: event.op, boot: context.boot });
  const next = { ...context, entries: removeEntry(context.entries, event.key), leases: withoutKey(context.leases, event.key) };
  const words = held === undefined ? `has no copy of ${event.key} to drop` : `drops its copy ${entryText(held)}`;
  return { context: next, out: [note(words), ...(held === undefined ? [] : [cancelTtl(event.key)]), reply] };
}

/** A write-back write: the entry becomes the next version, dirty, and the app is answered at once. */
export function applyWrite(context: CacheContext, key: string, value: string, from: NodeId, op: string): Step {
  const held = findEntry(context.entries, key) ?? context.flushing.find((f) => f.key === key);
  const version = (held?.version ?? 0) + 1;
  const installed = install({ ...context, leases: withoutKey(context.leases, key) }, { key, value, version, floor: version, dirty: true });
  return {
    context: installed.context,
    out: [
      note(`takes ${key}=${value} as ${versionText(version)}, dirty: the database does not have it yet`),
      ...installed.out,
      { type: 'logDirty', params: { key, value, version } },
      send(from, { type: 'STORED', key, version, op, boot: context.boot }),
    ],
  };
}

/** Every dirty entry (and every one set aside) goes to the database again. */
export function flushAll(context: CacheContext): Out[] {
  const dirty = [...context.entries.filter((e) => e.dirty && e.version !== null), ...context.flushing];
  return dirty.map((e) => send(context.db, { type: 'FLUSH', key: e.key, value: e.value, version: e.version! }));
}

export function flushed(context: CacheContext, event: Received<'FLUSHED'>): Step {
  const entries = context.entries.map((e) => (e.key === event.key && e.dirty && e.version !== null && e.version <= event.version ? { ...e, dirty: false } : e));
  const flushing = context.flushing.filter((f) => f.key !== event.key || f.version > event.version);
  const next = { ...context, entries, flushing };
  const stillDirty = entries.some((e) => e.key === event.key && e.dirty) || flushing.some((f) => f.key === event.key);
  const wasDirty = context.entries.some((e) => e.key === event.key && e.dirty) || context.flushing.some((f) => f.key === event.key);
  if (stillDirty || !wasDirty) return { context: next, out: [] };
  return { context: next, out: [note(`knows ${event.key} ${versionText(event.version)} is in the database: clean`), { type: 'logFlushed', params: { key: event.key } }] };
}

/** A TTL ran out: the entry goes (a dirty one is flushed first). */
export function expire(context: CacheContext, key: string): Step {
  const held = findEntry(context.entries, key);
  if (held === undefined) return { context, out: [] };
  return setAside({ ...context, entries: removeEntry(context.entries, key) }, held, `lets ${entryText(held)} expire (its TTL ran out)`);
}
