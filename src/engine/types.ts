// The engine's vocabulary: every value here is plain, immutable data.
// Node ids are small integers (their index in the world); ticks are integers.

export type NodeId = number;
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A message body: the protocol's own discriminated union, always with a `type`. */
export interface MessageBody {
  readonly type: string;
  readonly [field: string]: Json;
}

export interface Envelope {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly body: MessageBody;
  readonly sentTick: number;
  readonly deliverTick: number;
  /** The id of the message this one duplicates, when it is a copy. */
  readonly copyOf?: number;
  /** How many copies of this message have been made. */
  readonly copies?: number;
}

export interface Timer {
  readonly id: number;
  readonly node: NodeId;
  readonly name: string;
  readonly setTick: number;
  readonly dueTick: number;
}

/** The closed effect vocabulary a node may return. Only the engine acts on it. */
export type Effect =
  | { readonly type: 'send'; readonly to: NodeId; readonly body: MessageBody }
  | { readonly type: 'setTimer'; readonly name: string; readonly ticksMin: number; readonly ticksMax: number }
  | { readonly type: 'cancelTimer'; readonly name: string }
  | { readonly type: 'persist'; readonly data: { readonly [key: string]: Json } }
  | { readonly type: 'observe'; readonly value: Json }
  | { readonly type: 'note'; readonly text: string };

/** What a node receives: a message body with its sender, a timer's name, or a client operation. */
export type NodeEvent =
  /** `tick` is when it is delivered: the true time, for a protocol that models a node's own clock. */
  | { readonly kind: 'message'; readonly from: NodeId; readonly body: MessageBody; readonly tick?: number }
  | { readonly kind: 'timer'; readonly name: string }
  | { readonly kind: 'client'; readonly op: string };

export type Persisted = { readonly [key: string]: Json };

export interface NodeInput {
  readonly id: NodeId;
  readonly name: string;
  readonly role: string;
  /** Every node's id, grouped by role, so a node can address its peers. */
  readonly peers: { readonly [role: string]: readonly NodeId[] };
  readonly config: { readonly [key: string]: Json };
}

export type NodeStep<S> = readonly [state: S, effects: readonly Effect[]];

/** The node contract: what the engine sees of a protocol node. All three are pure. */
export interface NodeBehaviour<S = unknown> {
  init(input: NodeInput): NodeStep<S>;
  receive(state: S, event: NodeEvent, input: NodeInput): NodeStep<S>;
  recover(persisted: Persisted, input: NodeInput): NodeStep<S>;
  /** A one-word name for the node's current state, for the trace and the pictures. */
  label(state: S): string;
  /** A canonical text for the state, used by the checker's fingerprints. */
  key(state: S): string;
  /**
   * Whether handling this message reads its `tick` (a protocol that models a node's clock). A
   * behaviour that reads the tick must say so: the checker then knows that the order of the steps
   * before that delivery matters. Absent: it never reads it.
   */
  readsClock?(body: MessageBody): boolean;
}

export interface NodeSpec {
  readonly name: string;
  readonly role: string;
  readonly behaviour: NodeBehaviour;
}

export interface NodeRecord {
  readonly up: boolean;
  /** The machine state while up; `null` while the node is down. */
  readonly state: unknown;
  readonly label: string;
  readonly persisted: Persisted;
}

export interface Observation {
  readonly step: number;
  readonly tick: number;
  readonly node: NodeId;
  readonly value: Json;
}
