// The cache's context, and the small vocabulary its handlers (cache-steps.ts, cache-fetch.ts)
// use to say what to do: the kit's named actions as data, plus the two log actions a variant
// replaces (`logDirty`, `logFlushed`).
import type { Json, NodeId, Persisted } from '../../engine';
import type { SendParams, SetTimerParams } from '../kit';
import { keysOf, initialValue, type CacheConfig, type Strategy } from './config';
import { parseRecord, type Entry, type Flushing } from './table';

/** Someone waiting for the cache's own read of the database (read-through, or a write-back write miss). */
export interface Waiter {
  readonly from: NodeId;
  readonly op: string;
  /** The value to write once the entry is in (write-back), or null for a read. */
  readonly write: string | null;
}

export interface Fetch {
  readonly token: string;
  readonly waiting: readonly Waiter[];
}

export interface CacheSettings {
  readonly strategy: Strategy;
  readonly readThrough: boolean;
  readonly ttlTicks: number;
  readonly capacity: number;
  readonly flushTicks: number;
  readonly timeoutTicks: number;
}

export interface CacheContext {
  /** Which start of the cache this is (1, then 2 after the first restart): lease tokens and early writes carry it. */
  readonly boot: number;
  readonly entries: readonly Entry[];
  readonly flushing: readonly Flushing[];
  /** Key -> the lease of the latest miss; a write to the key withdraws it, so an older read cannot fill. */
  readonly leases: { readonly [key: string]: string };
  readonly leaseCount: number;
  /** App -> the highest write it has confirmed: its earlier unversioned writes are late and ignored. */
  readonly sealed: { readonly [app: string]: number };
  /** Key -> the cache's own read of the database in progress. */
  readonly fetches: { readonly [key: string]: Fetch };
  readonly db: NodeId;
  readonly settings: CacheSettings;
}

export type Out =
  | { readonly type: 'send'; readonly params: SendParams }
  | { readonly type: 'setTimer'; readonly params: SetTimerParams }
  | { readonly type: 'cancelTimer'; readonly params: { readonly name: string } }
  | { readonly type: 'persist'; readonly params: { readonly data: { readonly [key: string]: Json } } }
  | { readonly type: 'observe'; readonly params: { readonly value: Json } }
  | { readonly type: 'note'; readonly params: { readonly text: string } }
  | { readonly type: 'logDirty'; readonly params: { readonly key: string; readonly value: string; readonly version: number } }
  | { readonly type: 'logFlushed'; readonly params: { readonly key: string } };

export interface Step {
  readonly context: CacheContext;
  readonly out: readonly Out[];
}

export const send = (to: NodeId, body: SendParams['body']): Out => ({ type: 'send', params: { to, body } });
export const note = (text: string): Out => ({ type: 'note', params: { text } });
/** The timer that ends an entry's lifetime: "expiry of x". */
export const TTL_TIMER = 'expiry of ';
export const ttlTimer = (key: string) => `${TTL_TIMER}${key}`;

function settingsOf(config: CacheConfig): CacheSettings {
  const { strategy, readThrough, ttlTicks, capacity, flushTicks, timeoutTicks } = config;
  return { strategy, readThrough, ttlTicks, capacity, flushTicks, timeoutTicks };
}

/** The cache at a start: empty (or warm) the first time; after a crash, only the dirty entries its log kept. */
export function initialCache(config: CacheConfig, db: NodeId, log: Persisted | null): CacheContext {
  const settings = settingsOf(config);
  const base = { flushing: [], leases: {}, leaseCount: 0, sealed: {}, fetches: {}, db, settings };
  if (log === null) {
    const warm = config.warm ? keysOf(config).map((key) => ({ key, value: initialValue(key), version: 0, floor: 0, dirty: false })) : [];
    return { ...base, boot: 1, entries: warm };
  }
  const entries: Entry[] = [];
  for (const key of keysOf(config)) {
    const record = parseRecord(log[key]);
    if (record !== null) entries.push({ key, value: record.value, version: record.version, floor: record.version, dirty: true });
  }
  return { ...base, boot: (typeof log['starts'] === 'number' ? log['starts'] : 1) + 1, entries };
}

/** Whether anything written here is not yet known to be in the database. */
export const hasDirty = (context: CacheContext): boolean => context.flushing.length > 0 || context.entries.some((e) => e.dirty);
