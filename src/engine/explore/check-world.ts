import type { Choice } from '../choice';
import { replay } from '../run';
import type { System } from '../system';
import type { NodeId } from '../types';
import { checkModel } from './check-model';
import { ExploreError, type CheckResult } from './model';
import { worldModel, type FaultBudget } from './world-model';
import { symmetricWorldKey } from './world-symmetry';

export interface WorldCheckOptions {
  /** The deepest level searched, TLC style: the world after `prefix` is depth 1. */
  readonly maxDepth: number;
  /** The most distinct states stored before the search gives up. Default 1,000,000. */
  readonly maxStates?: number;
  /** The faults any one run may contain, beyond those in `prefix`. */
  readonly budget: FaultBudget;
  /** Choices applied before the search starts; they do not count against the budget. */
  readonly prefix?: readonly Choice[];
  /**
   * Groups of interchangeable nodes (see `world-symmetry.ts` for when this is sound): worlds that
   * differ only by renaming nodes within a group are visited once.
   */
  readonly symmetry?: readonly (readonly NodeId[])[];
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

function checkBudget(budget: FaultBudget): void {
  for (const kind of ['crashes', 'losses', 'duplicates', 'partitions'] as const) {
    const value = budget[kind];
    if (!Number.isInteger(value) || value < 0) throw new ExploreError(`the budget of ${kind} must be a whole number, at least 0; got ${value}`);
  }
}

/**
 * Searches every run of `system` (from `seed`, after `prefix`) breadth first over `enabled`, with
 * at most `budget` faults of each kind, and returns the shortest run that breaks an invariant.
 * Throws an `ExploreError` with a clear message for bad options or a prefix that cannot be replayed.
 */
export function checkWorld(system: System, seed: number, options: WorldCheckOptions): WorldCheckResult {
  checkBudget(options.budget);
  const prefix = options.prefix ?? [];
  const played = replay(system, seed, prefix);
  if (!played.ok) throw new ExploreError(`the prefix cannot be replayed: step ${played.step} failed: ${played.reason}`);
  const keyOf = options.symmetry === undefined ? undefined : symmetricWorldKey(system, options.symmetry);
  const model = worldModel(played.world, options.budget, keyOf);
  const result = checkModel(model, { maxDepth: options.maxDepth, maxStates: options.maxStates });
  if (result.kind === 'none') return result;
  const { rule, message, distinctStates, depth } = result;
  return { kind: 'violation', rule, message, choices: [...prefix, ...result.actions], distinctStates, depth };
}
