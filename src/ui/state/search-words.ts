// What the "Find a violation" panel says, as plain functions of the search's state: the progress
// line, and the one sentence that tells the outcome (also announced to screen readers).
import type { Timing } from '../../engine';
import type { SearchOutcome } from '../../protocols/search-run';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** What the search looks for: any invariant, one invariant, or a condition. */
export interface SearchTarget {
  readonly rule: string | null;
  readonly kind: 'invariant' | 'condition';
}

export interface SearchProgressLine {
  readonly states: number;
  readonly steps: number;
  readonly maxSteps: number;
  readonly statesPerSecond: number;
}

export function progressText({ states, steps, maxSteps, statesPerSecond }: SearchProgressLine): string {
  if (states === 0) return 'Searching…';
  return `Searching: ${plural(states, 'state', 'states')}, depth ${steps} of ${maxSteps}, ${count(statesPerSecond)} states a second`;
}

/** Where the search started, in words: "from the start", "from step 4". */
export const fromWords = (fromStep: number) => (fromStep === 0 ? 'from the start' : `from step ${fromStep}`);

export interface OutcomeContext {
  readonly target: SearchTarget;
  readonly fromStep: number;
  readonly maxStates: number;
  readonly maxSteps: number;
  readonly seconds: number;
  /** How the search treated time; null (or absent) when it ignored due times. */
  readonly timing?: Timing | null;
}

/** How a search that followed the clock treated messages, as a clause: "following the clock, messages at most 20 ticks late". */
export function clockWords(timing: Timing | null | undefined): string {
  if (timing === null || timing === undefined) return '';
  return timing.maxDelay === null ? ', following the clock' : `, following the clock with messages at most ${plural(timing.maxDelay, 'tick', 'ticks')} late`;
}

function foundText(outcome: Extract<SearchOutcome, { kind: 'found' }>, { target, fromStep, seconds, timing }: OutcomeContext): string {
  const steps = outcome.choices.length - fromStep;
  const found = `Found${clockWords(timing)}:`;
  const searched = `${plural(outcome.states, 'state', 'states')} searched in ${seconds.toFixed(1)} s`;
  if (target.kind === 'condition')
    return `${found} ${outcome.rule} holds after ${plural(steps, 'step', 'steps')} ${fromWords(fromStep)}: ${outcome.message}. The run is open as a new branch, at step ${outcome.choices.length}, where it begins (${searched}).`;
  return `${found} ${outcome.rule} breaks after ${plural(steps, 'step', 'steps')} ${fromWords(fromStep)}: ${outcome.message}. The run is open as a new branch, at step ${outcome.choices.length}, where it breaks (${searched}).`;
}

function noneText(outcome: Extract<SearchOutcome, { kind: 'none' }>, { target, maxStates, maxSteps, seconds, timing }: OutcomeContext): string {
  const none = target.kind === 'condition' ? `No run reaches ${target.rule}` : target.rule === null ? 'No violation' : `No run breaks ${target.rule}`;
  const clock = clockWords(timing);
  const nothing = clock === '' ? none : `${none}${clock},`;
  const took = `${seconds.toFixed(1)} s`;
  switch (outcome.stopped) {
    case 'bounds':
      return `${nothing} within these bounds: ${plural(outcome.states, 'state', 'states')}, depth ${outcome.steps} (${took}).`;
    case 'everything':
      return `${nothing} at any depth: all ${plural(outcome.states, 'reachable state', 'reachable states')} searched, and no run with these faults goes deeper than ${plural(outcome.steps, 'step', 'steps')} (${took}).`;
    case 'cap':
      return `The search stopped at its cap of ${count(maxStates)} states, at depth ${outcome.steps} of ${maxSteps}, with nothing found so far. Ask for fewer steps or faults, or use fewer nodes in Setup, to search the whole bounds.`;
    case 'asked':
      return outcome.reason ?? 'The search stopped.';
  }
}

/** The sentence that tells how a search ended. */
export function outcomeText(outcome: SearchOutcome, context: OutcomeContext): string {
  switch (outcome.kind) {
    case 'found':
      return foundText(outcome, context);
    case 'none':
      return noneText(outcome, context);
    case 'already': {
      const state = context.target.kind === 'condition' ? 'already holds' : 'is already broken';
      return `${outcome.rule} ${state} at the frame searched from (step ${context.fromStep}): ${outcome.message}. Search from the start, or from an earlier step.`;
    }
    case 'failed':
      return outcome.message;
  }
}
