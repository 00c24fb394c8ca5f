import { describe, expect, it } from 'vitest';
import { faultBudget } from '../../engine';
import { searchRun } from '../../protocols/search-run';
import { twoPhaseCommit } from '../../protocols/two-phase-commit';
import type { StartSearch, WorkerReport } from '../search/messages';
import { Simulation } from './simulation.svelte';
import { ViolationSearch, type SearchSettings } from './violation-search.svelte';

/** A stand-in for the search worker: it records what the page asks and answers when told. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerReport>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: StartSearch[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: StartSearch) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** Runs the search it was last given, for real, and answers with its outcome. */
  answer() {
    const { id, request } = this.posted.at(-1)!;
    this.onmessage?.({ data: { id, type: 'done', outcome: searchRun(twoPhaseCommit, request), seconds: 1 } } as MessageEvent<WorkerReport>);
  }
  report(report: WorkerReport) {
    this.onmessage?.({ data: report } as MessageEvent<WorkerReport>);
  }
}

function setUp(variant = 'no-decision-log') {
  FakeWorker.made = [];
  const simulation = new Simulation(twoPhaseCommit);
  simulation.configure({ variant, config: { ...twoPhaseCommit.defaults(), participants: 2 } });
  let paused = 0;
  const search = new ViolationSearch(simulation, () => paused++, () => new FakeWorker() as unknown as Worker);
  return { simulation, search, paused: () => paused };
}

const settings = (change: Partial<SearchSettings> = {}): SearchSettings => ({ steps: 11, budget: faultBudget({ crashes: 1, losses: 1 }), from: 'frame', target: null, timing: null, ...change });

describe('Find a violation, on the page side', () => {
  it('starts no worker until a search is asked for, then sends it the run on screen and the bounds', () => {
    const { search } = setUp();
    expect(FakeWorker.made).toHaveLength(0);
    search.start(settings());
    const [worker] = FakeWorker.made;
    expect(worker!.posted[0]!.request).toMatchObject({ run: { variant: 'no-decision-log', choices: [] }, steps: 11, target: null });
    expect(search.state).toMatchObject({ kind: 'running', states: 0, maxSteps: 11 });
  });

  it('shows progress, then opens the run found as a branch at the step where the rule breaks', () => {
    const { search, simulation, paused } = setUp();
    search.start(settings());
    const worker = FakeWorker.made[0]!;
    worker.report({ id: worker.posted[0]!.id, type: 'progress', states: 10_000, steps: 6, statesPerSecond: 90_000 });
    expect(search.state).toMatchObject({ kind: 'running', states: 10_000, steps: 6 });
    worker.answer();
    expect(search.state).toMatchObject({ kind: 'done', outcome: { kind: 'found', rule: 'atomicity' } });
    expect(simulation.step).toBe(simulation.end);
    expect(simulation.world.violations[0]?.rule).toBe('atomicity');
    expect(paused()).toBe(1);
    if (search.state.kind !== 'done') return;
    expect(search.state.found.map((s) => s.step)).toEqual(Array.from({ length: simulation.end }, (_, i) => i + 1));
    expect(search.state.text).toMatch(/^Found: atomicity breaks after \d+ steps from the start/);
    // The worker is kept for the next search.
    expect(worker.terminated).toBe(false);
  });

  it('ends the worker on Cancel, on a second search, and when the simulator goes away', () => {
    const { search } = setUp();
    search.start(settings());
    search.start(settings({ steps: 5 }));
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    // What the replaced search still had to say is ignored.
    FakeWorker.made[0]!.report({ id: FakeWorker.made[0]!.posted[0]!.id, type: 'progress', states: 99, steps: 1, statesPerSecond: 1 });
    expect(search.state).toMatchObject({ kind: 'running', maxSteps: 5, states: 0 });
    search.cancel();
    expect(FakeWorker.made[1]!.terminated).toBe(true);
    expect(search.state).toEqual({ kind: 'cancelled' });
    search.start(settings());
    search.destroy();
    expect(FakeWorker.made[2]!.terminated).toBe(true);
  });

  it('does not open what it found when the run changed meanwhile', () => {
    const { search, simulation } = setUp();
    search.start(settings());
    simulation.configure({ variant: 'correct' });
    FakeWorker.made[0]!.answer();
    expect(search.state).toMatchObject({ kind: 'done', text: 'The run changed while the search ran, so what it found was not opened. Search again.' });
    expect(simulation.end).toBe(0);
  });

  it('refuses bounds out of range with a sentence, and starts nothing', () => {
    const { search } = setUp();
    search.start(settings({ steps: 0 }));
    expect(search.state).toEqual({ kind: 'invalid', message: 'Steps deep must be a whole number from 1 to 40.' });
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('says so when the worker dies', () => {
    const { search } = setUp();
    search.start(settings());
    FakeWorker.made[0]!.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(search.state).toMatchObject({ kind: 'done', outcome: { kind: 'failed' } });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
