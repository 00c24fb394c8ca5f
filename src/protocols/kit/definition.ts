// What a protocol author writes; `defineProtocol` turns it into the `Protocol` contract.
import type { AnyStateMachine } from 'xstate';
import type { FaultBudget, MessageBody, NodeId, Persisted, Rule, World } from '../../engine';
import type { NodeFact } from './facts';
import type { MachineState } from './machine-state';
import type { CheckingDefaults, Config, ConfigOption, Explainer, NodeStatus, Scenario, Variant } from './types';

export interface RoleDefinition {
  readonly machine: AnyStateMachine;
  readonly title: string;
  /** Fewest and most nodes of this role a config may ask for. */
  readonly min: number;
  readonly max: number;
}

/** One node of the configured system: its role and its name ("coordinator", "P1"). */
export interface Placement {
  readonly role: string;
  readonly name: string;
}

/**
 * A variant. Broken variants change behaviour without copying machines: each replaces a role's
 * machine with `machine.provide({ actions, guards })`, swapping the implementation of a named
 * action or guard. The statechart stays the one drawn for the role, and the difference is a
 * few lines a reader can find by name.
 */
export interface VariantDefinition extends Variant {
  readonly machines?: { readonly [role: string]: AnyStateMachine };
}

/** What a description function sees of one node. */
export interface NodeView {
  readonly world: World;
  readonly id: NodeId;
  readonly name: string;
  readonly role: string;
  readonly up: boolean;
  /** The machine state while up; null while down. */
  readonly state: MachineState | null;
  readonly persisted: Persisted;
}

export interface DescribedNode {
  /** Defaults to the state label (or "down"). */
  readonly label?: string;
  readonly status: NodeStatus;
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** The one or two facts drawn on the node itself (see facts.ts); the inspector shows `fields`. */
  readonly facts?: readonly NodeFact[];
}

export interface ClientOpDefinition {
  readonly op: string;
  readonly role: string;
  /** The button's words: "Begin a transaction". */
  readonly label: string;
  /** Completes "a client asks P2 to ...": "vote NO when asked". */
  readonly phrase: string;
  /** Whether the (up) node offers the operation in its current state. */
  readonly offered: (state: MachineState) => boolean;
}

export interface ProtocolDefinition {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly roles: { readonly [role: string]: RoleDefinition };
  /** The protocol's own options; the kit adds the shared network options after them. */
  readonly config: readonly ConfigOption[];
  /** The nodes for a (valid) config, in order: their index is their node id. */
  readonly topology: (config: Config) => readonly Placement[];
  /** The first must be `correct`. */
  readonly variants: readonly VariantDefinition[];
  readonly invariants: readonly Rule[];
  readonly conditions: readonly Rule[];
  readonly clientOps: readonly ClientOpDefinition[];
  readonly describe: (node: NodeView) => DescribedNode;
  readonly describeMessage: (body: MessageBody) => string;
  readonly scenarios: readonly Scenario[];
  readonly explainer: Explainer;
  /**
   * What `fault-lines check` searches by default; the kit's default is the protocol's defaults to
   * depth 12, one crash and one loss. A budget names only the kinds of fault it allows.
   */
  readonly checking?: Partial<Omit<CheckingDefaults, 'budget'>> & { readonly budget?: Partial<FaultBudget> };
}
