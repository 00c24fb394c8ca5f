// The one place the UI touches the engine's history (src/engine/history.ts): a run's settings
// (protocol, variant, config, seed) next to its branching history of choices. Every function is
// pure and returns a new value; impossible choices come back as a reason, never as a throw.
import {
  branches,
  ChoiceError,
  choose,
  createHistory,
  extend,
  historyChoices,
  historyLength,
  sameChoice,
  switchBranch,
  worldAt as historyWorldAt,
  type BranchInfo,
  type History,
  type RunSpec,
  type System,
  type World,
} from '../../engine';
import type { Choice } from '../../engine';

export type RunSettings = Omit<RunSpec, 'choices'>;

export interface RunHistory {
  readonly settings: RunSettings;
  readonly history: History;
}

export type Outcome = { readonly ok: true; readonly run: RunHistory } | { readonly ok: false; readonly reason: string };

function attempt(make: () => RunHistory): Outcome {
  try {
    return { ok: true, run: make() };
  } catch (error) {
    if (error instanceof ChoiceError || error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A run at step 0 with no choices. */
export function freshRun(settings: RunSettings, system: System): RunHistory {
  return { settings, history: createHistory(system, settings.seed) };
}

/** A whole run (from a link or a scenario), or the reason its choices do not fit. */
export function replayRun(spec: RunSpec, system: System): Outcome {
  const { choices, ...settings } = spec;
  return attempt(() => ({ settings, history: createHistory(system, settings.seed, choices) }));
}

export function runSpec(run: RunHistory): RunSpec {
  return { ...run.settings, choices: historyChoices(run.history) };
}

export function lastStep(run: RunHistory): number {
  return historyLength(run.history);
}

/** The world after `step` choices of the branch shown (clamped to the branch). */
export function worldAt(run: RunHistory, step: number): World {
  return historyWorldAt(run.history, Math.max(0, Math.min(Math.round(step), lastStep(run))));
}

/** A choice after `step` choices: appends at the end, forks in the past (the old future is kept). */
export function chooseAt(run: RunHistory, step: number, choice: Choice): Outcome {
  return attempt(() => ({ ...run, history: choose(run.history, step, choice) }));
}

/**
 * Opens a whole run of these settings (one a search found) on the history: it follows the branch
 * shown while their choices agree and forks where they part, so the found run becomes a branch and
 * the earlier future is kept. Already on the branch shown, nothing changes.
 */
export function followRun(run: RunHistory, choices: readonly Choice[]): Outcome {
  return attempt(() => {
    let history = run.history;
    for (let i = 0; i < choices.length; i++) {
      const shown = historyChoices(history);
      if (i < shown.length && sameChoice(shown[i]!, choices[i]!)) continue;
      if (i === shown.length) {
        history = extend(history, choices.slice(i));
        break;
      }
      history = choose(history, i, choices[i]!);
    }
    return history === run.history ? run : { ...run, history };
  });
}

export function branchList(run: RunHistory): BranchInfo[] {
  return branches(run.history);
}

/** Shows another kept branch, and says where it parts from the one shown before. */
export function showBranch(run: RunHistory, id: number): Outcome & { readonly partsAt?: number } {
  const before = historyChoices(run.history);
  const outcome = attempt(() => ({ ...run, history: switchBranch(run.history, id) }));
  if (!outcome.ok) return outcome;
  const after = historyChoices(outcome.run.history);
  let partsAt = 0;
  while (partsAt < before.length && partsAt < after.length && sameChoice(before[partsAt]!, after[partsAt]!)) partsAt++;
  return { ...outcome, partsAt };
}
