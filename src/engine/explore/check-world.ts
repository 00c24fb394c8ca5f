import type { Choice } from '../choice';
import { faultBudget, faultBudgetProblem, type FaultBudget } from '../fault-kinds';
import { SearchStepLimit } from '../draft';
import { replay } from '../run';
import type { Rule, System } from '../system';
import type { NodeId } from '../types';
import type { World } from '../world';
import { checkModel } from './check-model';
import { Interner } from './interner';
import { ExploreError, type CheckOptions, type CheckResult } from './model';
import { randomWalks, type WalkResult } from './random-walk';
import type { Timing } from './timed';
import { worldModel } from './world-model';

export interface WorldCheckOptions {
  /** The deepest level searched, TLC style: the world after `prefix` is depth 1. */
  readonly maxDepth: number;
  /** The most distinct states stored before the search gives up. Default 1,000,000. */
  readonly maxStates?: number;
  /** The faults any one run may contain, beyond those in `prefix`; kinds not named, none. */
  readonly budget: Partial<FaultBudget>;
  /** Choices applied before the search starts; they do not count against the budget. */
  readonly prefix?: readonly Choice[];
  /**
   * What to look for: the id of one invariant, or of a condition (a state where it holds: "reach
   * a state where P2 is blocked in doubt"). Default: a breach of any invariant.
   */
  readonly target?: string;
  /** See `CheckOptions.onProgress`. */
  readonly onProgress?: CheckOptions['onProgress'];
  /**
   * How the search steps, for measuring and for the tests that prove both ways equal. Default:
   * search steps and sleep sets, which find the same states, depths and runs as full steps
   * without them, faster.
   */
  readonly method?: SearchMethod;
  /** The nodes a run may crash; every node when omitted. */
  readonly crashable?: readonly NodeId[];
  /** Follow the clock rather than ignore due times (timed.ts): for protocols whose safety rests on time. */
  readonly timed?: Timing;
}

export interface SearchMethod {
  /** Full engine steps (trace, every rule on every step) rather than search steps. */
  readonly fullSteps?: boolean;
  /** Skip the orders of commuting choices that lead to states met anyway (sleep sets). */
  readonly sleepSets?: boolean;
}

export type WorldCheckResult =
  | {
      readonly kind: 'violation';
      readonly rule: string;
      readonly message: string;
      /** The whole run from `createWorld(system, seed)`, prefix included: `replay` reproduces it. */
      readonly choices: readonly Choice[];
      readonly distinctStates: number;
      readonly depth: number;
    }
  | Extract<CheckResult<unknown, unknown>, { kind: 'none' }>;

/** The rules a search looks for: one invariant or condition by id, or every invariant. */
function targetRules(system: System, target: string | undefined): readonly Rule[] {
  if (target === undefined) return system.invariants;
  const rule = system.invariants.find((r) => r.id === target) ?? system.conditions.find((r) => r.id === target);
  if (rule === undefined) throw new ExploreError(`there is no invariant or condition "${target}"`);
  return [rule];
}

/** A rule the run before the search already broke (or a condition holding there): nothing to search. */
function alreadyThere(world: World, rules: readonly Rule[]): { rule: string; message: string } | null {
  for (const rule of rules) {
    const recorded = world.violations.find((v) => v.rule === rule.id) ?? world.conditions[rule.id];
    if (recorded !== undefined) return { rule: rule.id, message: recorded.message };
  }
  return null;
}

export interface WorldWalkOptions extends Pick<WorldCheckOptions, 'budget' | 'prefix' | 'target' | 'crashable' | 'timed'> {
  readonly walks: number;
  /** The most steps one walk takes after `prefix`. */
  readonly steps: number;
  /** Which walks (default 1): the same seed gives the same walks. */
  readonly walkSeed?: number;
}

/** What the walks found; a violation's choices are the whole run, prefix included, as `replay` takes them. */
export type WorldWalkResult = Extract<WalkResult, { kind: 'none' }> | (Extract<WalkResult, { kind: 'violation' }> & { readonly depth: number });

/**
 * Seeded random walks from the world after `prefix`, within the budget (see random-walk.ts): a
 * fast first pass that finds deep breaches a breadth-first search cannot reach, and proves
 * nothing when it finds none. A breach found is shrunk to a short run that still breaks the rule.
 */
export function walkWorld(system: System, seed: number, options: WorldWalkOptions): WorldWalkResult {
  const problem = faultBudgetProblem(options.budget);
  if (problem !== null) throw new ExploreError(problem);
  const rules = targetRules(system, options.target);
  const prefix = options.prefix ?? [];
  const played = replay(system, seed, prefix);
  if (!played.ok) throw new ExploreError(`the prefix cannot be replayed: step ${played.step} failed: ${played.reason}`);
  const found = alreadyThere(played.world, rules);
  if (found !== null) return { kind: 'violation', ...found, choices: prefix, walk: 0, walkedSteps: 0, depth: 1 };
  const budget = faultBudget(options.budget);
  const result = randomWalks(played.world, { walks: options.walks, steps: options.steps, budget, rules, crashable: options.crashable, timed: options.timed, seed: options.walkSeed ?? 1 });
  if (result.kind === 'none') return result;
  return { ...result, choices: [...prefix, ...result.choices], depth: result.choices.length + 1 };
}

/**
 * Searches every run of `system` (from `seed`, after `prefix`) breadth first over `enabled`, with
 * at most `budget` faults of each kind, and returns the shortest run that breaks an invariant (or
 * reaches the target). Throws an `ExploreError` with a clear message for bad options or a prefix
 * that cannot be replayed.
 */
export function checkWorld(system: System, seed: number, options: WorldCheckOptions): WorldCheckResult {
  const problem = faultBudgetProblem(options.budget);
  if (problem !== null) throw new ExploreError(problem);
  const rules = targetRules(system, options.target);
  const prefix = options.prefix ?? [];
  const played = replay(system, seed, prefix);
  if (!played.ok) throw new ExploreError(`the prefix cannot be replayed: step ${played.step} failed: ${played.reason}`);
  const found = alreadyThere(played.world, rules);
  if (found !== null) return { kind: 'violation', ...found, choices: prefix, distinctStates: 1, depth: 1 };
  const sleepSets = options.method?.sleepSets ?? true;
  const search = (fullSteps: boolean) => {
    // The part ids of this search's worlds: made for it, and dropped with it.
    const model = worldModel(played.world, faultBudget(options.budget), new Interner(), { rules, fullSteps, sleepSets, crashable: options.crashable, timed: options.timed });
    return checkModel(model, { maxDepth: options.maxDepth, maxStates: options.maxStates, onProgress: options.onProgress });
  };
  let result;
  try {
    result = search(options.method?.fullSteps ?? false);
  } catch (error) {
    // A run so long that its trace might reach the cap: only full steps say where it halts.
    if (!(error instanceof SearchStepLimit)) throw error;
    result = search(true);
  }
  if (result.kind === 'none') return result;
  const { rule, message, distinctStates, depth } = result;
  return { kind: 'violation', rule, message, choices: [...prefix, ...result.actions], distinctStates, depth };
}
