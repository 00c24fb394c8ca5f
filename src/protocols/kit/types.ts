// The contract between a protocol and everything above it (view-model, UI, CLI, tests).
// A protocol is made with `defineProtocol` (define-protocol.ts); consumers only see `Protocol`.
import type { Choice, Config, ConfigValue, FaultBudget, Json, MessageBody, NodeId, RunSpec, System, TraceEvent, World } from '../../engine';

// A run (`RunSpec`) and its config are engine data, so the share-link codec can carry them.
export type { Config, ConfigValue, RunSpec } from '../../engine';
import type { CostComparison, CostCounter } from './costs';
import type { NodeFact } from './facts';
export type { NodeFact, FactTone } from './facts';
export type { CostComparison, CostCounter, CostCount } from './costs';

/** One typed option with its default, range and the message shown when it is out of range. */
export type ConfigOption = {
  readonly key: string;
  readonly label: string;
  readonly help: string;
} & (
  | { readonly kind: 'int'; readonly default: number; readonly min: number; readonly max: number; readonly message: string }
  | { readonly kind: 'boolean'; readonly default: boolean }
  | { readonly kind: 'enum'; readonly default: string; readonly values: readonly string[]; readonly message: string }
);

/**
 * The config that a list of options describes, each key typed by its option's kind: declare the
 * options `as const satisfies readonly ConfigOption[]` and read `ConfigOf<typeof options>`. For
 * options typed only as `readonly ConfigOption[]` it is a plain record of values.
 */
export type ConfigOf<Options extends readonly ConfigOption[]> = {
  readonly [O in Options[number] as O['key']]: O extends { readonly kind: 'int' }
    ? number
    : O extends { readonly kind: 'boolean' }
      ? boolean
      : O extends { readonly kind: 'enum'; readonly values: readonly (infer V)[] }
        ? V
        : never;
};

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };

/** Scenario steps a model check plays before it searches, with a line saying where that is. */
export interface CheckingPrefix {
  readonly summary: string;
  readonly steps: readonly ScenarioStep[];
}

export interface Variant {
  readonly id: string;
  readonly title: string;
  /** One line: what was removed or broken ("acceptor does not persist its promise"). */
  readonly explanation: string;
  /**
   * Options this variant always runs with, whatever the config says: a broken variant breaks one
   * configuration's promise (last-write-wins is a fault of the dynamo configuration).
   */
  readonly config?: { readonly [key: string]: ConfigValue };
  /**
   * Where the search for this variant's failure starts, when it differs from the protocol's
   * (`CheckingDefaults.prefix`): a bug that needs a long setup in a protocol with many messages
   * per operation is out of a breadth-first search's reach from the very beginning.
   */
  readonly checkingPrefix?: CheckingPrefix;
  /**
   * The search's depth and fault budget for this variant, when they differ from the protocol's:
   * a start that already sets the scene may leave a mistake that needs no fault at all, and a
   * budget spent on faults it does not need multiplies the states searched.
   */
  readonly checkingBounds?: { readonly maxDepth?: number; readonly budget?: Partial<FaultBudget> };
}

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
}

/** How a scenario names a message: the first in flight (in due order) that matches every field. */
export interface MessagePick {
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
}

/** One scenario step, written with node names so scenarios read like the story they tell. */
export type ScenarioAction =
  | { readonly do: 'client'; readonly node: string; readonly op: string }
  | { readonly do: 'crash' | 'restart'; readonly node: string }
  | { readonly do: 'deliver' | 'drop' | 'duplicate'; readonly message: MessagePick }
  | { readonly do: 'fire'; readonly node: string; readonly timer?: string }
  | { readonly do: 'partition'; readonly groups: readonly (readonly string[])[] }
  | { readonly do: 'heal' }
  /**
   * Let the default scheduler take `times` steps (default 1), or, with `until`, as many as it
   * takes to deliver the first message that matches (bounded), so a story can say "let it run
   * until the OUTPUT reaches the sink" and keep every timer firing in its turn.
   */
  | { readonly do: 'next'; readonly times?: number; readonly until?: MessagePick }
  /** Let the default scheduler run until nothing is pending (bounded). */
  | { readonly do: 'settle' };

export type ScenarioStep = ScenarioAction & { readonly caption?: string };

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what the person will see. */
  readonly summary: string;
  readonly variant?: string;
  readonly config?: Partial<Config>;
  readonly seed?: number;
  readonly steps: readonly ScenarioStep[];
}

