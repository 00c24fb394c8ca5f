import { apply } from '../perform';
import type { Choice } from '../choice';
import { enabled } from '../schedule';
import type { World } from '../world';
import type { Model } from './model';
import { worldFingerprint, worldKey } from '../fingerprint';

/** How many faults of each kind a checked run may still contain. Restarts and heals are free. */
export interface FaultBudget {
  readonly crashes: number;
  readonly losses: number;
  readonly duplicates: number;
  readonly partitions: number;
}

/** A world during a search, with the fault budget its run has left. */
export interface BudgetedWorld {
  readonly world: World;
  readonly budget: FaultBudget;
}

type FaultKind = keyof FaultBudget;

/** Which budget a choice draws on, if any. Deliveries, timers, client operations, restarts and heals are free. */
export function faultKind(choice: Choice): FaultKind | null {
  switch (choice.type) {
    case 'drop':
      return 'losses';
    case 'duplicate':
      return 'duplicates';
    case 'crash':
      return 'crashes';
    case 'partition':
      return 'partitions';
    default:
      return null;
  }
}

// Budgets are shared objects: one per distinct remaining budget, each with its key text made once.
const budgetKeys = new WeakMap<FaultBudget, string>();

function budgetKey(budget: FaultBudget): string {
  let key = budgetKeys.get(budget);
  if (key === undefined) {
    key = `${budget.crashes},${budget.losses},${budget.duplicates},${budget.partitions}`;
    budgetKeys.set(budget, key);
  }
  return key;
}

function spend(budget: FaultBudget, kind: FaultKind, spent: Map<FaultBudget, Map<FaultKind, FaultBudget>>): FaultBudget {
  let byKind = spent.get(budget);
  if (byKind === undefined) spent.set(budget, (byKind = new Map()));
  let after = byKind.get(kind);
  if (after === undefined) byKind.set(kind, (after = { ...budget, [kind]: budget[kind] - 1 }));
  return after;
}

/**
 * A world that remembers only the length of its trace and its last event. The checker keeps
 * thousands of worlds on its frontier; with whole traces they would hold every event of every
 * run explored so far. The length stays, so the trace cap halts a run exactly where `replay`
 * would. Nothing is lost: the key ignores the trace (so no invariant may depend on it), and a
 * counterexample is its choices, which replay to the full trace.
 */
function forgetTrace(world: World): World {
  const trace = world.trace;
  if (trace === null || trace.previous === null) return world;
  return { ...world, trace: { event: trace.event, previous: null, length: trace.length } };
}

/**
 * The simulator as a checker model: states are worlds with their remaining fault budget, actions
 * are the choices `enabled` lists that the budget allows. The key is `keyOf(world)`, the budget
 * left, and whether the run has halted; `keyOf` is `worldKey` (ids and ticks abstracted) unless
 * symmetry reduction gives another. Halted worlds enable nothing, so they are leaves. The first invariant violation
 * in a world is the model's violation. Worlds kept on the frontier forget their trace.
 */
export function worldModel(start: World, budget: FaultBudget, keyOf?: (world: World) => string): Model<BudgetedWorld, Choice> {
  const spent = new Map<FaultBudget, Map<FaultKind, FaultBudget>>();
  const worldKeyOf = keyOf ?? worldKey;
  // Each budget object gets a small number for the fingerprint's salt, equal for equal budgets:
  // two runs can spend their faults in different orders and reach equal budgets as two objects.
  const budgetIds = new Map<FaultBudget, number>();
  const idsByText = new Map<string, number>();
  const budgetId = (left: FaultBudget) => {
    let id = budgetIds.get(left);
    if (id === undefined) {
      const text = budgetKey(left);
      id = idsByText.get(text);
      if (id === undefined) idsByText.set(text, (id = idsByText.size));
      budgetIds.set(left, id);
    }
    return id;
  };
  return {
    initial: () => [{ world: start, budget }],
    actions({ world, budget: left }) {
      const all = enabled(world);
      if (left.crashes > 0 && left.losses > 0 && left.duplicates > 0 && left.partitions > 0) return all;
      return all.filter((choice) => {
        const kind = faultKind(choice);
        return kind === null || left[kind] > 0;
      });
    },
    step({ world, budget: left }, choice) {
      const kind = faultKind(choice);
      return { world: apply(world, choice), budget: kind === null ? left : spend(left, kind, spent) };
    },
    key: ({ world, budget: left }) => `${worldKeyOf(world)}\n%${budgetKey(left)}${world.halted === null ? '' : '\nhalted'}`,
    // Only the plain key has a fast form; a symmetric key goes through its text.
    fingerprint:
      keyOf === undefined
        ? ({ world, budget: left }, out) => worldFingerprint(world, 2 * budgetId(left) + (world.halted === null ? 0 : 1), out)
        : undefined,
    violation({ world }) {
      const first = world.violations[0];
      return first === undefined ? null : { rule: first.rule, message: first.message };
    },
    isFault: (choice) => faultKind(choice) !== null,
    retain: ({ world, budget: left }) => ({ world: forgetTrace(world), budget: left }),
  };
}
