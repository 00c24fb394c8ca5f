// The kinds of fault a run can contain, listed once. The checker's fault budget, its validation,
// the budget's words and the CLI's options (`--crashes`, `--losses`...) are all derived from this
// list, so a new kind of fault is added here and in the choice that makes it, and nowhere else.
import type { Choice, ChoiceType } from './choice';

interface FaultKindInfo {
  /** The budget's name, a plural noun: also the CLI's option (`--crashes 1`). */
  readonly kind: string;
  /** The choice that spends it. Restarts, heals, deliveries and timers are free. */
  readonly choice: ChoiceType;
  /** The noun for one of them ("1 loss"). */
  readonly one: string;
}

export const faultKinds = [
  { kind: 'crashes', choice: 'crash', one: 'crash' },
  { kind: 'losses', choice: 'drop', one: 'loss' },
  { kind: 'duplicates', choice: 'duplicate', one: 'duplicate' },
  { kind: 'partitions', choice: 'partition', one: 'partition' },
] as const satisfies readonly FaultKindInfo[];

export type FaultKind = (typeof faultKinds)[number]['kind'];

/** How many faults of each kind a checked run may contain. */
export type FaultBudget = { readonly [K in FaultKind]: number };

/** Which budget a choice draws on, or null for a choice that is not a fault. */
export function faultKind(choice: Choice): FaultKind | null {
  // A loop over four entries: as fast as a switch, on the checker's hot path.
  for (let i = 0; i < faultKinds.length; i++) if (faultKinds[i]!.choice === choice.type) return faultKinds[i]!.kind;
  return null;
}

/** A whole budget from the kinds named; every kind not named gets `others` (none by default). */
export function faultBudget(named: Partial<FaultBudget>, others = 0): FaultBudget {
  return Object.fromEntries(faultKinds.map(({ kind }) => [kind, named[kind] ?? others])) as { [K in FaultKind]: number };
}

/** What is wrong with a budget given from outside (a whole number, at least 0, of each kind), or null. */
export function faultBudgetProblem(budget: Partial<FaultBudget>): string | null {
  for (const { kind } of faultKinds) {
    const value = budget[kind];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) return `the budget of ${kind} must be a whole number, at least 0; got ${value}`;
  }
  return null;
}

/** The budget in words: "1 crash, 1 loss, 0 duplicates, 0 partitions". */
export function faultBudgetText(budget: FaultBudget): string {
  return faultKinds.map(({ kind, one }) => `${budget[kind]} ${budget[kind] === 1 ? one : kind}`).join(', ');
}
