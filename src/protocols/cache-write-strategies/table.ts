// The cache's memory as plain data: its entries in least-recently-used order, the dirty entries
// it evicted and is still flushing, and the leases it handed out on misses. Pure functions only;
// the cache machine (cache.ts) turns what they decide into messages, timers and its log.

export interface Entry {
  readonly key: string;
  readonly value: string;
  /** The database version this copy mirrors; null for a parallel write the database has not versioned yet. */
  readonly version: number | null;
  /** For an unversioned copy: the version of the copy it replaced (a confirmation at or below it is stale). */
  readonly floor: number;
  /** Write-back: written here and not yet in the database. */
  readonly dirty: boolean;
}

/** A dirty entry that left the table (evicted or expired) and waits for the database's FLUSHED. */
export interface Flushing {
  readonly key: string;
  readonly value: string;
  readonly version: number;
}

/** The entry for a key, if cached. */
export const findEntry = (entries: readonly Entry[], key: string): Entry | undefined => entries.find((e) => e.key === key);

/** The entries with `entry` put (or replaced) as the most recently used. */
export const putEntry = (entries: readonly Entry[], entry: Entry): Entry[] => [...entries.filter((e) => e.key !== entry.key), entry];

/** The entries with the key moved to most recently used (unchanged when it is not cached). */
export function touchEntry(entries: readonly Entry[], key: string): readonly Entry[] {
  const entry = findEntry(entries, key);
  return entry === undefined || entries[entries.length - 1] === entry ? entries : putEntry(entries, entry);
}

export const removeEntry = (entries: readonly Entry[], key: string): Entry[] => entries.filter((e) => e.key !== key);

/** The least recently used entry to evict when over capacity (0 = no limit), never `keep`. */
export function evictionVictim(entries: readonly Entry[], capacity: number, keep: string): Entry | undefined {
  if (capacity <= 0 || entries.length <= capacity) return undefined;
  return entries.find((e) => e.key !== keep);
}

/** The flushing list with the record put in, keeping only the newest version of each key. */
export function addFlushing(list: readonly Flushing[], record: Flushing): Flushing[] {
  const old = list.find((f) => f.key === record.key);
  if (old !== undefined && old.version >= record.version) return [...list];
  return [...list.filter((f) => f.key !== record.key), record];
}

/** "a1 v2", the form a dirty entry takes in the cache's log and the database's records. */
export const recordText = (value: string, version: number): string => `${value} v${version}`;

/** The value and version of a record written by `recordText`, or null for anything else. */
export function parseRecord(text: unknown): { value: string; version: number } | null {
  if (typeof text !== 'string') return null;
  const match = /^(\S+) v(\d+)$/.exec(text);
  return match === null ? null : { value: match[1]!, version: Number(match[2]) };
}

/**
 * What a versioned SET (write-through's update, or the confirmation of a parallel write) does
 * to a cached copy: a newer version replaces it; an older one is ignored. A copy written in
 * parallel (unversioned) is replaced when the confirmation is above the copy it displaced, and
 * dropped otherwise, because then a newer write reached the database first and its value is gone.
 * A key not cached stays uncached: installing it could let a delayed older write land after a
 * newer one was evicted.
 */
export function applyVersionedSet(entry: Entry | undefined, value: string, version: number): { entry: Entry | undefined; change: 'updated' | 'dropped' | 'kept' | 'absent' } {
  if (entry === undefined) return { entry, change: 'absent' };
  const newer = entry.version === null ? version > entry.floor : version > entry.version;
  if (newer) return { entry: { key: entry.key, value, version, floor: version, dirty: false }, change: 'updated' };
  if (entry.version === null) return { entry: undefined, change: 'dropped' };
  return { entry, change: 'kept' };
}
