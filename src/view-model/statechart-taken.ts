// Which transition of a node's statechart was taken last, at or before the cursor. The trace
// records state changes by label (`state` events), and the event that caused each one (a
// delivery, a timer, a client operation) comes just before it in the same step; together they
// name one transition of the chart.
import { bisectRight } from './bisect';
import type { NodeId, TraceEvent } from '../engine';
import { eventName } from '../protocols/kit/statechart';
import type { StatechartDescription } from '../protocols/kit/types';

export interface TakenTransition {
  /** Index into `chart.transitions`, or null when no transition matches (a restart, say). */
  readonly index: number | null;
  readonly step: number;
  readonly from: string;
  readonly to: string;
  /** What caused it, as the chart names events: a message type, a timer name or a client op. */
  readonly trigger: string | null;
  readonly eventIndex: number;
}

/** Whether a state of the chart is the one a trace label names. */
function names(id: string, label: string, stateLabel: string): boolean {
  return id === label || stateLabel === label || id.endsWith(`.${label}`) || label.endsWith(`.${id}`);
}

/** The ids of the states a label names, with all their ancestors (a parent's transition also leaves its child). */
export function statesNamed(chart: StatechartDescription, label: string): Set<string> {
  const out = new Set<string>();
  // A label names one state per parallel region, joined by ", ".
  const parts = label.split(', ');
  for (const s of chart.states) {
    if (!parts.some((part) => names(s.id, part, s.label))) continue;
    for (let id: string | null = s.id; id !== null && !out.has(id); id = chart.states.find((p) => p.id === id)?.parent ?? null)
      out.add(id);
  }
  return out;
}

function triggerOf(events: readonly TraceEvent[], index: number, node: NodeId): string | null {
  const step = events[index]!.step;
  for (let i = index - 1; i >= 0 && events[i]!.step === step; i--) {
    const e = events[i]!;
    // Named as the chart names events: "PREPARE", "after voteTimeout", "begin".
    if (e.type === 'deliver' && e.envelope.to === node) return eventName(e.envelope.body.type);
    if (e.type === 'timer-fire' && e.timer.node === node) return eventName(e.timer.name);
    if (e.type === 'client' && e.node === node) return eventName(e.op);
    if (e.type === 'restart' && e.node === node) return 'restart';
  }
  return null;
}

/** How well a chart's event name matches a trigger: 2 exact, 1 mentions it, 0 not at all. */
function fit(event: string, trigger: string | null): number {
  if (trigger === null) return 0;
  if (event === trigger) return 2;
  return event.toLowerCase().includes(trigger.toLowerCase()) ? 1 : 0;
}

/** The indices of a node's state changes in the trace, oldest first: build once per trace, bisect per seek. */
export function stateChanges(events: readonly TraceEvent[], node: NodeId): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (e.type === 'state' && e.node === node) out.push(i);
  });
  return out;
}

/**
 * The latest state change of `node` at or before `step`, matched to a transition of the chart.
 * `changes` (from `stateChanges`) makes this a bisection instead of a scan back through the trace.
 */
export function lastTransition(
  chart: StatechartDescription,
  events: readonly TraceEvent[],
  node: NodeId,
  step: number,
  changes: readonly number[] = stateChanges(events, node),
): TakenTransition | null {
  const at = bisectRight(changes, (i) => events[i]!.step, step) - 1;
  if (at < 0) return null;
  const i = changes[at]!;
  const e = events[i] as Extract<TraceEvent, { type: 'state' }>;
  const trigger = triggerOf(events, i, node);
  const taken = { step: e.step, from: e.from, to: e.to, trigger, eventIndex: i };
  // A start or a restart enters the chart at its initial state and may move on at once by
  // eventless ("always") transitions: that is the transition to mark, if there is one.
  const entering = trigger === 'restart' || e.from === '';
  const initial = chart.states.find((s) => s.parent === null && s.initial)?.id;
  if (entering && (initial === undefined || statesNamed(chart, e.to).has(initial))) return { ...taken, index: null };
  const sources = entering ? new Set([initial!]) : statesNamed(chart, e.from);
  const targets = statesNamed(chart, e.to);
  let best: number | null = null;
  let bestFit = -1;
  let ties = 0;
  chart.transitions.forEach((t, index) => {
    if (!sources.has(t.source) || t.target === null || !targets.has(t.target)) return;
    const f = fit(t.event, trigger);
    if (f > bestFit) [best, bestFit, ties] = [index, f, 1];
    else if (f === bestFit) ties += 1;
  });
  // Two transitions that fit equally well (told apart only by guards the trace does not record):
  // marking either could be wrong, so mark neither.
  return { ...taken, index: ties === 1 ? best : null };
}
