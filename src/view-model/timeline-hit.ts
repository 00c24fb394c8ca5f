// Finding what is under the pointer, for marks drawn on a canvas (which has no elements to
// click) and for the keyboard, which moves by step rather than by mark.
import { bisectLeft, bisectRight } from './bisect';
import type { TraceEvent } from '../engine';
import type { ArrowShape, PointShape, Segment } from './timeline-layout';

/** Squared distance from a point to a segment. */
export function distanceSquaredToSegment(px: number, py: number, s: Segment): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / length));
  const ex = s.x1 + t * dx - px;
  const ey = s.y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/** The arrow nearest to a point, within `tolerancePx`, or null. Prefers arrows in flight at the cursor. */
export function nearestArrow(arrows: readonly ArrowShape[], px: number, py: number, tolerancePx = 6): ArrowShape | null {
  let best: ArrowShape | null = null;
  let bestDistance = tolerancePx * tolerancePx;
  for (const shape of arrows) {
    let d = distanceSquaredToSegment(px, py, shape.main);
    if (shape.rest !== null) d = Math.min(d, distanceSquaredToSegment(px, py, shape.rest));
    // A tie goes to the message a person can still act on.
    if (d < bestDistance || (d === bestDistance && best !== null && shape.status === 'in-flight' && best.status !== 'in-flight')) {
      best = shape;
      bestDistance = d;
    }
  }
  return best;
}

/** The point mark nearest to a point, within `tolerancePx`, or null. */
export function nearestPoint(points: readonly PointShape[], px: number, py: number, tolerancePx = 8): PointShape | null {
  let best: PointShape | null = null;
  let bestDistance = tolerancePx * tolerancePx;
  for (const shape of points) {
    const dx = shape.x - px;
    const dy = shape.mark.node === null ? 0 : shape.y - py;
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      best = shape;
      bestDistance = d;
    }
  }
  return best;
}

const eventStep = (e: TraceEvent) => e.step;

/** The events of one step (the trace is in step order), as a slice. */
export function eventsAtStep(events: readonly TraceEvent[], step: number): readonly TraceEvent[] {
  return events.slice(bisectLeft(events, eventStep, step), bisectRight(events, eventStep, step));
}

/** The index of the first event of a step, for keys and links. */
export function firstEventIndexAtStep(events: readonly TraceEvent[], step: number): number {
  return bisectLeft(events, eventStep, step);
}
