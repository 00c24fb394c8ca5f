import { apply } from '../perform';
import type { Choice } from '../choice';
import { faultKind, faultKinds, type FaultBudget, type FaultKind } from '../fault-kinds';
import { enabled } from '../schedule';
import type { NodeId } from '../types';
import type { World } from '../world';
import type { Interner } from './interner';
import type { Model } from './model';
import { worldFingerprint, worldKey } from './world-fingerprint';

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

/**
 * The simulator as a checker model, for one search whose part ids `parts` keeps: states are
 * worlds with their remaining fault budget, actions are the choices `enabled` lists that the
 * budget allows. The key is the world's key (ids and ticks abstracted), the budget left, and
 * whether the run has halted. Halted worlds enable nothing, so they are leaves. The first
 * invariant violation in a world is the model's violation. Worlds kept on the frontier forget
 * their trace. With `crashable`, only those nodes may crash (the fault model a protocol's
 * guarantees are stated for).
 */
export function worldModel(start: World, budget: FaultBudget, parts: Interner, crashable?: readonly NodeId[]): Model<BudgetedWorld, Choice> {
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
  return {
    initial: () => [{ world: start, budget }],
    actions({ world, budget: left }) {
      const all = crashable === undefined ? enabled(world) : enabled(world).filter((c) => c.type !== 'crash' || crashable.includes(c.node));
      if (allowsEvery(left)) return all;
      return all.filter((choice) => {
        const kind = faultKind(choice);
        return kind === null || left[kind] > 0;
      });
    },
    step({ world, budget: left }, choice) {
      const kind = faultKind(choice);
      return { world: apply(world, choice), budget: kind === null ? left : spend(left, kind) };
    },
    key: ({ world, budget: left }) => `${worldKey(parts, world)}\n%${budgetText(left)}${halted(world) ? '\nhalted' : ''}`,
    fingerprint: ({ world, budget: left }, out) => worldFingerprint(parts, world, 2 * parts.idOf(left, budgetText) + halted(world), out),
    violation({ world }) {
      const first = world.violations[0];
      return first === undefined ? null : { rule: first.rule, message: first.message };
    },
    retain: ({ world, budget: left }) => ({ world: forgetTrace(world), budget: left }),
  };
}
