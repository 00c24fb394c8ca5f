import { apply, ChoiceError, createWorld } from './perform';
import { sameChoice, type Choice } from './choice';
import { choiceLabel } from './choice-label';
import { fitLimits, samePrefix, touch } from './history-branches';
import { next } from './schedule';
import type { System } from './system';
import type { World } from './world';

/*
 * A run is (system, seed, choices). A history holds one or more runs that share a start: the
 * branches a person made by stepping back and choosing differently. It is plain immutable data
 * and every function here returns a new history; the cursor (the step shown) belongs to the
 * caller and is passed in.
 *
 * Each branch keeps its full list of choices (so any step is one index away), the world after
 * its last choice (the tip), and a checkpoint world every `checkpointEverySteps` choices.
 * Seeking restores the nearest checkpoint at or before the step and replays at most
 * `checkpointEverySteps − 1` choices. A fork copies the parent's checkpoints up to the fork as
 * references: the worlds themselves, whose traces are persistent lists, are shared.
 *
 * Costs, for a branch of n choices and K = checkpointEverySteps:
 * - `worldAt`: O(1) at the tip, otherwise at most K − 1 `apply` calls.
 * - `choose` at the end: one `apply` plus an O(n + n/K) copy of the choice and checkpoint lists.
 * - `choose` in the past: one seek, one `apply`, an O(n) prefix copy, and for each stored
 *   branch with the same choice at that step an O(step) prefix comparison.
 * - `extend` and `play` with m choices: m `apply` calls and one O(n + m) copy.
 * Memory: the choices of every branch, plus about n/K worlds per branch beyond shared forks.
 */

export interface HistoryLimits {
  /** How often a checkpoint world is kept: seeking replays fewer than this many choices. */
  readonly checkpointEverySteps: number;
  /** How many branches are kept; the least recently shown goes first when there are more. */
  readonly maxBranches: number;
  /** How many choices all branches together may hold. */
  readonly maxStoredSteps: number;
}

export const defaultHistoryLimits: HistoryLimits = {
  checkpointEverySteps: 256,
  maxBranches: 64,
  maxStoredSteps: 1_000_000,
};

/** One stored run. Every field is fixed once the record is made. */
export interface BranchRecord {
  readonly id: number;
  /** The branch this one forked from, or null for a branch that starts the history. */
  readonly parent: number | null;
  /**
   * How many choices it shares with its parent: its own story starts at this step. A branch
   * whose parent was let go keeps the step where it forked.
   */
  readonly forkStep: number;
  /** A few words for the choice that started the branch. */
  readonly label: string;
  readonly choices: readonly Choice[];
  /** `checkpoints[i]` is the world after `i × checkpointEverySteps` choices. */
  readonly checkpoints: readonly World[];
  /** The world after every choice. */
  readonly tip: World;
  /** When the branch was last shown, on the history's own counter. */
  readonly usedAt: number;
}

export interface History {
  readonly system: System;
  readonly seed: number;
  readonly limits: HistoryLimits;
  /** Every stored branch, oldest first. */
  readonly branchRecords: readonly BranchRecord[];
  /** The id of the branch shown now. */
  readonly current: number;
  readonly nextBranchId: number;
  /** Counts changes of branch, to find the least recently shown one. */
  readonly clock: number;
  /** Set when a cap made the history forget a branch: says which, in plain words. */
  readonly notice: string | null;
}

/** The branch shown now. */
export function currentBranch(h: History): BranchRecord {
  return h.branchRecords.find((b) => b.id === h.current)!;
}

/** The number of choices on the branch shown: the cursor runs from 0 to this. */
export function historyLength(h: History): number {
  return currentBranch(h).choices.length;
}

/** The choices of the branch shown, for a share link or a replay. */
export function historyChoices(h: History): readonly Choice[] {
  return currentBranch(h).choices;
}

function checkStep(h: History, step: number): void {
  const length = historyLength(h);
  if (!Number.isInteger(step) || step < 0 || step > length)
    throw new RangeError(`step ${step} is outside this run, which has ${length} steps`);
}

/** Applies choices to a branch's tip, keeping checkpoints. Throws ChoiceError naming the step. */
function appendChoices(branch: BranchRecord, added: readonly Choice[], every: number): BranchRecord {
  if (added.length === 0) return branch;
  const choices = branch.choices.slice();
  const checkpoints = branch.checkpoints.slice();
  let world = branch.tip;
  for (const choice of added) {
    try {
      world = apply(world, choice);
    } catch (error) {
      if (!(error instanceof ChoiceError) || added.length === 1) throw error;
      throw new ChoiceError(`step ${world.step + 1}: ${error.message}`);
    }
    choices.push(choice);
    if (world.step % every === 0) checkpoints.push(world);
  }
  return { ...branch, choices, checkpoints, tip: world };
}

