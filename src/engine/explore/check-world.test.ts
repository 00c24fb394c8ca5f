import { describe, expect, it } from 'vitest';
import { createWorld } from '../perform';
import type { Choice } from '../choice';
import { replay } from '../run';
import { gossipSystem } from '../testing/gossip';
import { pingSystem } from '../testing/ping';
import { checkModel } from './check-model';
import { checkWorld } from './check-world';
import { ExploreError, type Model } from './model';
import { faultBudget, type FaultBudget } from '../fault-kinds';
import { Interner } from './interner';
import { counterSystem } from './testing/counter';
import { worldModel, type BudgetedWorld } from './world-model';

const none = faultBudget({});
const one = faultBudget({}, 1);

/** Replays a violation's choices and returns the first violation of the resulting world. */
function replayed(system: ReturnType<typeof counterSystem>, seed: number, choices: readonly Choice[]) {
  const run = replay(system, seed, choices);
  expect(run.ok).toBe(true);
  return run.world.violations[0];
}

describe('checkWorld', () => {
  it('counts the same states whether it remembers worlds by their numeric fingerprint or by the text of their key', () => {
    for (const variant of ['no-dedupe', 'volatile'] as const) {
      const world = createWorld(counterSystem(variant), 5);
      const fast = checkModel(worldModel(world, one, new Interner()), { maxDepth: 9 });
      const slow = checkModel({ ...worldModel(world, one, new Interner()), fingerprint: undefined }, { maxDepth: 9 });
      expect(fast.distinctStates).toBe(slow.distinctStates);
      expect(fast.kind).toBe(slow.kind);
    }
  });

  it('counts the same states by fingerprint and by key in a timed search too, and fewer than ignoring due times', () => {
    const world = createWorld(pingSystem(), 1);
    const timed = { timed: { maxDelay: 4 } };
    const fast = checkModel(worldModel(world, one, new Interner(), timed), { maxDepth: 10 });
    const slow = checkModel({ ...worldModel(world, one, new Interner(), timed), fingerprint: undefined }, { maxDepth: 10 });
    const untimed = checkModel(worldModel(world, one, new Interner(), { sleepSets: false }), { maxDepth: 10 });
    expect(fast.distinctStates).toBe(slow.distinctStates);
    expect(fast.distinctStates).toBeLessThan(untimed.distinctStates);
  });

  it('tells apart, in a timed search only, two worlds that differ only in how long their timer has left', () => {
    const start = createWorld(pingSystem(), 1);
    const started = worldModel(start, one, new Interner()).step({ world: start, budget: one }, { type: 'client', node: 0, op: 'start' });
    const later = { ...started, world: { ...started.world, timers: started.world.timers.map((t) => ({ ...t, dueTick: t.dueTick + 1 })) } };
    const timed = worldModel(start, one, new Interner(), { timed: { maxDelay: null } });
    const untimed = worldModel(start, one, new Interner());
    expect(timed.key(started)).not.toBe(timed.key(later));
    expect(untimed.key(started)).toBe(untimed.key(later));
    const print = (model: Model<BudgetedWorld, Choice>, state: BudgetedWorld) => {
      const out = new Uint32Array(2);
      model.fingerprint!(state, out);
      return [...out].join(':');
    };
    expect(print(timed, started)).not.toBe(print(timed, later));
  });

  it('finds the duplicated INC that the no-dedupe counter counts twice, and its choices replay to it', () => {
    const system = counterSystem('no-dedupe');
    const result = checkWorld(system, 7, { maxDepth: 12, budget: one });
    expect(result).toMatchObject({ kind: 'violation', rule: 'exactly-once', depth: 5 });
    if (result.kind !== 'violation') return;
    expect(result.choices.map((c) => c.type)).toEqual(['client', 'duplicate', 'deliver', 'deliver']);
    expect(result.message).toBe('the server counted 2 increments, but the client asked for only 1');
    expect(replayed(system, 7, result.choices)).toMatchObject({ rule: 'exactly-once', message: result.message, step: 4 });
  });

  it('finds the crash after which the volatile counter counts from zero again, and its choices replay to it', () => {
    const system = counterSystem('volatile');
    const result = checkWorld(system, 3, { maxDepth: 12, budget: one });
    expect(result).toMatchObject({ kind: 'violation', rule: 'monotonic-acks', depth: 9 });
    if (result.kind !== 'violation') return;
    expect(result.choices.filter((c) => c.type === 'crash')).toHaveLength(1);
    expect(replayed(system, 3, result.choices)).toMatchObject({ rule: 'monotonic-acks', step: 8 });
  });

  it('finds no violation in the correct counter, having searched every reachable state', () => {
    const result = checkWorld(counterSystem('correct'), 1, { maxDepth: 40, budget: one });
    expect(result).toMatchObject({ kind: 'none', exhaustive: true, stoppedBy: null });
    expect(result.distinctStates).toBeGreaterThan(1000);
  });

  it('finds nothing wrong with either broken counter when no fault is allowed', () => {
    for (const variant of ['no-dedupe', 'volatile'] as const)
      expect(checkWorld(counterSystem(variant), 1, { maxDepth: 40, budget: none })).toMatchObject({ kind: 'none', exhaustive: true });
  });

  it('needs the very fault each bug depends on', () => {
    expect(checkWorld(counterSystem('no-dedupe'), 1, { maxDepth: 40, budget: { ...one, duplicates: 0 } }).kind).toBe('none');
    expect(checkWorld(counterSystem('no-dedupe'), 1, { maxDepth: 40, budget: { ...none, duplicates: 1 } }).kind).toBe('violation');
    expect(checkWorld(counterSystem('volatile'), 1, { maxDepth: 40, budget: { ...one, crashes: 0 } }).kind).toBe('none');
    expect(checkWorld(counterSystem('volatile'), 1, { maxDepth: 40, budget: { ...none, crashes: 1 } }).kind).toBe('violation');
  });

  it('crashes only the nodes it is told may crash', () => {
    const system = counterSystem('volatile');
    const server = system.nodes.findIndex((n) => n.role === 'server');
    const client = system.nodes.findIndex((n) => n.role === 'client');
    expect(checkWorld(system, 1, { maxDepth: 40, budget: { ...none, crashes: 1 }, crashable: [client] }).kind).toBe('none');
    expect(checkWorld(system, 1, { maxDepth: 40, budget: { ...none, crashes: 1 }, crashable: [server] }).kind).toBe('violation');
  });

  it('never takes a drop, duplicate, crash or partition with a zero budget, and never a network knob', () => {
    const taken = new Set<string>();
    const model = worldModel(createWorld(pingSystem(), 1), none, new Interner());
    checkModel({ ...model, step: (s, c) => (taken.add(c.type), model.step(s, c)) }, { maxDepth: 10 });
    expect([...taken].sort()).toEqual(['client', 'deliver', 'fire']);
  });

  it('never spends more of each fault budget than it was given', () => {
    // Carry, beside each world, how many faults of each kind its run took.
    const budget: FaultBudget = { crashes: 1, losses: 2, duplicates: 0, partitions: 1 };
    const most = { crash: 0, drop: 0, duplicate: 0, partition: 0 };
    type Counted = { readonly inner: BudgetedWorld; readonly taken: typeof most };
    const model = worldModel(createWorld({ ...pingSystem(), invariants: [] }, 1), budget, new Interner());
    const counted: Model<Counted, Choice> = {
      initial: () => model.initial().map((inner) => ({ inner, taken: { crash: 0, drop: 0, duplicate: 0, partition: 0 } })),
      actions: (s) => model.actions(s.inner),
      step(s, choice) {
        const taken = choice.type in s.taken ? { ...s.taken, [choice.type]: s.taken[choice.type as keyof typeof most] + 1 } : s.taken;
        for (const kind of Object.keys(most) as (keyof typeof most)[]) most[kind] = Math.max(most[kind], taken[kind]);
        return { inner: model.step(s.inner, choice), taken };
      },
      key: (s) => model.key(s.inner),
      violation: (s) => model.violation(s.inner),
    };
    checkModel(counted, { maxDepth: 9 });
    expect(most).toEqual({ crash: 1, drop: 2, duplicate: 0, partition: 1 });
  });

  it('halts a run at the trace cap exactly where replay does, though its worlds forget their trace', () => {
    // The duplicate bug emits 14 trace events in 4 steps; with a cap of 9 every run halts first.
    const choices: Choice[] = [{ type: 'client', node: 0, op: 'inc' }, { type: 'duplicate', id: 0 }, { type: 'deliver', id: 0 }];
    const capped = (maxTraceEvents: number) => {
      const system = counterSystem('no-dedupe');
      return { ...system, bounds: { ...system.bounds, maxTraceEvents } };
    };
    expect(replay(capped(9), 1, choices).world.halted).toMatch(/trace reached its cap of 9 events/);
    expect(checkWorld(capped(9), 1, { maxDepth: 10, budget: one })).toMatchObject({ kind: 'none', exhaustive: true });
    expect(checkWorld(capped(14), 1, { maxDepth: 10, budget: one })).toMatchObject({ kind: 'violation', rule: 'exactly-once' });
  });

  it('keeps on its frontier worlds that remember only their trace length and last event', () => {
    const model = worldModel(createWorld(pingSystem(), 1), one, new Interner());
    const [start] = model.initial();
    const later = model.step(model.step(start!, { type: 'client', node: 0, op: 'start' }), { type: 'deliver', id: 0 });
    const kept = model.retain!(later);
    expect(kept.world.trace).toEqual({ event: later.world.trace!.event, previous: null, length: later.world.trace!.length });
    expect(model.key(kept)).toBe(model.key(later));
    expect(model.actions(kept)).toEqual(model.actions(later));
  });

  it('starts after the prefix, counts depth from there, and returns choices that include the prefix', () => {
    const system = counterSystem('no-dedupe');
    const prefix: Choice[] = [{ type: 'client', node: 0, op: 'inc' }];
    const result = checkWorld(system, 1, { maxDepth: 12, budget: one, prefix });
    expect(result).toMatchObject({ kind: 'violation', depth: 4 });
    if (result.kind !== 'violation') return;
    expect(result.choices[0]).toEqual(prefix[0]);
    expect(replayed(system, 1, result.choices)?.rule).toBe('exactly-once');
  });

  it('does not charge the prefix against the budget', () => {
    const prefix: Choice[] = [{ type: 'client', node: 0, op: 'inc' }, { type: 'duplicate', id: 0 }];
    const result = checkWorld(counterSystem('no-dedupe'), 1, { maxDepth: 12, budget: none, prefix });
    expect(result).toMatchObject({ kind: 'violation', depth: 3 });
  });

  it('rejects a prefix that cannot be replayed, saying which step failed', () => {
    const prefix: Choice[] = [{ type: 'deliver', id: 5 }];
    expect(() => checkWorld(counterSystem('correct'), 1, { maxDepth: 5, budget: none, prefix })).toThrow(ExploreError);
    expect(() => checkWorld(counterSystem('correct'), 1, { maxDepth: 5, budget: none, prefix })).toThrow(/prefix cannot be replayed: step 1 failed: no message #5/);
  });

  it('rejects a budget that is negative or fractional', () => {
    expect(() => checkWorld(counterSystem('correct'), 1, { maxDepth: 5, budget: { ...none, crashes: -1 } })).toThrow(/budget of crashes/);
    expect(() => checkWorld(counterSystem('correct'), 1, { maxDepth: 5, budget: { ...none, losses: 0.5 } })).toThrow(/budget of losses/);
  });

  it('treats a world halted by the step cap as a leaf', () => {
    // The duplicate bug needs four steps; a cap of three halts every run first.
    const capped = { ...counterSystem('no-dedupe'), bounds: { ...counterSystem('no-dedupe').bounds, maxSteps: 3 } };
    expect(checkWorld(capped, 1, { maxDepth: 20, budget: one })).toMatchObject({ kind: 'none', exhaustive: true });
  });

  it('stops at the state cap with a clear message', () => {
    const result = checkWorld(pingSystem(), 1, { maxDepth: 30, maxStates: 50, budget: none });
    expect(result).toMatchObject({ kind: 'none', distinctStates: 50, exhaustive: false });
    if (result.kind === 'none') expect(result.stoppedBy).toMatch(/cap of 50 distinct states/);
  });

  it('stops at the depth bound with a clear message', () => {
    const result = checkWorld(pingSystem(), 1, { maxDepth: 6, budget: none });
    expect(result).toMatchObject({ kind: 'none', depth: 6, exhaustive: false });
    if (result.kind === 'none') expect(result.stoppedBy).toMatch(/depth bound of 6 states/);
  });

  it('can take every partition enabled offers, including cutting off one node', () => {
    const result = checkWorld({ ...pingSystem(), invariants: [] }, 1, { maxDepth: 6, budget: { ...none, partitions: 1 } });
    expect(result.kind).toBe('none');
  });

  it('abstracts ids and ticks: different seeds, with different latencies, give the same state count', () => {
    const counts = [1, 2, 99].map((seed) => checkWorld(counterSystem('correct'), seed, { maxDepth: 40, budget: one }).distinctStates);
    expect(new Set(counts).size).toBe(1);
  });

  it('looks for one rule when given its id, and refuses an id it does not know', () => {
    const result = checkWorld(counterSystem('no-dedupe'), 7, { maxDepth: 12, budget: one, target: 'exactly-once' });
    expect(result).toMatchObject({ kind: 'violation', rule: 'exactly-once', depth: 5 });
    expect(() => checkWorld(counterSystem('correct'), 1, { maxDepth: 5, budget: one, target: 'no-such-rule' })).toThrow(/no invariant or condition "no-such-rule"/);
  });

  it('answers without searching when the run before the search already broke the rule', () => {
    const system = counterSystem('no-dedupe');
    const broken = checkWorld(system, 7, { maxDepth: 12, budget: one });
    if (broken.kind !== 'violation') throw new Error('expected the duplicate bug');
    const again = checkWorld(system, 7, { maxDepth: 12, budget: none, prefix: broken.choices });
    expect(again).toEqual({ kind: 'violation', rule: 'exactly-once', message: broken.message, choices: broken.choices, distinctStates: 1, depth: 1 });
  });

  it('reports its progress as it goes, and stops with the sentence progress returns', () => {
    const seen: number[] = [];
    const result = checkWorld({ ...gossipSystem(3), invariants: [] }, 1, {
      maxDepth: 14,
      budget: one,
      onProgress: ({ distinctStates }) => (seen.push(distinctStates), distinctStates >= 20_000 ? 'you cancelled the search' : null),
    });
    expect(seen).toEqual([10_000, 20_000]);
    expect(result).toMatchObject({ kind: 'none', distinctStates: 20_000, exhaustive: false, stoppedBy: 'you cancelled the search' });
  });
});

