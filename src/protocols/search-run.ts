// A model-checking search as a page asks for one: from the run on screen (or its start), with
// bounds a person sets in words, looking for any invariant to break or for one named rule. Plain
// data in and out, so the request and the outcome cross to a Web Worker and back unchanged, and
// never a throw: every problem comes back as a sentence.
import { checkWorld, ExploreError, faultBudgetProblem, faultKinds, type FaultBudget, type RunSpec, type SearchProgress, type Timing } from '../engine';
import { crashableNodes } from './kit/checking';
import type { Protocol } from './kit/types';
import { openRunOf } from './open-run-of';

export interface SearchRequest {
  /** The run searched from: its settings, and the choices played before the search starts. */
  readonly run: RunSpec;
  /** How many steps deep, beyond the start, the search goes. */
  readonly steps: number;
  /** The faults any one run may take beyond the start, by kind. */
  readonly budget: FaultBudget;
  /** The id of the invariant or condition looked for; null for any invariant breaking. */
  readonly target: string | null;
  /** The most distinct states the search may store before it stops. */
  readonly maxStates: number;
  /** Follow the clock (timers on time, messages at or after theirs), or null to ignore due times. */
  readonly timing: Timing | null;
}

/** What a search reports as it goes: the depth in steps beyond the start. */
export interface SearchProgressReport {
  readonly states: number;
  readonly steps: number;
}

export type SearchOutcome =
  /** The shortest run to the target: `choices` is the whole run, the start's choices included. */
  | { readonly kind: 'found'; readonly rule: string; readonly message: string; readonly choices: RunSpec['choices']; readonly states: number }
  /** The start already breaks the rule (or the condition already holds there). */
  | { readonly kind: 'already'; readonly rule: string; readonly message: string }
  /**
   * Nothing found. `stopped` says why the search ended: every run within the bounds was searched
   * ('bounds'), every state reachable within the fault budget was, however deep ('everything'),
   * the state cap was reached ('cap'), or the caller stopped it ('asked', with its sentence).
   */
  | {
      readonly kind: 'none';
      readonly states: number;
      readonly steps: number;
      readonly stopped: 'bounds' | 'everything' | 'cap' | 'asked';
      readonly reason: string | null;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** What a page lets a person ask for: a search deeper or with more faults takes too long to finish. */
export const searchLimits = { steps: { min: 1, max: 40 }, faults: { min: 0, max: 5 }, delay: { min: 0, max: 10_000 } } as const;

/** What is wrong with the bounds, as a sentence a person can act on, or null. */
export function searchBoundsProblem(steps: number, budget: Partial<FaultBudget>, timing: Timing | null = null): string | null {
  const delay = timing?.maxDelay ?? null;
  if (delay !== null && (!Number.isInteger(delay) || delay < searchLimits.delay.min || delay > searchLimits.delay.max))
    return `How late a message may be must be a whole number of ticks from ${searchLimits.delay.min} to ${searchLimits.delay.max.toLocaleString('en-US')}, or left empty for any time.`;
  const { min, max } = searchLimits.steps;
  if (!Number.isInteger(steps) || steps < min || steps > max) return `Steps deep must be a whole number from ${min} to ${max}.`;
  for (const { kind } of faultKinds) {
    const value = budget[kind];
    if (value !== undefined && (!Number.isInteger(value) || value < searchLimits.faults.min || value > searchLimits.faults.max))
      return `${kind[0]!.toUpperCase()}${kind.slice(1)} must be a whole number from ${searchLimits.faults.min} to ${searchLimits.faults.max}.`;
  }
  return faultBudgetProblem(budget);
}

/**
 * Runs the search. `onProgress` hears how far it has got every few thousand states; returning a
 * sentence stops the search there.
 */
export function searchRun(protocol: Protocol, request: SearchRequest, onProgress?: (progress: SearchProgressReport) => string | null): SearchOutcome {
  const problem = searchBoundsProblem(request.steps, request.budget, request.timing);
  if (problem !== null) return { kind: 'failed', message: problem };
  if (!Number.isInteger(request.maxStates) || request.maxStates < 1) return { kind: 'failed', message: 'The state cap must be a whole number, at least 1.' };
  const target = request.target;
  const known = [...protocol.invariants, ...protocol.conditions].some((rule) => rule.id === target);
  if (target !== null && !known) return { kind: 'failed', message: `${protocol.title} has no rule "${target.slice(0, 60)}".` };
  const opened = openRunOf(protocol, request.run);
  if (!opened.ok) return { kind: 'failed', message: `This run cannot be searched: ${opened.reason}.` };
  let asked: string | null = null;
  const report = onProgress && ((p: SearchProgress) => (asked = onProgress({ states: p.distinctStates, steps: p.depth - 1 })));
  // Crashes only where the protocol's guarantees are stated for them (a cache's servers never crash).
  const crashable = crashableNodes(protocol, opened.system);
  try {
    const result = checkWorld(opened.system, request.run.seed, {
      ...(crashable === undefined ? {} : { crashable }),
      maxDepth: request.steps + 1,
      maxStates: request.maxStates,
      budget: request.budget,
      prefix: request.run.choices,
      ...(target === null ? {} : { target }),
      ...(request.timing === null ? {} : { timed: request.timing }),
      ...(report === undefined ? {} : { onProgress: report }),
    });
    if (result.kind === 'violation') {
      const { rule, message, choices, distinctStates } = result;
      if (result.depth === 1) return { kind: 'already', rule, message };
      return { kind: 'found', rule, message, choices, states: distinctStates };
    }
    const stopped = asked !== null ? 'asked' : result.exhaustive ? 'everything' : result.distinctStates >= request.maxStates ? 'cap' : 'bounds';
    return { kind: 'none', states: result.distinctStates, steps: result.depth - 1, stopped, reason: asked };
  } catch (error) {
    if (error instanceof ExploreError) return { kind: 'failed', message: `The search could not run: ${error.message}.` };
    throw error;
  }
}
