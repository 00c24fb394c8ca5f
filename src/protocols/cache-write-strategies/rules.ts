// The invariants of a cache in front of a database, and the two conditions it teaches. The
// writes and reads clients saw come from the observations (history.ts); the copies of a key come
// from the nodes themselves: the database's records on disk, the cache's memory while it is up,
// its log while it is down, and the flushes still in flight.
import type { NodeId, Rule, World } from '../../engine';
// Imported from the kit's files rather than its index: these run on every step.
import { machineState, nodesWithRole } from '../kit/world-query';
import { TTL_TIMER, type CacheContext } from './cache-context';
import { initialValue } from './config';
import { clientHistory, operationOpen } from './history';
import { versionText } from './messages';
import { parseRecord, type Entry } from './table';

const cacheId = (world: World): NodeId => nodesWithRole(world, 'cache')[0]!;
const databaseId = (world: World): NodeId => nodesWithRole(world, 'database')[0]!;
const name = (world: World, node: NodeId) => world.system.nodes[node]!.name;

type StoredRecord = { readonly value: string; readonly version: number };

// The database log's records, read once per log: a log changes only with a write, and the rules
// ask for the same keys several times per step. Only the last log is kept (a table of every log
// cost write-through more than it saved).
let lastLog: object | null = null;
let lastRecords = new Map<string, StoredRecord>();

/** What the database holds for a key on disk: what survives any crash. */
export function stored(world: World, key: string): StoredRecord {
  const log = world.nodes[databaseId(world)]!.persisted;
  if (log !== lastLog) {
    lastLog = log;
    lastRecords = new Map();
  }
  let record = lastRecords.get(key);
  if (record === undefined) lastRecords.set(key, (record = parseRecord(log[key]) ?? { value: initialValue(key), version: 0 }));
  return record;
}

/** The cache's memory, or null while it is down. */
export function cacheMemory(world: World): CacheContext | null {
  return machineState<CacheContext>(world, cacheId(world))?.context ?? null;
}

/** Whether the cache could still deliver version `version` of the key (or a newer one) to the database. */
function cacheHolds(world: World, key: string, version: number): boolean {
  const memory = cacheMemory(world);
  if (memory === null) {
    if ((parseRecord(world.nodes[cacheId(world)]!.persisted[key])?.version ?? -1) >= version) return true;
  } else {
    for (const e of memory.entries) if (e.key === key && e.version !== null && e.version >= version) return true;
    for (const e of memory.flushing) if (e.key === key && e.version >= version) return true;
  }
  for (const m of world.messages) if (m.body.type === 'FLUSH' && m.body['key'] === key && Number(m.body['version']) >= version) return true;
  return false;
}

export const acknowledgedWriteDurable: Rule = {
  id: 'acknowledged-write-durable',
  description: 'A write acknowledged to a client survives any crash: the database, or the cache on its way to the database, still has it (or a newer write).',
  check(world) {
    for (const [key, write] of clientHistory(world).newest) {
      const db = stored(world, key);
      if (db.version >= write.version || cacheHolds(world, key, write.version)) continue;
      return {
        message: `${name(world, write.node)} was told that ${key}=${write.value} (${versionText(write.version)}) is written, but no copy is left: the database has ${key}=${db.value} ${versionText(db.version)} and the cache does not have it`,
        nodes: [write.node, cacheId(world), databaseId(world)],
      };
    }
    return null;
  },
};

/** Nothing in flight, no timer but entry lifetimes, no client operation unfinished. */
function quiet(world: World): boolean {
  if (world.messages.length > 0) return false;
  if (world.timers.some((t) => !t.name.startsWith(TTL_TIMER))) return false;
  return !operationOpen(world);
}

export const coherentWhenQuiet: Rule = {
  id: 'coherent-when-quiet',
  description: 'When nothing is in flight and no operation is unfinished, every value in the cache is the database’s value.',
  check(world) {
    const memory = cacheMemory(world);
    if (memory === null || memory.entries.length === 0 || !quiet(world)) return null;
    for (const entry of memory.entries) {
      const db = stored(world, entry.key);
      if (entry.value === db.value) continue;
      return {
        message: `everything has settled, yet the cache holds ${entry.key}=${entry.value} ${versionText(entry.version)} while the database has ${entry.key}=${db.value} ${versionText(db.version)}`,
        nodes: [cacheId(world), databaseId(world)],
      };
    }
    return null;
  },
};

export const readYourWrites: Rule = {
  id: 'read-your-writes',
  description: 'After a server’s write is acknowledged, that server’s reads of the key return it or a newer version.',
  check(world) {
    const stale = clientHistory(world).staleRead;
    if (stale === null) return null;
    const { wrote } = stale;
    return {
      message: `${name(world, stale.node)} wrote ${stale.key}=${wrote.value} (${versionText(wrote.version)}) and then read ${stale.key}=${stale.read} (${versionText(stale.readVersion)}), an older value`,
      nodes: [stale.node],
    };
  },
};

const dirtyOf = (memory: CacheContext): { key: string; value: string; version: number }[] => [
  ...memory.entries.filter((e): e is Entry & { version: number } => e.dirty && e.version !== null),
  ...memory.flushing,
];

/**
 * A condition that reads only the cache's memory and the database's log, remembered for the last
 * pair it read: most steps change neither (the answer was a new sentence every step).
 */
function onCacheAndDatabase(check: (world: World, memory: CacheContext | null) => ReturnType<Rule['check']>): Rule['check'] {
  let read: readonly [World['system'] | null, CacheContext | null, object | null] = [null, null, null];
  let answer: ReturnType<Rule['check']> = null;
  return (world) => {
    const memory = cacheMemory(world);
    const log = world.nodes[databaseId(world)]!.persisted;
    if (read[0] !== world.system || read[1] !== memory || read[2] !== log) {
      answer = check(world, memory);
      read = [world.system, memory, log];
    }
    return answer;
  };
}

export const dirtyEntries: Rule = {
  id: 'dirty-entries',
  description: 'Write-back: the cache holds writes the database does not have yet.',
  check: onCacheAndDatabase((world, memory) => {
    const dirty = memory === null ? [] : dirtyOf(memory).filter((e) => stored(world, e.key).version < e.version);
    if (dirty.length === 0) return null;
    const words = dirty.map((e) => `${e.key}=${e.value} ${versionText(e.version)} (the database has ${versionText(stored(world, e.key).version)})`);
    return { message: `only the cache has ${words.join(', ')}`, nodes: [cacheId(world)] };
  }),
};

export const staleEntry: Rule = {
  id: 'stale-entry',
  description: 'The cache holds a value the database has since overwritten.',
  check: onCacheAndDatabase((world, memory) => {
    if (memory === null) return null;
    const stale = memory.entries.filter((e) => e.version !== null && e.version < stored(world, e.key).version && e.value !== stored(world, e.key).value);
    if (stale.length === 0) return null;
    const words = stale.map((e) => `${e.key}=${e.value} ${versionText(e.version)} (the database has ${stored(world, e.key).value} ${versionText(stored(world, e.key).version)})`);
    return { message: `the cache serves ${words.join(', ')}`, nodes: [cacheId(world), databaseId(world)] };
  }),
};

export const invariants: readonly Rule[] = [acknowledgedWriteDurable, coherentWhenQuiet, readYourWrites];
export const conditions: readonly Rule[] = [dirtyEntries, staleEntry];
