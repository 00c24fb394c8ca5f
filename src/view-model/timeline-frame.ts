// The mapping from steps and lanes to pixels for one frame. The visible step range comes from
// the component's zoom state; everything else follows from the model and the size.
import { stepScale, type StepScale } from './step-scale';
import type { TimelineModel } from './timeline-types';

export interface TimelineSize {
  readonly width: number;
  readonly height: number;
  /** Room at the left for lane names. */
  readonly gutterLeft: number;
  /** Room at the top for alert labels, and at the bottom for step and tick labels. */
  readonly marginTop: number;
  readonly marginBottom: number;
}

export interface TimelineFrame {
  /** Step to pixel: the centre of the step's column. */
  readonly x: StepScale;
  readonly columnWidth: number;
  readonly laneY: (lane: number) => number;
  readonly laneHeight: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** The cursor step, and where its line sits: the right edge of its column. */
  readonly cursor: number;
  readonly cursorX: number;
  readonly cursorTick: number;
  /** The last step any mark may reach: the trace's end or the cursor, whichever is later. */
  readonly endStep: number;
}

export const defaultTimelineSize: TimelineSize = { width: 800, height: 240, gutterLeft: 96, marginTop: 22, marginBottom: 30 };

/** The steps a view shows at first: all of a short run, or the last `columns` around the cursor. */
export function initialDomain(model: TimelineModel, cursor: number, columns = 40): [number, number] {
  const end = Math.max(model.lastStep, cursor);
  if (end + 1 <= columns) return [-0.5, Math.max(end, columns - 1) + 0.5];
  const right = Math.min(end, cursor + Math.floor(columns / 4));
  return [right - columns + 0.5, right + 0.5];
}

export function timelineFrame(
  model: TimelineModel,
  size: TimelineSize,
  domain: readonly [number, number],
  cursor: number,
  cursorTick: number,
): TimelineFrame {
  const left = size.gutterLeft;
  const right = Math.max(left + 1, size.width - 8);
  const top = size.marginTop;
  const bottom = Math.max(top + 1, size.height - size.marginBottom);
  const x = stepScale([domain[0], domain[1]], [left, right]);
  const columnWidth = x(1) - x(0);
  const lanes = Math.max(1, model.lanes.length);
  const laneHeight = (bottom - top) / lanes;
  return {
    x,
    columnWidth,
    laneY: (lane) => top + (lane + 0.5) * laneHeight,
    laneHeight,
    top,
    bottom,
    left,
    right,
    cursor,
    cursorX: x(cursor + 0.5),
    cursorTick,
    endStep: Math.max(model.lastStep, cursor),
  };
}

/** The step column under a pixel x, clamped to the run. */
export function stepAtX(frame: TimelineFrame, px: number): number {
  return Math.max(0, Math.min(frame.endStep, Math.round(frame.x.invert(px))));
}

/** The lane under a pixel y, or null outside the lanes. */
export function laneAtY(frame: TimelineFrame, py: number, lanes: number): number | null {
  const lane = Math.floor((py - frame.top) / frame.laneHeight);
  return lane >= 0 && lane < lanes ? lane : null;
}

/** Step labels with room between them, each with its tick as a secondary label. */
export function stepTicks(model: TimelineModel, frame: TimelineFrame, minGapPx = 64): { step: number; x: number; tick: number }[] {
  // The visible steps, from the pixel edges: this works for screen and content frames alike.
  const first = Math.max(0, Math.ceil(frame.x.invert(frame.left) - 1e-9));
  const last = Math.min(frame.endStep, Math.floor(frame.x.invert(frame.right) + 1e-9));
  const every = Math.max(1, niceStride(minGapPx / Math.max(frame.columnWidth, 1e-9)));
  const out: { step: number; x: number; tick: number }[] = [];
  for (let s = Math.ceil(first / every) * every; s <= last; s += every)
    out.push({ step: s, x: frame.x(s), tick: model.tickAtStep[Math.min(s, model.lastStep)] ?? 0 });
  return out;
}

/** The smallest of 1, 2, 5, 10, 20, 50... at least `raw`. */
function niceStride(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * The same frame in content coordinates, where step 0 sits at x = 0 whatever the pan: marks laid
 * out in it keep their coordinates while the view follows the cursor, and one translation by
 * `panShift(frame)` puts them on screen. Only a zoom changes every mark.
 */
export function contentFrame(frame: TimelineFrame): TimelineFrame {
  const shift = panShift(frame);
  // The column width is rounded to a binary fraction, so x = step × width comes out bit-for-bit
  // the same on every frame of a pan (and the DOM is not rewritten with equal numbers). The
  // rounding moves step 10,000 by less than a hundredth of a pixel.
  const columnWidth = Math.round(frame.columnWidth * 2 ** 20) / 2 ** 20;
  const x = stepScale([0, 1], [0, columnWidth]);
  return {
    ...frame,
    x,
    columnWidth,
    left: frame.left - shift,
    right: frame.right - shift,
    cursorX: x(frame.cursor + 0.5),
  };
}

/** Where step 0's column centre is on screen: the translation from content to screen. */
export function panShift(frame: TimelineFrame): number {
  return frame.x(0);
}
