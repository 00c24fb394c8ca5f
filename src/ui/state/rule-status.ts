// The invariants and conditions panel's reading of a run: for each named rule, whether it holds
// at the cursor, and the step to jump to ("show me") when it breaks now or later in the branch.
import type { TraceEvent, World } from '../../engine';
import type { RuleInfo } from '../../protocols/kit/types';

export interface RuleStatus {
  readonly id: string;
  readonly description: string;
  /** 'broken' or 'active' at the cursor; 'ahead' when it happens later in this branch. */
  readonly state: 'ok' | 'broken' | 'active' | 'ahead';
  readonly message: string | null;
  /** The step that shows it: where the invariant broke or the condition began. */
  readonly step: number | null;
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

export function conditionStatus(rules: readonly RuleInfo[], world: World, events: readonly TraceEvent[]): RuleStatus[] {
  return rules.map(({ id, description }) => {
    const now = world.conditions[id];
    if (now !== undefined) return { id, description, state: 'active', message: now.message, step: began(events, id, world.step) };
    const later = events.find((e) => e.type === 'condition' && e.rule === id && e.active && e.step > world.step);
    if (later !== undefined && later.type === 'condition')
      return { id, description, state: 'ahead', message: later.message, step: later.step };
    return { id, description, state: 'ok', message: null, step: null };
  });
}

/** The step at which a condition holding at `step` last became active. */
function began(events: readonly TraceEvent[], rule: string, step: number): number | null {
  let found: number | null = null;
  for (const event of events) {
    if (event.step > step) break;
    if (event.type === 'condition' && event.rule === rule && event.active) found = event.step;
  }
  return found;
}
