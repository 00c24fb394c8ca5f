// The guided runs: each strategy on its happy path, a crash of the cache under each, the race a
// lease stops, and an eviction. The same list feeds the tour picker, the unit tests (each is
// compiled and its narration snapshot-tested) and the end-to-end tests.
import { deliver, type Scenario } from '../kit';
import { brokenScenarios } from './scenarios-broken';

const writeThrough: Scenario = {
  id: 'write-through',
  title: 'Write-through: both stores at once',
  summary: 'App2 fills the cache with x on a miss. App1 writes x to the database and the cache at once, then confirms the cache’s copy. App2’s next read is a hit.',
  steps: [
    { do: 'client', node: 'App2', op: 'read x', caption: 'App2 reads x. The cache starts empty: a miss.' },
    { do: 'settle', caption: 'App2 reads x0 from the database itself and fills the cache with it (cache-aside).' },
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1 to the database and to the cache at the same time.' },
    deliver('SET', 'App1', 'Cache', 'The cache holds a1 before the database has it: its version is not known yet.'),
    { do: 'settle', caption: 'The database stores a1 as v1. App1 confirms the cache’s copy as v1, and only then tells its client the write is done.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'App2 reads x again: a hit, a1, with no database read. Costs: one miss, one hit, one database read and one database write.' },
  ],
};

const writeAround: Scenario = {
  id: 'write-around',
  title: 'Write-around: the database only',
  summary: 'App1 writes x to the database and invalidates the cached copy. The next read misses and fills the cache with the new value.',
  config: { strategy: 'write-around' },
  steps: [
    { do: 'client', node: 'App2', op: 'read x', caption: 'App2 reads x: a miss, so it reads the database and fills the cache with x0.' },
    { do: 'settle' },
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1 to the database only.' },
    { do: 'next', times: 2, caption: 'The database stores a1 as v1. Until the invalidation lands, the cache serves the overwritten x0: a stale entry.' },
    { do: 'settle', caption: 'The cache drops its copy; App1 tells its client the write is done.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'App2 reads x: a miss again, and a second database read. Write-around pays with misses after every write.' },
  ],
};

const writeBack: Scenario = {
  id: 'write-back',
  title: 'Write-back: the cache only, flushed later',
  summary: 'App1’s write is answered by the cache alone. App2 reads the new value from the cache while the database still has the old one, until the flush.',
  config: { strategy: 'write-back' },
  steps: [
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1 to the cache only.' },
    { do: 'next', times: 3, caption: 'The cache does not hold x: it reads x0 from the database first, to know the version the write comes after.' },
    { do: 'next', caption: 'The cache takes a1 as v1, writes it to its log, and answers. The entry is dirty: the database still has x0.' },
    { do: 'next', caption: 'App1’s client hears that the write is done, after one round trip to the cache.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'next', times: 2, caption: 'App2 reads a1 from the cache: a hit.' },
    { do: 'settle', caption: 'The flush timer fires: the cache sends a1 to the database and, once it is stored, marks the entry clean.' },
  ],
};

const leaseStopsStaleFill: Scenario = {
  id: 'lease-refuses-stale-fill',
  title: 'A lease refuses a stale fill',
  summary: 'App2’s read misses and reads x0 from the database; App1 then writes a1 and invalidates x. App2’s fill with x0 arrives last, and the cache refuses it.',
  config: { strategy: 'write-around' },
  steps: [
    { do: 'client', node: 'App2', op: 'read x' },
    deliver('GET', 'App2', 'Cache', 'A miss: the cache hands App2 the lease L1 for x.'),
    deliver('MISS', 'Cache', 'App2'),
    deliver('READ', 'App2', 'DB', 'The database answers x0, but the answer is slow to arrive.'),
    { do: 'client', node: 'App1', op: 'write x' },
    deliver('WRITE', 'App1', 'DB'),
    deliver('WRITTEN', 'DB', 'App1', 'The database now has a1. App1 invalidates x in the cache.'),
    deliver('INVALIDATE', 'App1', 'Cache', 'The invalidation withdraws the lease L1: whatever App2 read may be older than this write.'),
    deliver('VALUE', 'DB', 'App2', 'App2 returns x0 (its read began before the write ended, so that is fair) and fills the cache.'),
    deliver('FILL', 'App2', 'Cache', 'The cache refuses the fill: its lease is gone. Without that check, x0 would stay in the cache for good.'),
    { do: 'settle' },
  ],
};

const crashWriteThrough: Scenario = {
  id: 'cache-crash-write-through',
  title: 'Write-through: the cache crashes mid-write',
  summary: 'The cache crashes while App1 writes. The database has the write; App1 keeps trying the cache until it is back, empty. Reads miss and refill. Nothing is lost.',
  config: { warm: true },
  steps: [
    { do: 'client', node: 'App1', op: 'write x', caption: 'The cache starts warm, holding x0. App1 writes x=a1 to the database and the cache at once.' },
    deliver('WRITE', 'App1', 'DB'),
    deliver('WRITTEN', 'DB', 'App1', 'The database has a1 as v1; App1 sends the cache its confirmation.'),
    { do: 'crash', node: 'Cache', caption: 'The cache crashes: its memory is gone, and messages to it are lost.' },
    { do: 'next', times: 2 },
    { do: 'restart', node: 'Cache', caption: 'The cache restarts empty.' },
    { do: 'settle', caption: 'App1 resends its confirmation; the cache holds no x, so there is nothing to update. The write is done.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'App2 reads x: a miss, then a1 from the database. A crash of a write-through cache costs misses, never data.' },
  ],
};

const crashWriteAround: Scenario = {
  id: 'cache-crash-write-around',
  title: 'Write-around: the cache is down during a write',
  summary: 'The cache is down when App1 writes. The database takes the write; App1 resends the invalidation until the cache is back. The next read fills the new value.',
  config: { strategy: 'write-around', warm: true },
  steps: [
    { do: 'crash', node: 'Cache', caption: 'The cache, holding x0, crashes.' },
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1 to the database.' },
    { do: 'next', times: 3, caption: 'The database stores it; App1’s invalidation is lost: the cache is down.' },
    { do: 'restart', node: 'Cache', caption: 'The cache restarts, empty.' },
    { do: 'settle', caption: 'App1 resends the invalidation until it is answered, then tells its client.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'App2’s read misses and fills a1. Nothing was lost: the database had every write.' },
  ],
};

const crashWriteBack: Scenario = {
  id: 'cache-crash-write-back',
  title: 'Write-back: the cache crashes before flushing',
  summary: 'App1’s write is only in the cache when it crashes. The cache wrote it to its log before answering, reloads it on restart and flushes it.',
  config: { strategy: 'write-back', warm: true },
  steps: [
    { do: 'client', node: 'App1', op: 'write x' },
    { do: 'next', times: 2, caption: 'The cache takes a1 as v1, logs it, and answers App1: the write is acknowledged.' },
    { do: 'crash', node: 'Cache', caption: 'The cache crashes before its flush timer fires. Its memory is gone; its log is not.' },
    { do: 'restart', node: 'Cache', caption: 'It restarts and reloads x=a1 from its log, still dirty.' },
    { do: 'settle', caption: 'The flush timer fires and the database stores a1. The acknowledged write survived the crash.' },
  ],
};

const eviction: Scenario = {
  id: 'write-back-eviction',
  title: 'Write-back: a dirty entry evicted',
  summary: 'The cache holds one entry. Writing y evicts the dirty x, which the cache flushes to the database before it forgets it.',
  config: { strategy: 'write-back', keys: 2, capacity: 1, flushTicks: 1000 },
  steps: [
    { do: 'client', node: 'App1', op: 'write x' },
    { do: 'next', times: 4, caption: 'x=a1 is in the cache, dirty. The flush timer is set far off.' },
    { do: 'client', node: 'App1', op: 'write y' },
    { do: 'next', times: 3, caption: 'To make room for y, the cache evicts x, the least recently used entry. x is dirty, so it is flushed first.' },
    { do: 'settle', caption: 'The database stores a1 at once, and a2 when the flush timer fires: evicting a dirty entry costs a database write.' },
  ],
};

export const scenarios: readonly Scenario[] = [
  writeThrough,
  writeAround,
  writeBack,
  leaseStopsStaleFill,
  crashWriteThrough,
  crashWriteAround,
  crashWriteBack,
  eviction,
  ...brokenScenarios,
];
