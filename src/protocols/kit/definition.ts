// What a protocol author writes; `defineProtocol` turns it into the `Protocol` contract.
//
// The definition is typed by its options and its roles: `topology` and the machines read the
// config as the options declare it (`ConfigOf`), and `describe` and client operations see each
// role's own machine context. A definition typed only loosely (options as `readonly
// ConfigOption[]`, one `describe(view)` for every role) is still accepted as it is.
import type { AnyStateMachine, ContextFrom } from 'xstate';
import type { FaultBudget, MessageBody, NodeId, Persisted, Rule, System, World } from '../../engine';
import type { CostComparison, CostCounter } from './costs';
import type { NodeFact } from './facts';
import type { MachineContext, MachineState } from './machine-state';
import type { CheckingDefaults, ConfigOf, ConfigOption, Explainer, NodeStatus, Scenario, Variant } from './types';

export interface RoleDefinition<Machine extends AnyStateMachine = AnyStateMachine> {
  readonly machine: Machine;
  readonly title: string;
  /** Fewest and most nodes of this role a config may ask for. */
  readonly min: number;
  readonly max: number;
  /**
   * Message types whose handling reads the node's clock: the machine gets the simulated tick as
   * `now` in those events (a last-write-wins coordinator stamping a write). Only those events
   * are memoised by tick, so every other transition stays shared across time. Declare it here
   * only when every variant reads the clock; otherwise on the variants that do (`VariantDefinition.clock`).
   */
  readonly clock?: readonly string[];
}

export type RoleDefinitions = { readonly [role: string]: RoleDefinition };

/** The context of a role's machine, as `describe` and client operations see it. */
export type ContextOf<Role extends RoleDefinition> = ContextFrom<Role['machine']>;

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
  /**
   * Per role, the message types whose handling reads the clock in this variant (replacing the
   * role's own `clock`). A clock read where none is needed costs twice: those transitions are
   * memoised by tick, and the checker cannot use sleep sets (worlds with one key may then differ
   * in their futures), so a protocol where only one variant reads the clock declares it there.
   */
  readonly clock?: { readonly [role: string]: readonly string[] };
}

/** What a description function sees of one node; `Context` is its role's machine context. */
export interface NodeView<Context = MachineContext> {
  readonly world: World;
  readonly id: NodeId;
  readonly name: string;
  readonly role: string;
  readonly up: boolean;
  /** The machine state while up; null while down. */
  readonly state: MachineState<Context> | null;
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

export type DescribeNode<Context = MachineContext> = (view: NodeView<Context>) => DescribedNode;

/** One description per role, each seeing its own machine's context. */
export type DescribeRoles<Roles extends RoleDefinitions> = { readonly [R in keyof Roles]: DescribeNode<ContextOf<Roles[R]>> };

export interface ClientOpDefinition<Role extends string = string, Context = MachineContext> {
  readonly op: string;
  readonly role: Role;
  /** The button's words: "Begin a transaction". */
  readonly label: string;
  /** Completes "a client asks P2 to ...": "vote NO when asked". */
  readonly phrase: string;
  /** Whether the (up) node offers the operation in its current state. */
  readonly offered: (state: MachineState<Context>) => boolean;
}

/** A client operation of any of the roles, its `offered` seeing that role's machine context. */
export type ClientOpOf<Roles extends RoleDefinitions> = {
  readonly [R in keyof Roles & string]: ClientOpDefinition<R, ContextOf<Roles[R]>>;
}[keyof Roles & string];

/** What `fault-lines check` searches by default; a budget names only the kinds of fault it allows. */
export type CheckingDefinition = Partial<Omit<CheckingDefaults, 'budget'>> & { readonly budget?: Partial<FaultBudget> };

export interface ProtocolDefinition<Options extends readonly ConfigOption[] = readonly ConfigOption[], Roles extends RoleDefinitions = RoleDefinitions> {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly roles: Roles;
  /** The protocol's own options; the kit adds the shared network options after them. */
  readonly config: Options;
  /** The nodes for a (valid) config, in order: their index is their node id. */
  topology(config: ConfigOf<Options>): readonly Placement[];
  /** The first must be `correct`. */
  readonly variants: readonly VariantDefinition[];
  readonly invariants: readonly Rule[];
  readonly conditions: readonly Rule[];
  readonly clientOps: readonly ClientOpOf<Roles>[];
  /** Per role (`{ coordinator: (view) => ..., participant: ... }`), or one function for every role. */
  readonly describe: DescribeNode | DescribeRoles<Roles>;
  readonly describeMessage: (body: MessageBody) => string;
  readonly scenarios: readonly Scenario[];
  readonly explainer: Explainer;
  /** The kit's default is the protocol's defaults to depth 12, one crash and one loss. */
  readonly checking?: CheckingDefinition;
  /** Problems between options that are each in range on their own ("R is more than N"). */
  readonly crossCheck?: (config: ConfigOf<Options>) => readonly string[];
  /** Whether the invariants read the order of observations, of all or of some (see `System.orderedObservations`). */
  readonly orderedObservations?: System['orderedObservations'];
  /** What the cost panel counts (see costs.ts); none by default. */
  readonly costs?: readonly CostCounter[];
  readonly comparison?: CostComparison;
}
