// A concurrent history and a sequential model of the object it ran against, for the
// linearizability checker. Nothing here knows any protocol: a history is operations with the
// times they were invoked and returned, and a model says which results a sequential object
// could give (a register, a queue, a counter).

/** One operation of a concurrent history. `I` is what the model needs: the call and its result. */
export interface HistoryOperation<I> {
  /** Unique within the history ("C1.3"). */
  readonly id: string;
  /** Who ran it, for the words of an explanation ("C1"). */
  readonly client: string;
  /**
   * Operations on different partitions (a register's key) are independent objects and are
   * checked apart, which is sound for registers and keeps each search small.
   */
  readonly partition: string;
  readonly input: I;
  /** When it was invoked: any clock that orders the history (a step, a position). */
  readonly invoke: number;
  /**
   * When it returned, or null when it never did or its outcome is unknown (a write that timed
   * out): it may then take effect at any time after its invoke, including after everything else.
   * Leave out operations that may have had no effect and report nothing (an unanswered read).
   */
  readonly return: number | null;
}

/** A sequential object: its first state, and what each operation does to it. */
export interface SequentialModel<S, I> {
  readonly init: S;
  /** The state after the operation, or undefined when its recorded result is impossible from `state`. */
  step(state: S, input: I): S | undefined;
  /** Equal keys for equal states: part of the search's memo. */
  key(state: S): string;
}

/** What a search found for one partition. */
export type SearchResult =
  | { readonly kind: 'linearizable'; readonly explored: number }
  | { readonly kind: 'not-linearizable'; readonly explored: number }
  /** The search hit its cap: a pathological history; nothing can be said. */
  | { readonly kind: 'unknown'; readonly explored: number };
