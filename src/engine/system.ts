import type { ChoiceWords } from './choice-label';
import type { NetworkOptions } from './network';
import type { Json, NodeId, NodeInput, NodeSpec } from './types';
import type { World } from './world';

/** A named predicate over the world. A breach of an invariant is a bug; of a condition, a lesson. */
export interface Rule {
  readonly id: string;
  /** One sentence: what must always hold (invariant) or what the condition means. */
  readonly description: string;
  check(world: World): Breach | null;
}

export interface Breach {
  /** Plain words: what went wrong, naming the nodes. */
  readonly message: string;
  readonly nodes: readonly NodeId[];
  /** The client operations it names (their ids in the operation observations), so pictures can mark them. */
  readonly operations?: readonly string[];
}

export type Invariant = Rule;
export type Condition = Rule;

/** A client operation a person (or a scenario) may hand to a node right now. */
export interface ClientOp {
  readonly op: string;
  readonly label: string;
}

/** Caps on everything that grows. Hitting one halts the run with a clear message. */
export interface Bounds {
  readonly maxInFlight: number;
  readonly maxTimers: number;
  readonly maxTraceEvents: number;
  readonly maxObservations: number;
  readonly maxSteps: number;
}

export const defaultBounds: Bounds = {
  maxInFlight: 2_000,
  maxTimers: 1_000,
  maxTraceEvents: 500_000,
  maxObservations: 50_000,
  maxSteps: 100_000,
};

/** Everything the engine needs to run one configured protocol. */
export interface System {
  readonly nodes: readonly NodeSpec[];
  readonly inputs: readonly NodeInput[];
  readonly invariants: readonly Invariant[];
  readonly conditions: readonly Condition[];
  readonly clientOps: (world: World, node: NodeId) => readonly ClientOp[];
  readonly network: NetworkOptions;
  readonly bounds: Bounds;
  /** The protocol's words for messages and timers in choice labels (plain ids when absent). */
  readonly words?: ChoiceWords;
  /**
   * Whether invariants read the order of the observations, not just which were made (a client
   * history checked for linearizability). The checker then tells two orders apart: of every
   * observation when true, or of those the function accepts (a client's operations), the others
   * still keyed as a set (what a cost panel counts, which no rule reads).
   */
  readonly orderedObservations?: boolean | ((value: Json) => boolean);
}
