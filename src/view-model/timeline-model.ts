// Builds the timeline model from a trace in one pass. It runs once per trace (not per frame):
// scrubbing and zooming reuse it, so it only has to be linear, and it is (a 10,000-event run
// builds in a few milliseconds).
import type { DropReason, Envelope, NodeId, TraceEvent } from '../engine';
import { timerTitle } from '../protocols/kit/events';
import { stateWords } from '../protocols/kit/narrate';
import type { Alert, Arrow, CrashInterval, PointKind, PointMark, TimelineModel, TimelineNames } from './timeline-types';

/** Arrows spanning more steps than this are kept in a short separate list (see `windowTimeline`). */
export const SHORT_SPAN_STEPS = 64;

type Draft = { -readonly [K in keyof Arrow]: Arrow[K] };

class Builder {
  readonly arrows = new Map<number, Draft>();
  readonly points: PointMark[] = [];
  readonly crashes: CrashInterval[] = [];
  readonly alerts: Alert[] = [];
  readonly openCrash = new Map<NodeId, number>();
  readonly openCondition = new Map<string, { alert: Alert; index: number }>();
  private slotStep = -1;
  private readonly slots = new Map<NodeId | null, { state: boolean; next: number }>();

  constructor(private readonly describe: (body: { readonly type: string }) => string) {}

  send(envelope: Envelope, step: number, index: number, copyOf: number | null): void {
    this.arrows.set(envelope.id, {
      id: envelope.id,
      from: envelope.from,
      to: envelope.to,
      label: this.describe(envelope.body),
      type: envelope.body.type,
      sendStep: step,
      sendTick: envelope.sentTick,
      deliverTick: envelope.deliverTick,
      endStep: null,
      endTick: null,
      outcome: 'pending',
      dropReason: null,
      copyOf,
      copies: 0,
      eventIndex: index,
      sendEventIndex: index,
    });
  }

  end(envelope: Envelope, event: TraceEvent, index: number, reason: DropReason | null): void {
    let arrow = this.arrows.get(envelope.id);
    if (arrow === undefined) {
      // A message whose send is not in this trace: draw it from where it ended.
      this.send(envelope, event.step, index, envelope.copyOf ?? null);
      arrow = this.arrows.get(envelope.id)!;
    }
    arrow.endStep = event.step;
    arrow.endTick = event.tick;
    arrow.outcome = reason === null ? 'delivered' : 'dropped';
    arrow.dropReason = reason;
    arrow.eventIndex = index;
  }

  point(kind: PointKind, event: TraceEvent, node: NodeId | null, text: string, index: number): void {
    // Events of one step are contiguous in the trace, so the slot counters reset per step. The
    // first state change of a node in a step takes slot 0, on the lane line, where the eye looks
    // for it; every other mark stacks above it in trace order.
    if (event.step !== this.slotStep) {
      this.slots.clear();
      this.slotStep = event.step;
    }
    const used = this.slots.get(node) ?? { state: false, next: 1 };
    const slot = kind === 'state' && !used.state ? 0 : used.next++;
    if (kind === 'state') used.state = true;
    this.slots.set(node, used);
    this.points.push({ key: `${kind}-${index}`, kind, step: event.step, tick: event.tick, node, text, slot, eventIndex: index });
  }

  condition(event: Extract<TraceEvent, { type: 'condition' }>, index: number): void {
    const open = this.openCondition.get(event.rule);
    if (open !== undefined) {
      this.alerts[open.index] = { ...open.alert, toStep: Math.max(open.alert.fromStep, event.step - 1) };
      this.openCondition.delete(event.rule);
    }
    if (!event.active) return;
    const alert: Alert = {
      key: `condition-${index}`,
      kind: 'condition',
      rule: event.rule,
      message: event.message,
      nodes: event.nodes,
      fromStep: event.step,
      toStep: null,
      eventIndex: index,
    };
    this.openCondition.set(event.rule, { alert, index: this.alerts.length });
    this.alerts.push(alert);
  }
}

