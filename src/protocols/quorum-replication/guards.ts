// The named rules of a storage node, as XState guards, so that each broken variant swaps exactly
// one of them with `machine.provide({ guards })` (variants.ts). The node's logic asks them through
// XState's `check` and receives them here as a plain `Rules` object (see `rulesOf`).
import type { Settings } from './storage-context';

interface QuorumParams {
  readonly replies: number;
  readonly settings: Settings;
}

type Guard<P> = (args: unknown, params: P) => boolean;
type SettingsGuard = Guard<{ readonly settings: Settings }>;

export const storageGuards = {
  /** Correct: a read phase ends with R replies. */
  readQuorum: ((_, { replies, settings }) => replies >= settings.r) as Guard<QuorumParams>,
  /**
   * Correct (linearizable): a read writes the newest version back to a write quorum before it
   * returns, unless its R replies all hold it already and R ≥ W (then a write quorum has it).
   */
  writesBackFirst: ((_, { agree, settings }) => !(agree && settings.r >= settings.w)) as Guard<{ readonly agree: boolean; readonly settings: Settings }>,
  /** Correct (linearizable): a put first asks a read quorum for the highest tag. */
  asksForTag: ((_, { settings }) => settings.consistency === 'linearizable') as SettingsGuard,
  /** Correct: stand-ins answer for missing home replicas only with a sloppy quorum, only under dynamo. */
  usesStandIns: ((_, { settings }) => settings.sloppyQuorum && settings.consistency === 'dynamo') as SettingsGuard,
  /** Correct (dynamo): a write keeps the client's version vector; no clock decides. */
  stampsWithClock: (() => false) as SettingsGuard,
  /** Correct: stale replicas are mended by read repair (dynamo) and by anti-entropy, each when switched on. */
  repairs: ((_, { how, settings }) =>
    how === 'read repair' ? settings.readRepair && settings.consistency === 'dynamo' : settings.antiEntropy) as Guard<{
    readonly how: 'read repair' | 'anti-entropy';
    readonly settings: Settings;
  }>,
};

export type StorageGuard = keyof typeof storageGuards;

/** The rules as the node's logic asks them. */
export interface Rules {
  readQuorum(replies: number): boolean;
  writesBackFirst(agree: boolean): boolean;
  asksForTag(): boolean;
  usesStandIns(): boolean;
  stampsWithClock(): boolean;
  repairsOnRead(): boolean;
  runsAntiEntropy(): boolean;
}

type Check = (guard: { type: StorageGuard; params: object }) => boolean;

/** The rules of a node, each answered by the guard of that name (the variant's, if it swapped one). */
export function rulesOf(check: Check, settings: Settings): Rules {
  const ask = (type: StorageGuard, extra: object = {}) => check({ type, params: { settings, ...extra } });
  return {
    readQuorum: (replies) => ask('readQuorum', { replies }),
    writesBackFirst: (agree) => ask('writesBackFirst', { agree }),
    asksForTag: () => ask('asksForTag'),
    usesStandIns: () => ask('usesStandIns'),
    stampsWithClock: () => ask('stampsWithClock'),
    repairsOnRead: () => ask('repairs', { how: 'read repair' }),
    runsAntiEntropy: () => ask('repairs', { how: 'anti-entropy' }),
  };
}
