// The invariants and conditions panel's reading of a run: for each named rule, whether it holds
// at the cursor, and the step to jump to ("show me") when it breaks now or later in the branch.
import type { TraceEvent, World } from '../../engine';
import type { RuleInfo } from '../../protocols/kit/types';

export interface RuleStatus {
  readonly id: string;
  readonly description: string;
  /**
   * 'broken' or 'active' at the cursor; 'held' for a condition that held earlier and has ended;
   * 'ahead' when it happens later in this branch.
   */
  readonly state: 'ok' | 'broken' | 'active' | 'held' | 'ahead';
  readonly message: string | null;
  /** The step that shows it: where the invariant broke or the condition began. */
  readonly step: number | null;
  /** For a condition that held and ended: the step it ended at. */
  readonly until?: number;
}

export function invariantStatus(rules: readonly RuleInfo[], world: World, finalWorld: World): RuleStatus[] {
  return rules.map(({ id, description }) => {
    const now = world.violations.find((v) => v.rule === id);
    if (now !== undefined) return { id, description, state: 'broken', message: now.message, step: now.step };
    const later = finalWorld.violations.find((v) => v.rule === id);
    if (later !== undefined) return { id, description, state: 'ahead', message: later.message, step: later.step };
    return { id, description, state: 'ok', message: null, step: null };
  });
}

type ConditionEvent = Extract<TraceEvent, { type: 'condition' }>;

// A trace's condition events, found once per trace: the panel reads them at every seek, and a
// long run's trace is long while its conditions change a few times.
const conditionsOf = new WeakMap<readonly TraceEvent[], readonly ConditionEvent[]>();

function conditionEvents(events: readonly TraceEvent[]): readonly ConditionEvent[] {
  let found = conditionsOf.get(events);
  if (found === undefined) conditionsOf.set(events, (found = events.filter((e): e is ConditionEvent => e.type === 'condition')));
  return found;
}

export function conditionStatus(rules: readonly RuleInfo[], world: World, trace: readonly TraceEvent[]): RuleStatus[] {
  const events = conditionEvents(trace);
  return rules.map(({ id, description }) => {
    const now = world.conditions[id];
    if (now !== undefined) return { id, description, state: 'active', message: now.message, step: began(events, id, world.step) };
    const held = lastHeld(events, id, world.step);
    if (held !== null) return { id, description, state: 'held', message: held.message, step: held.from, until: held.to };
    const later = events.find((e) => e.rule === id && e.active && e.step > world.step);
    if (later !== undefined)
      return { id, description, state: 'ahead', message: later.message, step: later.step };
    return { id, description, state: 'ok', message: null, step: null };
  });
}

/** The step at which a condition holding at `step` last became active. */
function began(events: readonly ConditionEvent[], rule: string, step: number): number | null {
  let found: number | null = null;
  for (const event of events) {
    if (event.step > step) break;
    if (event.rule === rule && event.active) found = event.step;
  }
  return found;
}

/** The last time a condition held and ended, at or before `step`: from, to and what it said. */
function lastHeld(events: readonly ConditionEvent[], rule: string, step: number): { from: number; to: number; message: string } | null {
  let open: { from: number; message: string } | null = null;
  let last: { from: number; to: number; message: string } | null = null;
  for (const event of events) {
    if (event.step > step) break;
    if (event.rule !== rule) continue;
    if (event.active) open ??= { from: event.step, message: event.message };
    else if (open !== null) {
      last = { ...open, to: event.step };
      open = null;
    }
  }
  return last;
}
