import type { Choice } from '../choice';
import { faultBudget, faultBudgetProblem, type FaultBudget } from '../fault-kinds';
import { replay } from '../run';
import type { System } from '../system';
import type { NodeId } from '../types';
import { checkModel } from './check-model';
import { Interner } from './interner';
import { ExploreError, type CheckOptions, type CheckResult } from './model';
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
  /** See `CheckOptions.onProgress`. */
  readonly onProgress?: CheckOptions['onProgress'];
  /** The nodes a run may crash; every node when omitted. */
  readonly crashable?: readonly NodeId[];
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

/**
 * Searches every run of `system` (from `seed`, after `prefix`) breadth first over `enabled`, with
 * at most `budget` faults of each kind, and returns the shortest run that breaks an invariant.
 * Throws an `ExploreError` with a clear message for bad options or a prefix that cannot be replayed.
 */
export function checkWorld(system: System, seed: number, options: WorldCheckOptions): WorldCheckResult {
  const problem = faultBudgetProblem(options.budget);
  if (problem !== null) throw new ExploreError(problem);
  const prefix = options.prefix ?? [];
  const played = replay(system, seed, prefix);
  if (!played.ok) throw new ExploreError(`the prefix cannot be replayed: step ${played.step} failed: ${played.reason}`);
  // The part ids of this search's worlds: made for it, and dropped with it.
  const model = worldModel(played.world, faultBudget(options.budget), new Interner(), options.crashable);
  const result = checkModel(model, { maxDepth: options.maxDepth, maxStates: options.maxStates, onProgress: options.onProgress });
  if (result.kind === 'none') return result;
  const { rule, message, distinctStates, depth } = result;
  return { kind: 'violation', rule, message, choices: [...prefix, ...result.actions], distinctStates, depth };
}
