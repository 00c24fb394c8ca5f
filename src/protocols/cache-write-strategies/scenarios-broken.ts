// The failing run of each broken variant: the shortest story that shows the lie.
import { deliver, type Scenario, type ScenarioStep } from '../kit';

/** App2's read misses and reads x0; App1's write reaches the database and invalidates x before App2's fill lands. */
const staleFillRace: readonly ScenarioStep[] = [
  { do: 'client', node: 'App2', op: 'read x' },
  deliver('GET', 'App2', 'Cache'),
  deliver('MISS', 'Cache', 'App2'),
  deliver('READ', 'App2', 'DB', 'App2’s read missed; the database answers x0, slowly.'),
  { do: 'client', node: 'App1', op: 'write x' },
  deliver('WRITE', 'App1', 'DB'),
  deliver('WRITTEN', 'DB', 'App1'),
  deliver('INVALIDATE', 'App1', 'Cache', 'App1’s write of a1 is in the database, and x is invalidated.'),
  deliver('VALUE', 'DB', 'App2'),
];

const unguardedFill: Scenario = {
  id: 'unguarded-fill-stale-forever',
  title: 'Unguarded fill: a stale value for good',
  summary: 'A read that missed before a write fills the cache after it. This cache takes the fill, so it serves x0 long after the database has a1, for good: there is no TTL.',
  variant: 'unguarded-fill',
  config: { strategy: 'write-around' },
  steps: [
    ...staleFillRace,
    deliver('FILL', 'App2', 'Cache', 'App2 fills x0, read before the write. This cache takes it: x0 is back, over a1.'),
    { do: 'settle', caption: 'Everything settles with x0 in the cache and a1 in the database: coherent-when-quiet is broken.' },
    { do: 'client', node: 'App1', op: 'read x' },
    { do: 'settle', caption: 'App1 reads x and gets x0, not the a1 it wrote: read-your-writes is broken too.' },
  ],
};

const ttlBounds: Scenario = {
  id: 'unguarded-fill-until-ttl',
  title: 'Unguarded fill with a TTL: stale until it expires',
  summary: 'The same race with a 60-tick TTL. The stale x0 still breaks coherence once things settle, but it expires, and the next read fills a1.',
  variant: 'unguarded-fill',
  config: { strategy: 'write-around', ttlTicks: 60 },
  steps: [
    ...staleFillRace,
    deliver('FILL', 'App2', 'Cache', 'The stale x0 goes in, with 60 ticks to live.'),
    { do: 'next', caption: 'Everything has settled with x0 cached: the invariant breaks, though the TTL is counting down.' },
    { do: 'settle', caption: 'The TTL runs out and x0 expires. A TTL bounds how long a stale value lives; it does not prevent it.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'The next read misses and fills a1.' },
  ],
};

const volatileWriteBack: Scenario = {
  id: 'volatile-write-back-lost-write',
  title: 'Volatile write-back: an acknowledged write lost',
  summary: 'The cache answers App1’s write from memory alone and crashes before flushing. The write App1’s client was told is done is gone.',
  variant: 'volatile-write-back',
  config: { strategy: 'write-back', warm: true },
  steps: [
    { do: 'client', node: 'App1', op: 'write x' },
    { do: 'next', times: 2, caption: 'The cache takes a1 as v1, in memory only, and answers: App1’s client is told the write is done.' },
    { do: 'crash', node: 'Cache', caption: 'The cache crashes before its flush. a1 was nowhere else: acknowledged-write-durable is broken.' },
    { do: 'restart', node: 'Cache' },
    { do: 'client', node: 'App1', op: 'read x' },
    { do: 'settle', caption: 'App1 reads x and gets x0 from the database, as if it had never written.' },
  ],
};

const invalidateFirst: Scenario = {
  id: 'invalidate-then-write-stale',
  title: 'Invalidate, then write: the old value refilled',
  summary: 'App1 drops the cached x before writing the database. App2 reads in between: a miss, x0 from the database, filled back. Then a1 lands in the database, and nothing removes x0.',
  variant: 'invalidate-then-write',
  config: { strategy: 'write-around', warm: true },
  steps: [
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1, the wrong way round: it invalidates the cache’s x0 first.' },
    deliver('INVALIDATE', 'App1', 'Cache'),
    { do: 'client', node: 'App2', op: 'read x' },
    deliver('GET', 'App2', 'Cache', 'App2 reads x: a miss, with a fresh lease.'),
    deliver('MISS', 'Cache', 'App2'),
    deliver('READ', 'App2', 'DB', 'The database still has x0: App1 has not written it yet.'),
    deliver('VALUE', 'DB', 'App2'),
    deliver('FILL', 'App2', 'Cache', 'Nothing touched x since App2’s miss, so the lease stands and x0 is filled back.'),
    { do: 'settle', caption: 'App1’s write reaches the database: a1. The cache keeps x0 for good: coherent-when-quiet is broken.' },
  ],
};

const partialFailure: Scenario = {
  id: 'parallel-write-partial-failure',
  title: 'Parallel write, partial failure',
  summary: 'App1 writes the database and the cache at once, each once. The database write is lost; the cache’s lands. The cache now serves a1, a value the database never had.',
  variant: 'parallel-write-partial-failure',
  config: { strategy: 'write-through', warm: true },
  steps: [
    { do: 'client', node: 'App1', op: 'write x', caption: 'App1 writes x=a1 to the database and the cache at once.' },
    { do: 'drop', message: { type: 'WRITE', to: 'DB' }, caption: 'The write to the database is lost.' },
    deliver('SET', 'App1', 'Cache', 'The write to the cache lands: it serves a1.'),
    { do: 'settle', caption: 'App1 hears nothing from the database and tells its client the write failed, but never repairs the cache: it holds a1, the database x0.' },
    { do: 'client', node: 'App2', op: 'read x' },
    { do: 'settle', caption: 'App2 reads a1: a value whose write was reported as failed, and that the database never had.' },
  ],
};

export const brokenScenarios: readonly Scenario[] = [unguardedFill, ttlBounds, volatileWriteBack, invalidateFirst, partialFailure];
