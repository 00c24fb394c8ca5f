// One run of one protocol, as the person sees it: the history of choices, the cursor, the
// selected node and whatever the UI should say about them. One instance per widget root,
// handed down by context (context.ts), so two simulators on one page never share a run.
import { enabled, next, traceToArray, type BranchInfo, type Choice, type NodeId, type TraceEvent, type World } from '../../engine';
import type { Config, Protocol, RunSpec } from '../../protocols/kit/types';
import { narrateStep } from '../../protocols/kit/narrate-steps';
import { openRunOf } from '../../protocols/open-run-of';
import { branchList, chooseAt, followRun, freshRun, lastStep, replayRun, runSpec, showBranch, worldAt, type Outcome, type RunHistory, type RunSettings } from './run-history';

export interface Caption {
  readonly step: number;
  readonly text: string;
}

export interface Notice {
  readonly tone: 'info' | 'error';
  readonly text: string;
}

/** Where a run starts: a scenario, an exact frame (from a link), or the protocol's defaults. */
export type SimulationStart =
  | { readonly kind: 'defaults' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'frame'; readonly run: RunSpec; readonly step: number };

export const QUIET_MESSAGE = 'Nothing left to happen: no message is in flight and no timer is pending. Crash, restart or start something to go on.';

export class Simulation {
  readonly protocol: Protocol;
  /** The whole run with its kept branches; replaced whole on every change. */
  history: RunHistory = $state.raw() as RunHistory;
  /** The cursor: how many choices of the current branch are applied in the world shown. */
  step = $state(0);
  selected: NodeId | null = $state(null);
  scenario: string | null = $state(null);
  captions: readonly Caption[] = $state.raw([]);
  notice: Notice | null = $state.raw(null);

  readonly world: World = $derived(worldAt(this.history, this.step));
  readonly end: number = $derived(lastStep(this.history));
  readonly finalWorld: World = $derived(worldAt(this.history, this.end));
  /** Every event of the current branch, to its end (the views draw the future faintly). */
  readonly events: readonly TraceEvent[] = $derived(traceToArray(this.finalWorld.trace));
  readonly spec: RunSpec = $derived(runSpec(this.history));
  readonly branches: readonly BranchInfo[] = $derived(branchList(this.history));
  readonly choices: readonly Choice[] = $derived(enabled(this.world));
  /**
   * On a fresh run with nothing pending, the protocol's first client operation (2PC's "begin",
   * Paxos' first proposal): what Play and Step start with, so the first press always does something.
   */
  readonly startChoice: Choice | null = $derived(
    this.step === 0 && this.end === 0 && next(this.world) === null ? (this.choices.find((c) => c.type === 'client') ?? null) : null,
  );
  /** Whether nothing is left to do at the cursor: no pending message or timer, and nothing to start. */
  readonly quiet: boolean = $derived(this.step >= this.end && next(this.world) === null && this.startChoice === null);
  /** The caption of the story at the cursor: the latest one at or before it. */
  readonly caption: Caption | null = $derived(latestCaption(this.captions, this.step));
  /** Plain words for what the step at the cursor did, for the live region and the log. */
  readonly stepStory: string = $derived(this.narrateStep(this.step).join(' '));

  constructor(protocol: Protocol, start: SimulationStart = { kind: 'defaults' }) {
    this.protocol = protocol;
    this.history = this.fresh({ protocol: protocol.id, variant: protocol.variants[0]!.id, config: protocol.defaults(), seed: 1 });
    if (start.kind === 'scenario') this.loadScenario(start.id);
    if (start.kind === 'frame') this.loadRun(start.run, start.step);
  }

  private build(variant: string, config: Config) {
    return this.protocol.build(config, variant);
  }

  private fresh(settings: RunSettings): RunHistory {
    return freshRun(settings, this.build(settings.variant, settings.config));
  }

  /** Moves the cursor along the current branch. */
  seek(step: number): void {
    this.step = Math.max(0, Math.min(Math.round(step), this.end));
  }

  /** One step on: follow the branch if it goes on, else let the default scheduler choose. */
  forward(): boolean {
    if (this.step < this.end) {
      this.step += 1;
      return true;
    }
    if (this.world.halted !== null) {
      this.notice = { tone: 'info', text: `The run has stopped: ${this.world.halted}.` };
      return false;
    }
    const choice = next(this.world) ?? this.startChoice;
    if (choice === null) {
      this.notice = { tone: 'info', text: QUIET_MESSAGE };
      return false;
    }
    return this.choose(choice, { quietFork: true });
  }

  back(): boolean {
    if (this.step === 0) return false;
    this.step -= 1;
    return true;
  }

  /** A person's (or the scheduler's) choice at the cursor. In the past it forks the run. */
  choose(choice: Choice, options: { quietFork?: boolean } = {}): boolean {
    const shown = this.history.history.current;
    const result = chooseAt(this.history, this.step, choice);
    if (!result.ok) {
      this.notice = { tone: 'error', text: `That cannot happen now: ${result.reason}.` };
      return false;
    }
    this.history = result.run;
    this.step += 1;
    const forked = result.run.history.current !== shown;
    const forgot = result.run.history.notice;
    if (forgot !== null) this.notice = { tone: 'info', text: forgot };
    else if (forked && !options.quietFork)
      this.notice = { tone: 'info', text: 'You chose differently in the past: the earlier future is kept under Branches.' };
    else this.notice = null;
    return true;
  }

