// What a pointer is on in the timeline: an SVG mark (found through its `data-hit` attribute),
// or, on the dense canvas layer, the nearest arrow or point by the view-model's hit tests.
import type { TraceEvent } from '../../engine';
import {
  describeArrow,
  describeEvent,
  nearestArrow,
  nearestPoint,
  stepAtX,
  type AlertShape,
  type ArrowShape,
  type CrashShape,
  type PointShape,
  type TextNames,
  type TimelineFrame,
  type TimelineShapes,
} from '../../view-model';

export type Target =
  | { readonly kind: 'arrow'; readonly shape: ArrowShape }
  | { readonly kind: 'point'; readonly shape: PointShape }
  | { readonly kind: 'alert'; readonly shape: AlertShape }
  | { readonly kind: 'crash'; readonly shape: CrashShape }
  | { readonly kind: 'lane'; readonly node: number }
  | { readonly kind: 'step'; readonly step: number };

/** `frame` is the screen frame; `shift` takes the shapes' content coordinates to the screen. */
export function findTarget(shapes: TimelineShapes, frame: TimelineFrame, shift: number, event: MouseEvent, plot: HTMLElement, dense: boolean): Target {
  const rect = plot.getBoundingClientRect();
  const x = event.clientX - rect.left;
  const y = event.clientY - rect.top;
  const hit = (event.target as Element | null)?.closest?.('[data-hit]');
  const kind = hit?.getAttribute('data-hit');
  const key = hit?.getAttribute('data-key');
  if (kind === 'arrow') {
    const shape = shapes.arrows.find((a) => String(a.key) === key);
    if (shape) return { kind, shape };
  } else if (kind === 'point') {
    const shape = shapes.points.find((p) => p.mark.key === key);
    if (shape) return { kind, shape };
  } else if (kind === 'alert') {
    const shape = shapes.alerts.find((a) => a.key === key);
    if (shape) return { kind, shape };
  } else if (kind === 'lane' && key != null) {
    return { kind, node: Number(key) };
  } else if (kind === 'crash') {
    const shape = shapes.crashes.find((c) => c.key === key);
    if (shape) return { kind, shape };
  }
  if (dense) {
    const point = nearestPoint(shapes.points, x - shift, y, 5);
    if (point) return { kind: 'point', shape: point };
    const arrow = nearestArrow(shapes.arrows, x - shift, y, 4);
    if (arrow) return { kind: 'arrow', shape: arrow };
  }
  return { kind: 'step', step: stepAtX(frame, x) };
}

/** The step a click on a target goes to. An arrow goes to whichever end is nearer the click. */
export function targetStep(target: Target, frame: TimelineFrame, clickX: number): number {
  switch (target.kind) {
    case 'step':
      return target.step;
    case 'lane':
      return frame.cursor;
    case 'point':
      return target.shape.mark.step;
    case 'alert':
      return target.shape.alert.fromStep;
    case 'crash':
      return target.shape.crash.fromStep;
    case 'arrow': {
      const a = target.shape.arrow;
      const end = a.endStep ?? frame.cursor;
      return Math.abs(clickX - frame.x(a.sendStep)) <= Math.abs(clickX - frame.x(end)) ? a.sendStep : end;
    }
  }
}

/** Plain-text details of a target, for the tooltip. */
export function targetText(target: Target, events: readonly TraceEvent[], names: TextNames, stepSummary: (step: number) => string): string {
  switch (target.kind) {
    case 'step':
      return stepSummary(target.step);
    case 'lane':
      return `${names.nodes[target.node]?.name ?? `node ${target.node}`}: click to inspect this node`;
    case 'point': {
      const event = events[target.shape.mark.eventIndex];
      return event === undefined ? target.shape.mark.text : describeEvent(event, names);
    }
    case 'alert': {
      const a = target.shape.alert;
      const span = a.kind === 'violation' ? `at step ${a.fromStep}` : `from step ${a.fromStep}${a.toStep === null ? ', still holding' : ` to ${a.toStep}`}`;
      return `${a.kind === 'violation' ? 'Violation' : 'Condition'} ${a.rule} ${span}: ${a.message}`;
    }
    case 'crash': {
      const c = target.shape.crash;
      const name = names.nodes[c.node]?.name ?? `node ${c.node}`;
      return `${name} down from step ${c.fromStep}${c.toStep === null ? '' : ` until its restart at step ${c.toStep}`}`;
    }
    case 'arrow':
      return describeArrow(target.shape.arrow, names) + (target.shape.status === 'in-flight' ? '. Click for deliver, drop or duplicate.' : '');
  }
}
