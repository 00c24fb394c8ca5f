// Only the marks inside the visible step range are ever drawn. Arrows and points are sorted by
// step, so the window is found by bisection; the few long arrows are scanned whole.
import { bisectLeft, bisectRight } from './bisect';
import type { Alert, Arrow, CrashInterval, PointMark, TimelineModel } from './timeline-types';

export interface TimelineWindow {
  readonly fromStep: number;
  readonly toStep: number;
  readonly arrows: readonly Arrow[];
  readonly points: readonly PointMark[];
  readonly crashes: readonly CrashInterval[];
  readonly alerts: readonly Alert[];
}

const sendStep = (a: Arrow) => a.sendStep;
const pointStep = (p: PointMark) => p.step;

/** Whether [a0, a1] meets [b0, b1]; a null end means "still going". */
function meets(a0: number, a1: number | null, b0: number, b1: number): boolean {
  return a0 <= b1 && (a1 === null || a1 >= b0);
}

/**
 * The marks that touch steps `fromStep..toStep` (inclusive, fractional allowed). An arrow
 * touches the window if its span from send to end does; a pending arrow reaches on forever.
 */
export function windowTimeline(model: TimelineModel, fromStep: number, toStep: number): TimelineWindow {
  const lo = bisectLeft(model.arrows, sendStep, fromStep - model.shortSpanSteps);
  const hi = bisectRight(model.arrows, sendStep, toStep);
  const arrows: Arrow[] = [];
  for (let i = lo; i < hi; i++) {
    const arrow = model.arrows[i]!;
    if (meets(arrow.sendStep, arrow.endStep, fromStep, toStep)) arrows.push(arrow);
  }
  for (const arrow of model.longArrows) if (meets(arrow.sendStep, arrow.endStep, fromStep, toStep)) arrows.push(arrow);
  const points = model.points.slice(bisectLeft(model.points, pointStep, fromStep), bisectRight(model.points, pointStep, toStep));
  return {
    fromStep,
    toStep,
    arrows,
    points,
    crashes: model.crashes.filter((c) => meets(c.fromStep, c.toStep, fromStep, toStep)),
    alerts: model.alerts.filter((a) => meets(a.fromStep, a.toStep, fromStep, toStep)),
  };
}

/** How many marks a window holds: above ~2,000 the arrows go to a canvas (DESIGN.md §4). */
export function windowSize(window: TimelineWindow): number {
  return window.arrows.length + window.points.length + window.crashes.length + window.alerts.length;
}