/** A scenario turned into an exact run, with its captions keyed by the step they follow. */
export interface CompiledScenario {
  readonly run: RunSpec;
  readonly captions: readonly { readonly step: number; readonly text: string }[];
}

export type NodeStatus = 'idle' | 'working' | 'waiting' | 'blocked' | 'done' | 'failed' | 'down';

/** What the generic UI draws for a node: no protocol rule ever lives in a component. */
export interface NodeDescription {
  readonly name: string;
  readonly role: string;
  /** One or two words for the node's state ("prepared", "committed"). */
  readonly label: string;
  readonly status: NodeStatus;
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** The one or two facts of the protocol drawn on the node itself (empty when down or none). */
  readonly facts: readonly NodeFact[];
}

/** A role's statechart, read from the machine definition itself. */
export interface StatechartDescription {
  readonly id: string;
  readonly states: readonly StatechartState[];
  readonly transitions: readonly StatechartTransition[];
}

export interface StatechartState {
  /** Dotted path from the root ("collecting", "deciding.commit"). */
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  readonly initial: boolean;
  readonly final: boolean;
}

export interface StatechartTransition {
  readonly source: string;
  readonly target: string | null;
  /** The event's name in plain form ("PREPARE", "after voteTimeout"). */
  readonly event: string;
  readonly guard: string | null;
}

export interface Explainer {
  /** Paragraphs of plain text (no HTML): what the protocol does. */
  readonly intro: readonly string[];
  /** Paragraphs: the failure it teaches and how to see it here. */
  readonly lesson: readonly string[];
}

/**
 * The small instance the model checker searches by default (`fault-lines check`): a config
 * override, a depth and a fault budget. Model checkers explore small instances on purpose: the
 * state space grows exponentially with the number of nodes, and most protocol bugs already show
 * with two or three of them.
 */
export interface CheckingDefaults {
  readonly config: { readonly [key: string]: ConfigValue };
  /**
   * Where the search starts, when not at the very beginning: scenario steps played first (they
   * do not count against the budget). Long protocols use it so that a small depth reaches the
   * interesting part, as a model checker's initial-state predicate would.
   */
  readonly prefix?: CheckingPrefix;
  /**
   * Where the search starts when that depends on the config (how many acceptors make a
   * majority): used when the variant names no `checkingPrefix`, before `prefix`. Null means
   * from the beginning for that config.
   */
  readonly prefixFor?: (config: Config) => CheckingPrefix | null;
  readonly maxDepth: number;
  readonly budget: FaultBudget;
  /**
   * The roles whose nodes a search may crash, when the protocol's guarantees are stated for a
   * narrower fault model than "any node" (every role when omitted).
   */
  readonly crashRoles?: readonly string[];
}

export interface RoleInfo {
  readonly role: string;
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly statechart: StatechartDescription;
}

export interface Protocol {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly roles: readonly RoleInfo[];
  readonly config: readonly ConfigOption[];
  readonly variants: readonly Variant[];
  readonly invariants: readonly RuleInfo[];
  readonly conditions: readonly RuleInfo[];
  readonly scenarios: readonly Scenario[];
  readonly explainer: Explainer;
  readonly checking: CheckingDefaults;
  /** What the generic cost panel totals for this protocol (empty: no cost panel). */
  readonly costs: readonly CostCounter[];
  /** A workload whose costs a page compares under several settings. */
  readonly comparison?: CostComparison;
  defaults(): Config;
  /**
   * Validates any input (from a form, a link, the CLI) into a config, or says what is wrong. With
   * a variant, the options the variant pins (`Variant.config`) replace the input's.
   */
  validate(input: { readonly [key: string]: unknown }, variant?: string): ConfigResult;
  /** The engine system for a valid config and a variant id. Throws on an unknown variant. */
  build(config: Config, variant: string): System;
  describe(world: World, node: NodeId): NodeDescription;
  /** Plain words for a message body ("VOTE yes"). */
  describeMessage(body: MessageBody): string;
  /**
   * One line of plain narration for a trace event, or null for events not worth a line of the
   * story; with `detail` (a tooltip on one mark) every kind of event is told.
   */
  narrate(world: World, event: TraceEvent, detail?: boolean): string | null;
  /** A choice in the protocol's words, as branch labels, buttons and the CLI say it ("drop VOTE yes P2 → coordinator"). */
  describeChoice(world: World, choice: Choice): string;
  /** The state ids currently lit in the node's statechart (empty while the node is down). */
  activeStates(world: World, node: NodeId): readonly string[];
  compileScenario(scenario: Scenario): CompiledScenario;
}

export type { Json };
