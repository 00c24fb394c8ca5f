// How an application server carries out a write under each strategy: a short plan of steps,
// taken one after the other. The plan is the whole difference between the strategies (and
// between the correct protocol and two of its broken variants), so it is data a reader can see.
import type { Strategy } from './config';

export type WriteStep =
  /** WRITE to the database, resent until WRITTEN (the database applies each write once). */
  | 'database'
  /** WRITE to the database and an unversioned SET to the cache at once; resend the WRITE until WRITTEN. */
  | 'both'
  /** The same two writes at once, each sent once; done when the database answers, failed when it does not. */
  | 'both-once'
  /** SET the cache's copy to the database's version, resent until STORED. */
  | 'update'
  /** INVALIDATE the cache's copy, resent until INVALIDATED. */
  | 'invalidate'
  /** WRITE to the cache only (write-back); failed when it does not answer. */
  | 'cache';

export interface PlanSettings {
  readonly strategy: Strategy;
  readonly sequential: boolean;
}

/** Correct: the database first, and the cache brought up to the database's version afterwards. */
export function correctPlan(settings: PlanSettings): WriteStep[] {
  switch (settings.strategy) {
    case 'write-back':
      return ['cache'];
    case 'write-around':
      return ['database', 'invalidate'];
    case 'write-through':
      return settings.sequential ? ['database', 'update'] : ['both', 'update'];
  }
}

const stepWords: { readonly [step in WriteStep]: string } = {
  database: 'writes the database',
  both: 'writes the database and the cache at once',
  'both-once': 'writes the database and the cache at once',
  update: 'updates the cache’s copy to the database’s version',
  invalidate: 'invalidates the cache’s copy',
  cache: 'writes the cache only; the cache flushes to the database later',
};

/** The plan in words: "writes the database, then invalidates the cache’s copy". */
export const planWords = (plan: readonly WriteStep[]): string => plan.map((step) => stepWords[step]).join(', then ');
