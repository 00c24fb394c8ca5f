import type { Config } from '../../engine';
import type { ScenarioStep } from './types';

// What a protocol counts as a cost, declared as data so that a generic cost panel can total them
// from any trace without knowing the protocol: "a delivered READ to the database is a database
// read", "an observation { lookup: 'hit' } is a cache hit". Client operations (operations.ts)
// give each operation's latency on top.

export type CostCount =
  /** Observations (by any node) whose `field` is this primitive value. */
  | { readonly kind: 'observed'; readonly field: string; readonly equals: string | number | boolean }
  /**
   * Messages sent (every send, lost or not) or delivered (those that reached their node), of the
   * listed types (every type when omitted), to nodes of one role (any node when omitted).
   */
  | { readonly kind: 'sent' | 'delivered'; readonly types?: readonly string[]; readonly toRole?: string };

export interface CostCounter {
  readonly id: string;
  /** Plural words for the total: "cache hits", "database writes". */
  readonly label: string;
  readonly count: CostCount;
}

/**
 * One workload played under several settings (the same steps and seed), so a page can put their
 * costs side by side: "the same reads and writes under each write strategy".
 */
export interface CostComparison {
  readonly title: string;
  /** One or two sentences: the workload. */
  readonly summary: string;
  readonly steps: readonly ScenarioStep[];
  readonly settings: readonly { readonly label: string; readonly config: Partial<Config> }[];
}
