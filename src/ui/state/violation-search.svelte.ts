// "Find a violation": the model checker run in a Web Worker on the run on screen. The page's thread
// only sends the request and hears progress, so it stays responsive; a second search, Cancel and
// removing the simulator end the worker at once (a search is one long computation, so ending the
// worker is the only way to stop it mid-way). A run found opens as a new branch of the history.
import { faultKinds, type FaultBudget, type RunSpec, type Timing } from '../../engine';
import { checkingBoundsOf } from '../../protocols/kit/checking';
import { searchBoundsProblem, type SearchOutcome, type SearchRequest } from '../../protocols/search-run';
import type { StartSearch, WorkerReport } from '../search/messages';
import { outcomeText, type SearchTarget } from './search-words';
import type { Simulation } from './simulation.svelte';

export interface SearchSettings {
  readonly steps: number;
  readonly budget: FaultBudget;
  readonly from: 'frame' | 'start';
  /** An invariant or condition id; null for any invariant. */
  readonly target: string | null;
  /** Follow the clock, or null to let timers fire in any order (the default: it misses nothing). */
  readonly timing: Timing | null;
}

/** One step of a run found, told in words, for the panel's list. */
export interface FoundStep {
  readonly step: number;
  readonly lines: readonly string[];
}

export type SearchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'invalid'; readonly message: string }
  | {
      readonly kind: 'running';
      readonly states: number;
      readonly steps: number;
      readonly maxSteps: number;
      readonly statesPerSecond: number;
    }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'done';
      readonly outcome: SearchOutcome;
      readonly text: string;
      /** The steps of the run found, from the start of the search to where the rule breaks. */
      readonly found: readonly FoundStep[];
    };

/** What a search was started with: kept to tell its outcome and to open what it finds. */
interface Pending {
  readonly id: number;
  readonly settings: SearchSettings;
  readonly run: RunSpec;
  readonly fromStep: number;
  readonly target: SearchTarget;
}

function defaultWorker(): Worker {
  return new Worker(new URL('../search/search-worker.ts', import.meta.url), { type: 'module', name: 'Fault Lines search' });
}

/** The most distinct states a page search keeps: about a gigabyte at a million, so less on small devices. */
export function pageStateCap(deviceMemoryGigabytes: number | undefined): number {
  return deviceMemoryGigabytes !== undefined && deviceMemoryGigabytes < 4 ? 250_000 : 1_000_000;
}

export class ViolationSearch {
  state: SearchState = $state.raw({ kind: 'idle' });
  readonly maxStates: number;
  readonly #simulation: Simulation;
  readonly #pause: () => void;
  readonly #makeWorker: () => Worker;
  #worker: Worker | null = null;
  #pending: Pending | null = null;
  #lastId = 0;

  constructor(simulation: Simulation, pause: () => void, makeWorker: () => Worker = defaultWorker) {
    this.#simulation = simulation;
    this.#pause = pause;
    this.#makeWorker = makeWorker;
    const memory = typeof navigator === 'undefined' ? undefined : (navigator as { deviceMemory?: number }).deviceMemory;
    this.maxStates = pageStateCap(memory);
  }

  get running(): boolean {
    return this.state.kind === 'running';
  }