/**
 * A history of one branch: the run from `seed` through `choices`. Throws ChoiceError, naming
 * the step, if a choice is impossible (a link that does not fit the protocol it names).
 */
export function createHistory(
  system: System,
  seed: number,
  choices: readonly Choice[] = [],
  limits: Partial<HistoryLimits> = {},
): History {
  const all = { ...defaultHistoryLimits, ...limits };
  if (!Number.isInteger(all.checkpointEverySteps) || all.checkpointEverySteps < 1)
    throw new RangeError('checkpointEverySteps must be a whole number, at least 1');
  const start = createWorld(system, seed);
  const empty: BranchRecord = { id: 0, parent: null, forkStep: 0, label: 'start', choices: [], checkpoints: [start], tip: start, usedAt: 0 };
  const h: History = { system, seed, limits: all, branchRecords: [empty], current: 0, nextBranchId: 1, clock: 0, notice: null };
  return extend(h, choices);
}

/** The world after `step` choices of the branch shown. */
export function worldAt(h: History, step: number): World {
  checkStep(h, step);
  const branch = currentBranch(h);
  if (step === branch.choices.length) return branch.tip;
  let world = branch.checkpoints[Math.floor(step / h.limits.checkpointEverySteps)]!;
  for (let i = world.step; i < step; i++) world = apply(world, branch.choices[i]!);
  return world;
}

function replaceBranch(h: History, branch: BranchRecord): History {
  return { ...h, branchRecords: h.branchRecords.map((b) => (b.id === branch.id ? branch : b)) };
}

/** Appends choices at the end of the branch shown, in one pass (auto-play, a pasted run). */
export function extend(h: History, choices: readonly Choice[]): History {
  if (choices.length === 0) return h;
  const grown = appendChoices(currentBranch(h), choices, h.limits.checkpointEverySteps);
  return fitLimits(replaceBranch(h, grown));
}

/**
 * Lets a scheduler (the default one unless given) make up to `steps` choices at the end of the
 * branch shown. Stops early when it has nothing to choose (nothing pending, or the run halted).
 */
export function play(h: History, steps: number, pick: (world: World) => Choice | null = next): History {
  const picked: Choice[] = [];
  let world = currentBranch(h).tip;
  for (let i = 0; i < steps; i++) {
    const choice = pick(world);
    if (choice === null) break;
    world = apply(world, choice);
    picked.push(choice);
  }
  return extend(h, picked);
}

/**
 * Makes `choice` at step `atStep` of the branch shown; the caller's cursor then moves to
 * `atStep + 1`. At the end this appends. In the past:
 * - the same choice the branch already has there changes nothing (the history is returned as is);
 * - the choice that another stored branch with the same past made there switches to that branch,
 *   so its whole future comes back;
 * - any other choice forks: a new branch is made and shown, and the old future stays stored.
 * Throws ChoiceError (from `apply`) if the choice is impossible there; the history is unchanged.
 */
export function choose(h: History, atStep: number, choice: Choice): History {
  checkStep(h, atStep);
  const branch = currentBranch(h);
  if (atStep === branch.choices.length) return extend(h, [choice]);
  if (sameChoice(branch.choices[atStep]!, choice)) return h;
  const twin = h.branchRecords
    .filter((b) => b.id !== branch.id && b.choices.length > atStep && sameChoice(b.choices[atStep]!, choice))
    .sort((a, b) => b.usedAt - a.usedAt)
    .find((b) => samePrefix(b.choices, branch.choices, atStep));
  if (twin !== undefined) return touch(h, twin.id);
  const before = worldAt(h, atStep);
  const every = h.limits.checkpointEverySteps;
  const stem: BranchRecord = {
    id: h.nextBranchId,
    parent: branch.id,
    forkStep: atStep,
    label: choiceLabel(before, choice),
    choices: branch.choices.slice(0, atStep),
    checkpoints: branch.checkpoints.slice(0, Math.floor(atStep / every) + 1),
    tip: before,
    usedAt: h.clock + 1,
  };
  const fork = appendChoices(stem, [choice], every);
  const grown: History = { ...h, branchRecords: [...h.branchRecords, fork], current: fork.id, nextBranchId: fork.id + 1, clock: h.clock + 1 };
  return fitLimits(grown);
}
