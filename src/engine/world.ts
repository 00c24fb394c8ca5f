import type { NetworkOptions, Partition } from './network';
import type { Breach, System } from './system';
import { ObservationList } from './observations';
import type { TraceList } from './trace';
import type { Envelope, NodeRecord, Timer } from './types';

export interface Violation extends Breach {
  readonly rule: string;
  readonly step: number;
  readonly tick: number;
}

/** The whole simulated universe at one step. Immutable: every step makes a new world. */
export interface World {
  readonly system: System;
  readonly seed: number;
  /** How many choices have been applied. */
  readonly step: number;
  readonly tick: number;
  /** The next id for a message or a timer. */
  readonly seq: number;
  readonly nodes: readonly NodeRecord[];
  /** Messages in flight, in the order they were sent. */
  readonly messages: readonly Envelope[];
  readonly timers: readonly Timer[];
  readonly partition: Partition;
  readonly network: NetworkOptions;
  /** What clients and nodes reported seeing, for invariants (read through the kit's helpers). */
  readonly observations: ObservationList;
  /** Every invariant breach, the first time each rule broke. */
  readonly violations: readonly Violation[];
  /** The conditions holding now, by rule id. */
  readonly conditions: { readonly [rule: string]: Breach };
  readonly trace: TraceList | null;
  /** Set when a bound was hit: the run stops here, and this says why. */
  readonly halted: string | null;
}

export function emptyWorld(system: System, seed: number): World {
  return {
    system,
    seed: seed >>> 0,
    step: 0,
    tick: 0,
    seq: 0,
    nodes: [],
    messages: [],
    timers: [],
    partition: null,
    network: system.network,
    observations: ObservationList.empty(),
    violations: [],
    conditions: {},
    trace: null,
    halted: null,
  };
}

export function nodeName(world: World, node: number): string {
  return world.system.nodes[node]?.name ?? `node ${node}`;
}