  /**
   * Opens a whole run of these settings (one a search found) as a branch, forking where it parts
   * from the branch shown, with the cursor at its end.
   */
  follow(choices: readonly Choice[]): boolean {
    const shown = this.history.history.current;
    const result = followRun(this.history, choices);
    if (!result.ok) {
      this.notice = { tone: 'error', text: `That run cannot be opened here: ${result.reason}.` };
      return false;
    }
    this.history = result.run;
    this.step = choices.length;
    const forgot = result.run.history.notice;
    if (forgot !== null) this.notice = { tone: 'info', text: forgot };
    else if (result.run.history.current !== shown)
      this.notice = { tone: 'info', text: 'The run the search found is open as a new branch: the earlier future is kept under Branches.' };
    else this.notice = null;
    return true;
  }

  /** Shows a kept branch; the cursor goes to where it parts from the one shown before. */
  switchBranch(id: number): void {
    const result = showBranch(this.history, id);
    if (!result.ok) {
      this.notice = { tone: 'error', text: `That branch cannot be shown: ${result.reason}.` };
      return;
    }
    this.history = result.run;
    this.step = Math.min(result.partsAt ?? 0, this.end);
    this.notice = null;
  }

  /** The same run settings, back to step 0 with no choices. */
  reset(): void {
    this.history = this.fresh(this.history.settings);
    this.step = 0;
    this.scenario = null;
    this.captions = [];
    this.notice = null;
  }

  /** New variant, config or seed: a fresh run. Returns the problems when the input is invalid. */
  configure(change: { variant?: string; config?: { readonly [key: string]: unknown }; seed?: number }): readonly string[] {
    const variant = change.variant ?? this.spec.variant;
    if (!this.protocol.variants.some((v) => v.id === variant)) return [`there is no variant "${variant}"`];
    // A variant may pin options (the configuration whose promise it breaks): the form then shows them.
    const checked = this.protocol.validate(change.config ?? this.spec.config, variant);
    if (!checked.ok) return checked.problems;
    const seed = change.seed ?? this.spec.seed;
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return ['the seed must be a whole number from 0 to 4294967295'];
    this.history = this.fresh({ protocol: this.protocol.id, variant, config: checked.config, seed });
    this.step = 0;
    this.scenario = null;
    this.captions = [];
    this.notice = null;
    return [];
  }

  loadScenario(id: string): void {
    const scenario = this.protocol.scenarios.find((s) => s.id === id);
    if (scenario === undefined) {
      this.notice = { tone: 'error', text: `There is no scenario "${id}" for ${this.protocol.title}.` };
      return;
    }
    const compiled = this.protocol.compileScenario(scenario);
    if (this.loadRun(compiled.run, 0)) {
      this.scenario = id;
      this.captions = compiled.captions;
      this.notice = null;
    }
  }

  /**
   * Gives an opened link its scenario's captions back, when the link's run is that scenario
   * (the same settings, and one run's choices begin the other's). Anything else is ignored.
   */
  adoptScenario(id: string): void {
    const scenario = this.protocol.scenarios.find((s) => s.id === id);
    if (scenario === undefined) return;
    const { run } = this.protocol.compileScenario(scenario);
    const spec = this.spec;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const shorter = Math.min(run.choices.length, spec.choices.length);
    if (run.variant !== spec.variant || run.seed !== spec.seed || !same(run.config, spec.config)) return;
    if (!same(run.choices.slice(0, shorter), spec.choices.slice(0, shorter))) return;
    this.scenario = id;
    this.captions = this.protocol.compileScenario(scenario).captions;
  }

  /** Opens an exact run (from a link or a scenario); on any problem, says so and starts fresh. */
  loadRun(run: RunSpec, step: number): boolean {
    const result = this.open(run);
    if (!result.ok) {
      this.notice = { tone: 'error', text: `This link cannot be opened: ${result.reason}. Here is a fresh run instead.` };
      return false;
    }
    this.history = result.run;
    this.step = Math.max(0, Math.min(step, this.end));
    this.scenario = null;
    this.captions = [];
    return true;
  }

  /** Checks a run against this page's protocol (the same checks as the CLI) and replays it. */
  private open(run: RunSpec): Outcome {
    const opened = openRunOf(this.protocol, run);
    return opened.ok ? replayRun(opened.run, opened.system) : opened;
  }

  select(node: NodeId | null): void {
    this.selected = node;
  }

  dismissNotice(): void {
    this.notice = null;
  }

  /** The narrated sentences of one step (several events can share a step). */
  narrateStep(step: number): readonly string[] {
    const { lines } = narrateStep(this.protocol, this.finalWorld, this.events, step);
    return step === 0 && lines.length === 0 ? ['The run starts.'] : lines;
  }
}

function latestCaption(captions: readonly Caption[], step: number): Caption | null {
  let best: Caption | null = null;
  for (const caption of captions) if (caption.step <= step && (best === null || caption.step >= best.step)) best = caption;
  return best;
}
