// The correct protocol and four deliberately broken ones. Each broken variant replaces one
// named action or guard of a role's machine with `machine.provide(...)`: the statechart stays
// the same, and the whole difference is the few lines below. A bug of one write strategy pins
// that strategy (`config`), so the variant always runs where its bug lives.
import type { VariantDefinition } from '../kit';
import { app, appSetup } from './app-server';
import { correctPlan } from './app-plan';
import { cache, cacheSetup, type LogDirtyParams } from './cache';
import { recordText } from './table';

/** Fills whatever arrives, over whatever it holds: no lease, no version check. */
const unguardedCache = cache.provide({ guards: { fillAllowed: () => true, fetchStillLeased: () => true } });

/** Keeps dirty entries only in memory: a crash loses every write it has acknowledged and not flushed. */
const volatileCache = cache.provide({
  actions: {
    logDirty: cacheSetup.enqueueActions(({ enqueue }, params: unknown) => {
      const { key, value, version } = params as LogDirtyParams;
      enqueue({ type: 'note', params: { text: `keeps ${key}=${recordText(value, version)} only in memory, in no log` } });
    }),
    logFlushed: cacheSetup.enqueueActions(() => undefined),
  },
});

/** Write-around, the wrong way round: the cache's copy goes first, then the database is written. */
const invalidateFirst = app.provide({
  actions: {
    planWrite: appSetup.assign({
      op: ({ context }) => {
        if (context.op === null) return null;
        return { ...context.op, plan: context.strategy === 'write-around' ? ['invalidate', 'database'] : correctPlan(context) };
      },
    }),
  },
});

/** Parallel write-through with each write sent once: a failure of either half is never repaired. */
const unrepairedParallel = app.provide({
  actions: {
    planWrite: appSetup.assign({
      op: ({ context }) => {
        if (context.op === null) return null;
        const parallel = context.strategy === 'write-through' && !context.sequential;
        return { ...context.op, plan: parallel ? ['both-once'] : correctPlan(context) };
      },
    }),
  },
});

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Fills under a lease, writes resent until the database and the cache both have them, and a write-back cache that logs dirty entries before answering.',
  },
  {
    id: 'unguarded-fill',
    title: 'Unguarded fill',
    explanation: 'The cache accepts every fill, so a read that missed before a write can put the older value back, under any strategy.',
    machines: { cache: unguardedCache },
    // The race needs a read that has missed and read the database before a write lands, under
    // any strategy: the search starts there, so its depth goes to the write and the late fill.
    checkingPrefix: {
      summary: 'App2 has missed x and read it from the database; App1 has begun a write of x',
      steps: [
        { do: 'client', node: 'App2', op: 'read x' },
        { do: 'deliver', message: { type: 'GET', to: 'Cache' } },
        { do: 'next', times: 2 },
        { do: 'client', node: 'App1', op: 'write x' },
      ],
    },
  },
  {
    id: 'volatile-write-back',
    title: 'Volatile write-back',
    explanation: 'Write-back: the cache keeps dirty entries only in memory, so a crash loses writes it has acknowledged.',
    machines: { cache: volatileCache },
    config: { strategy: 'write-back' },
  },
  {
    id: 'invalidate-then-write',
    title: 'Invalidate, then write',
    explanation: 'Write-around: the app drops the cached copy before writing the database, so a read in between refills the old value.',
    machines: { app: invalidateFirst },
    config: { strategy: 'write-around' },
  },
  {
    id: 'parallel-write-partial-failure',
    title: 'Parallel write, partial failure',
    explanation: 'Parallel write-through: each write is sent once, so when one of the two is lost the cache and the database disagree.',
    machines: { app: unrepairedParallel },
    config: { strategy: 'write-through', sequential: false },
  },
];