  /** The settings a new panel starts with: the protocol's own small check, from the frame on screen. */
  defaults(): SearchSettings {
    // A variant may name its own depth and budget (a mistake whose start sets the scene needs no fault).
    const bounds = checkingBoundsOf(this.#simulation.protocol, this.#simulation.spec.variant);
    const budget = Object.fromEntries(faultKinds.map(({ kind }) => [kind, bounds.budget[kind] ?? 0])) as FaultBudget;
    return { steps: bounds.maxDepth - 1, budget, from: 'frame', target: null, timing: null };
  }

  /** Starts a search; one already running is ended first. */
  start(settings: SearchSettings): void {
    const problem = searchBoundsProblem(settings.steps, settings.budget, settings.timing);
    if (problem !== null) {
      this.state = { kind: 'invalid', message: problem };
      return;
    }
    this.#end();
    const simulation = this.#simulation;
    const fromStep = settings.from === 'frame' ? simulation.step : 0;
    const spec = simulation.spec;
    const run: RunSpec = { ...spec, choices: spec.choices.slice(0, fromStep) };
    const isCondition = simulation.protocol.conditions.some((c) => c.id === settings.target);
    const target: SearchTarget = { rule: settings.target, kind: isCondition ? 'condition' : 'invariant' };
    const { steps, budget, timing } = settings;
    const request: SearchRequest = { run, steps, budget, target: settings.target, maxStates: this.maxStates, timing };
    this.#pending = { id: ++this.#lastId, settings, run, fromStep, target };
    this.state = { kind: 'running', states: 0, steps: 0, maxSteps: settings.steps, statesPerSecond: 0 };
    const worker = this.#spawn();
    worker.postMessage({ id: this.#lastId, request } satisfies StartSearch);
  }

  cancel(): void {
    if (!this.running) return;
    this.#end();
    this.state = { kind: 'cancelled' };
  }

  /** Ends any search and the worker: the simulator is going away. */
  destroy(): void {
    this.#pending = null;
    this.#worker?.terminate();
    this.#worker = null;
  }

  #spawn(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = this.#makeWorker();
    worker.onmessage = (event: MessageEvent<WorkerReport>) => this.#hear(event.data);
    // A worker that dies (out of memory, most likely) ends its search with a sentence, not silence.
    worker.onerror = (event) => {
      event.preventDefault();
      this.#end();
      const message = 'The search stopped: it ran out of memory or failed. Ask for fewer steps or faults, or use fewer nodes in Setup.';
      this.state = { kind: 'done', outcome: { kind: 'failed', message }, text: message, found: [] };
    };
    this.#worker = worker;
    return worker;
  }

  #end(): void {
    if (this.#pending !== null) {
      // A search cannot be interrupted inside the worker: ending the worker is the only way.
      this.#worker?.terminate();
      this.#worker = null;
    }
    this.#pending = null;
  }

  #hear(report: WorkerReport): void {
    const pending = this.#pending;
    if (pending === null || report.id !== pending.id) return;
    if (report.type === 'progress') {
      const { states, steps, statesPerSecond } = report;
      this.state = { kind: 'running', states, steps, maxSteps: pending.settings.steps, statesPerSecond };
      return;
    }
    this.#pending = null;
    const { steps: maxSteps, timing } = pending.settings;
    const context = { target: pending.target, fromStep: pending.fromStep, maxStates: this.maxStates, maxSteps, seconds: report.seconds, timing };
    const outcome = report.outcome;
    if (outcome.kind === 'found' && !this.#sameRun(pending.run)) {
      const text = 'The run changed while the search ran, so what it found was not opened. Search again.';
      this.state = { kind: 'done', outcome, text, found: [] };
      return;
    }
    const found = outcome.kind === 'found' ? this.#open(outcome.choices, pending.fromStep) : [];
    this.state = { kind: 'done', outcome, text: outcomeText(outcome, context), found };
  }

  /** Whether the run on screen still has the settings the search was started on. */
  #sameRun(run: RunSpec): boolean {
    const spec = this.#simulation.spec;
    return spec.variant === run.variant && spec.seed === run.seed && JSON.stringify(spec.config) === JSON.stringify(run.config);
  }

  /** Opens the run found as a branch, at the step where the rule breaks, and tells its steps. */
  #open(choices: RunSpec['choices'], fromStep: number): FoundStep[] {
    this.#pause();
    if (!this.#simulation.follow(choices)) return [];
    const steps: FoundStep[] = [];
    for (let step = fromStep + 1; step <= choices.length; step++) steps.push({ step, lines: this.#simulation.narrateStep(step) });
    return steps;
  }
}