function visit(b: Builder, event: TraceEvent, index: number): void {
  switch (event.type) {
    case 'send':
      return b.send(event.envelope, event.step, index, null);
    case 'deliver':
      return b.end(event.envelope, event, index, null);
    case 'drop':
      return b.end(event.envelope, event, index, event.reason);
    case 'duplicate': {
      const original = b.arrows.get(event.envelope.id);
      if (original !== undefined) original.copies += 1;
      b.send(event.copy, event.step, index, event.envelope.id);
      return b.point('duplicate', event, event.envelope.from, 'copy', index);
    }
    case 'state':
      return b.point('state', event, event.node, stateWords(event.to), index);
    case 'note':
      return b.point('note', event, event.node, event.text, index);
    case 'timer-fire':
      return b.point('timer', event, event.timer.node, timerTitle(event.timer.name), index);
    case 'client':
      return b.point('client', event, event.node, event.op, index);
    case 'observe':
      return b.point('observe', event, event.node, 'saw', index);
    case 'persist':
      return b.point('persist', event, event.node, 'saved', index);
    case 'crash':
      b.openCrash.set(event.node, b.crashes.length);
      b.crashes.push({ key: `crash-${index}`, node: event.node, fromStep: event.step, toStep: null });
      return b.point('crash', event, event.node, 'crash', index);
    case 'restart': {
      const open = b.openCrash.get(event.node);
      if (open !== undefined) b.crashes[open] = { ...b.crashes[open]!, toStep: event.step };
      b.openCrash.delete(event.node);
      return b.point('restart', event, event.node, 'restart', index);
    }
    case 'partition':
      return b.point('partition', event, null, 'partition', index);
    case 'heal':
      return b.point('heal', event, null, 'heal', index);
    case 'network':
      return b.point('network', event, null, `loss ${event.lossPercent}%`, index);
    case 'halt':
      return b.point('halt', event, null, 'halted', index);
    case 'violation':
      b.alerts.push({
        key: `violation-${index}`,
        kind: 'violation',
        rule: event.rule,
        message: event.message,
        nodes: event.nodes,
        fromStep: event.step,
        toStep: event.step,
        eventIndex: index,
      });
      return;
    case 'condition':
      return b.condition(event, index);
    case 'timer-set':
    case 'timer-cancel':
      return;
  }
}

/** The whole timeline of a trace, in steps and lanes. Events must be in trace order. */
export function buildTimeline(events: readonly TraceEvent[], names: TimelineNames): TimelineModel {
  const b = new Builder(names.describeMessage ?? ((body) => body.type));
  for (let i = 0; i < events.length; i++) visit(b, events[i]!, i);
  const lastStep = events.length === 0 ? 0 : events[events.length - 1]!.step;
  const tickAtStep = new Array<number>(lastStep + 1).fill(0);
  for (const event of events) tickAtStep[event.step] = event.tick;
  for (let s = 1; s <= lastStep; s++) if (tickAtStep[s]! < tickAtStep[s - 1]!) tickAtStep[s] = tickAtStep[s - 1]!;
  const arrows: Arrow[] = [];
  const longArrows: Arrow[] = [];
  for (const arrow of b.arrows.values()) {
    const span = (arrow.endStep ?? Infinity) - arrow.sendStep;
    (span > SHORT_SPAN_STEPS ? longArrows : arrows).push(arrow);
  }
  // Map iteration is insertion order, which is already by send step; copies are inserted at
  // their duplication step, so the order holds.
  return {
    lanes: names.nodes.map((n, index) => ({ node: index, name: n.name, role: n.role, index })),
    arrows,
    longArrows,
    points: b.points,
    crashes: b.crashes,
    alerts: b.alerts,
    lastStep,
    tickAtStep,
    shortSpanSteps: SHORT_SPAN_STEPS,
  };
}
