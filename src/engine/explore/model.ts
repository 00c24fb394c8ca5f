// What the checker searches: any transition system given as a `Model`. The simulator's worlds are
// one such model (see `world-model.ts`); a hand transcription of a TLA+ spec is another.

/** A broken invariant, as the checker reports it. */
export interface ModelViolation {
  readonly rule: string;
  readonly message: string;
}

/**
 * A transition system. Every function must be pure and deterministic: the checker keeps only a
 * fingerprint of each state and rebuilds the counterexample by replaying action indices, so
 * `actions(s)` must list the same actions in the same order every time it is asked about `s`.
 */
export interface Model<S, A> {
  initial(): readonly S[];
  /** The actions enabled in `state`. */
  actions(state: S): readonly A[];
  step(state: S, action: A): S;
  /** A canonical text for the state: equal keys mean the checker treats the states as one. */
  key(state: S): string;
  /**
   * An optional fast form of `key`: writes a 64-bit fingerprint of the state's key to `out[0]` and
   * `out[1]` without building the text. States with equal keys must get equal fingerprints. The
   * checker uses it, when given, instead of hashing `key`.
   */
  fingerprint?(state: S, out: Uint32Array): void;
  violation(state: S): ModelViolation | null;
  /**
   * The form of a new state that the checker keeps on its frontier until it is expanded, for a
   * model whose states drag along history they do not need (a world's trace). It must have the
   * same key, violation, actions and successors as the state itself.
   */
  retain?(state: S): S;
  /**
   * Optional partial-order reduction: which of the state's actions commute, or null where the
   * model cannot say. With it the checker skips steps it is sure to meet again by another path
   * (sleep sets); it still finds the same states in the same order, so every count, depth and
   * counterexample is the one it would find without. The table is read only until the next call.
   */
  commuting?(state: S, actions: readonly A[]): Commuting | null;
}

/** What a model says about the actions of one state, by their index in `actions(state)`. */
export interface Commuting {
  /**
   * A number naming the action: the same action, enabled in a state reached from this one by
   * actions independent of it, has the same number there, and no other action of that state has.
   */
  key(index: number): number;
  /**
   * Whether two enabled actions are independent here: taking them in either order leads to
   * states with one key, and taking either leaves the other enabled.
   */
  independent(a: number, b: number): boolean;
}

export interface CheckOptions {
  /**
   * The deepest level searched, counted as TLC counts: the initial states are depth 1, so a run
   * of k actions ends at depth k + 1. Default: no bound.
   */
  readonly maxDepth?: number;
  /** The most distinct states stored before the search gives up. Default 1,000,000. */
  readonly maxStates?: number;
  /**
   * Called every `progressEvery` new distinct states with how far the search has got. Returning
   * a sentence stops the search there, with that sentence as the reason (the CLI stops when
   * memory runs short). The engine reads no clock and no memory gauge itself.
   */
  readonly onProgress?: (progress: SearchProgress) => string | null;
}

export interface SearchProgress {
  readonly distinctStates: number;
  /** The depth being searched now (TLC style: the initial states are depth 1). */
  readonly depth: number;
  /** States found at this depth and waiting to be expanded. */
  readonly frontier: number;
}

/** How many new distinct states pass between two calls of `onProgress`. */
export const progressEvery = 10_000;

export type CheckResult<S, A> =
  | {
      readonly kind: 'violation';
      readonly rule: string;
      readonly message: string;
      /** The shortest run to the violation: `states[i + 1] = step(states[i], actions[i])`. */
      readonly actions: readonly A[];
      readonly states: readonly S[];
      readonly distinctStates: number;
      /** The violating state's depth: `states.length`. */
      readonly depth: number;
    }
  | {
      readonly kind: 'none';
      readonly distinctStates: number;
      /** The number of states on the longest shortest path found. */
      readonly depth: number;
      /** True when every reachable state was visited: no bound cut the search short. */
      readonly exhaustive: boolean;
      /** Which bound stopped the search, in plain words; null when it was exhaustive. */
      readonly stoppedBy: string | null;
    };

export const defaultMaxStates = 1_000_000;

/** Bad options given to the checker: the message says which one and why. */
export class ExploreError extends Error {
  override readonly name = 'ExploreError';
}
