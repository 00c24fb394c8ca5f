import { apply, searchStep } from '../perform';
import type { Choice } from '../choice';
import type { Rule } from '../system';
import { faultKind, faultKinds, type FaultBudget, type FaultKind } from '../fault-kinds';
import { enabled } from '../schedule';
import type { NodeId } from '../types';
import type { World } from '../world';
import type { Interner } from './interner';
import type { Model } from './model';
import { firstBroken } from './shrink';
import { worldCommuting } from './world-commuting';
import { onTime, type Timing } from './timed';
import { timedKey, worldFingerprint, worldKey } from './world-fingerprint';

/** A world during a search, with the fault budget its run has left. */
export interface BudgetedWorld {
  readonly world: World;
  readonly budget: FaultBudget;
}

const budgetText = (budget: FaultBudget) => faultKinds.map(({ kind }) => budget[kind]).join(',');

/** Whether the budget still allows a fault of every kind: then no choice needs filtering. */
function allowsEvery(budget: FaultBudget): boolean {
  for (let i = 0; i < faultKinds.length; i++) if (budget[faultKinds[i]!.kind] <= 0) return false;
  return true;
}

/**
 * A world that remembers only the length of its trace and its last event. The checker keeps
 * thousands of worlds on its frontier; with whole traces they would hold every event of every
 * run explored so far. The length stays, so the trace cap halts a run exactly where `replay`
 * would. Nothing is lost: the key ignores the trace (so no invariant may depend on it), and a
 * counterexample is its choices, which replay to the full trace.
 */
function forgetTrace(world: World): World {
  const trace = world.trace;
  if (trace === null || trace.previous === null) return world;
  return { ...world, trace: { event: trace.event, previous: null, length: trace.length } };
}

export interface WorldModelOptions {
  /** The rules the search looks for: the first that a state breaks is its violation. Default: every invariant. */
  readonly rules?: readonly Rule[];
  /**
   * Whether to take full engine steps (`apply`), with the trace and every rule checked on every
   * step, rather than search steps (`searchStep`). Default false: search steps give the same
   * states, and the rules are checked only on states the search has not met before.
   */
  readonly fullSteps?: boolean;
  /** Whether to tell the checker which choices commute (default true). */
  readonly sleepSets?: boolean;
  /** The nodes a run may crash; every node when omitted. */
  readonly crashable?: readonly NodeId[];
  /** Follow the clock (timed.ts) rather than ignore due times. No sleep sets then: time breaks commuting. */
  readonly timed?: Timing;
}

/**
 * The simulator as a checker model, for one search whose part ids `parts` keeps: states are
 * worlds with their remaining fault budget, actions are the choices `enabled` lists that the
 * budget allows. The key is the world's key (ids and ticks abstracted), the budget left, and
 * whether the run has halted. Halted worlds enable nothing, so they are leaves. The first of the
 * rules a world breaks is the model's violation. Worlds kept on the frontier forget their trace.
 * Choices that commute (deliveries to different nodes, a loss beside a crash elsewhere...) are
 * told to the checker, which then skips the orders it would only meet again (`world-commuting.ts`).
 * With `crashable`, only those nodes may crash (the fault model a protocol's guarantees are stated for).
 */
export function worldModel(start: World, budget: FaultBudget, parts: Interner, options: WorldModelOptions = {}): Model<BudgetedWorld, Choice> {
  const rules = options.rules ?? start.system.invariants;
  const perform = options.fullSteps === true ? apply : searchStep;
  const commuting = worldCommuting();
  const crashable = options.crashable;
  // Budgets are shared: one object per budget and fault spent, so a step allocates none. Equal
  // budgets reached by spending faults in different orders are different objects with one id.
  const spent = new Map<FaultBudget, Map<FaultKind, FaultBudget>>();
  const spend = (left: FaultBudget, kind: FaultKind): FaultBudget => {
    let byKind = spent.get(left);
    if (byKind === undefined) spent.set(left, (byKind = new Map()));
    let after = byKind.get(kind);
    if (after === undefined) byKind.set(kind, (after = { ...left, [kind]: left[kind] - 1 }));
    return after;
  };
  const halted = (world: World) => (world.halted === null ? 0 : 1);
  const timing = options.timed;
  // What the key adds to the world's own: the budget left and, in a timed search, the deadlines.
  const extra = (world: World, left: FaultBudget) => (timing === undefined ? budgetText(left) : `${budgetText(left)}\n@${timedKey(parts, world, timing)}`);
  return {
    initial: () => [{ world: start, budget }],
    actions({ world, budget: left }) {
      const all = allowsEvery(left) ? enabled(world) : enabled(world, (kind) => left[kind] > 0);
      const timed = timing === undefined ? all : onTime(world, all, timing);
      return crashable === undefined ? timed : timed.filter((c) => c.type !== 'crash' || crashable.includes(c.node));
    },
    step({ world, budget: left }, choice) {
      const kind = faultKind(choice);
      return { world: perform(world, choice), budget: kind === null ? left : spend(left, kind) };
    },
    key: ({ world, budget: left }) => `${worldKey(parts, world)}\n%${extra(world, left)}${halted(world) ? '\nhalted' : ''}`,
    fingerprint: ({ world, budget: left }, out) => worldFingerprint(parts, world, 2 * parts.idOf(left, budgetText) + halted(world), out, timing),
    violation: ({ world }) => firstBroken(rules, world),
    commuting: options.sleepSets === false || timing !== undefined ? undefined : ({ world, budget: left }, actions) => commuting(world, left, actions),
    retain: ({ world, budget: left }) => ({ world: forgetTrace(world), budget: left }),
  };
}
