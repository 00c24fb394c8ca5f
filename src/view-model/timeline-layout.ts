// Pixel shapes for the marks of one window at one cursor. Called per frame, on the window only.
import type { TimelineFrame } from './timeline-frame';
import type { Alert, Arrow, CrashInterval, PointMark } from './timeline-types';
import type { TimelineWindow } from './timeline-window';

/** Relative to the cursor: ended at or before it, in flight across it, or not yet sent. */
export type ArrowStatus = 'past' | 'in-flight' | 'future';
export type Cap = 'arrow' | 'cross' | 'dot';

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface ArrowShape {
  readonly key: number;
  readonly arrow: Arrow;
  readonly status: ArrowStatus;
  /** Drawn solid, except for a future arrow (dimmed). For an arrow in flight it ends at the cursor. */
  readonly main: Segment;
  readonly cap: Cap;
  /** For an arrow in flight whose end the trace already holds: the rest of its way, dimmed. */
  readonly rest: Segment | null;
  readonly restCap: Cap | null;
}

export interface PointShape {
  readonly mark: PointMark;
  readonly x: number;
  readonly y: number;
  readonly future: boolean;
}

export interface BandShape {
  readonly key: string;
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

export interface CrashShape extends BandShape {
  readonly crash: CrashInterval;
}

export interface AlertShape {
  readonly key: string;
  readonly alert: Alert;
  readonly bands: readonly BandShape[];
  readonly x1: number;
  readonly future: boolean;
}

export interface TimelineShapes {
  readonly arrows: readonly ArrowShape[];
  readonly points: readonly PointShape[];
  readonly crashes: readonly CrashShape[];
  readonly alerts: readonly AlertShape[];
  readonly cursorX: number;
}

/** How far along its way a dropped-in-the-network message gets before its cross. */
const LOST_FRACTION = 0.6;

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Where a message's line ends and how: an arrowhead on delivery, a cross where it was lost. */
function endOf(arrow: Arrow, frame: TimelineFrame, start: { x: number; y: number }): { x: number; y: number; cap: Cap } {
  const x = frame.x(arrow.endStep!);
  const y = frame.laneY(arrow.to);
  if (arrow.outcome === 'delivered') return { x, y, cap: 'arrow' };
  if (arrow.dropReason === 'chosen' || arrow.dropReason === 'loss')
    return { x: lerp(start.x, x, LOST_FRACTION), y: lerp(start.y, y, LOST_FRACTION), cap: 'cross' };
  // Lost on arrival (the node was down, or a partition cut it off): the cross sits on the lane.
  return { x, y, cap: 'cross' };
}

/** How far a message in flight has come at the cursor's tick, kept off both ends so it reads as moving. */
export function flightProgress(sendTick: number, deliverTick: number, tick: number): number {
  const span = deliverTick - sendTick;
  const raw = span <= 0 ? 1 : (tick - sendTick) / span;
  return Math.max(0.15, Math.min(0.85, raw));
}

/**
 * The part of a segment within [lo, hi] in x, on the same line, or the segment itself when it
 * lies within. Arrows are clamped to the view like bands (see bandLimits): a link can keep
 * thousands of messages in flight from the start of a long run, and a dashed line tens of
 * thousands of pixels long was painted in full, dash by dash, however little of it showed.
 */
export function clipSegment(segment: Segment, lo: number, hi: number): Segment {
  const { x1, y1, x2, y2 } = segment;
  if (Math.min(x1, x2) >= lo && Math.max(x1, x2) <= hi) return segment;
  if (x1 === x2) return segment;
  const at = (x: number) => y1 + ((y2 - y1) * (x - x1)) / (x2 - x1);
  const clamp = (x: number) => Math.max(lo, Math.min(hi, x));
  const a = clamp(x1);
  const b = clamp(x2);
  return { x1: a, y1: at(a), x2: b, y2: at(b) };
}

export function arrowShape(arrow: Arrow, frame: TimelineFrame): ArrowShape {
  const shape = unclippedArrowShape(arrow, frame);
  const [lo, hi] = bandLimits(frame);
  const main = clipSegment(shape.main, lo, hi);
  const rest = shape.rest === null ? null : clipSegment(shape.rest, lo, hi);
  return main === shape.main && rest === shape.rest ? shape : { ...shape, main, rest };
}

function unclippedArrowShape(arrow: Arrow, frame: TimelineFrame): ArrowShape {
  const start = { x: frame.x(arrow.sendStep), y: frame.laneY(arrow.from) };
  const ended = arrow.endStep !== null;
  if (arrow.sendStep > frame.cursor) {
    const end = ended ? endOf(arrow, frame, start) : { x: frame.x(frame.endStep + 0.5), y: frame.laneY(arrow.to), cap: 'dot' as const };
    return { key: arrow.id, arrow, status: 'future', main: { x1: start.x, y1: start.y, x2: end.x, y2: end.y }, cap: end.cap, rest: null, restCap: null };
  }
  if (ended && arrow.endStep! <= frame.cursor) {
    const end = endOf(arrow, frame, start);
    return { key: arrow.id, arrow, status: 'past', main: { x1: start.x, y1: start.y, x2: end.x, y2: end.y }, cap: end.cap, rest: null, restCap: null };
  }
  const progress = flightProgress(arrow.sendTick, arrow.deliverTick, frame.cursorTick);
  const head = { x: frame.cursorX, y: lerp(start.y, frame.laneY(arrow.to), progress) };
  const main = { x1: start.x, y1: start.y, x2: head.x, y2: head.y };
  if (!ended) return { key: arrow.id, arrow, status: 'in-flight', main, cap: 'dot', rest: null, restCap: null };
  const end = endOf(arrow, frame, start);
  return { key: arrow.id, arrow, status: 'in-flight', main, cap: 'dot', rest: { x1: head.x, y1: head.y, x2: end.x, y2: end.y }, restCap: end.cap };
}

/**
 * Where a mark sits relative to its lane line: slot 0 (a state change) on the line, the others
 * alternately below and above it, a quarter lane apart, so a step's marks stay inside the lane.
 */
export function slotOffset(frame: TimelineFrame, slot: number): number {
  if (slot <= 0) return 0;
  const gap = frame.laneHeight / 4;
  const level = Math.min(2, Math.ceil(slot / 2));
  return slot % 2 === 1 ? -level * gap : level * gap;
}

/**
 * Keeps bands within the run and within a few pixels of the view. A crash or condition that
 * lasts the whole run would otherwise be a rectangle hundreds of thousands of pixels wide, and
 * the browser paints its hatching and dashed edges in full however little of it shows: that
 * alone cost ~150 ms a frame on a 10,000-step run. The few pixels of margin hide the band's
 * cut ends outside the plot's clip.
 */
export function bandLimits(frame: TimelineFrame, marginPx = 16): readonly [number, number] {
  return [Math.max(frame.x(-1), frame.left - marginPx), Math.min(frame.x(frame.endStep + 1), frame.right + marginPx)];
}

function clampX(frame: TimelineFrame, x: number): number {
  const [lo, hi] = bandLimits(frame);
  return Math.max(lo, Math.min(hi, x));
}

function band(frame: TimelineFrame, key: string, lane: number, x1: number, x2: number, inset: number): BandShape {
  const y = frame.laneY(lane);
  const half = frame.laneHeight / 2 - inset;
  return { key, x1: clampX(frame, x1), x2: clampX(frame, Math.max(x2, x1 + 4)), y1: y - half, y2: y + half };
}

export function alertShape(alert: Alert, frame: TimelineFrame, lanes: number): AlertShape {
  const half = Math.max(frame.columnWidth / 2, 3);
  const x1 = frame.x(alert.fromStep) - half;
  const x2 = frame.x(alert.toStep ?? frame.endStep) + half;
  const named = alert.nodes.length > 0 ? alert.nodes : Array.from({ length: lanes }, (_, i) => i);
  return {
    key: alert.key,
    alert,
    bands: named.filter((n) => n >= 0 && n < lanes).map((n) => band(frame, `${alert.key}-${n}`, n, x1, x2, 2)),
    x1: clampX(frame, x1),
    future: alert.fromStep > frame.cursor,
  };
}

/** Every shape of a window, projected through a frame. */
export function layoutTimeline(window: TimelineWindow, frame: TimelineFrame, lanes: number): TimelineShapes {
  return {
    arrows: window.arrows.map((a) => arrowShape(a, frame)),
    points: window.points.map((mark) => ({
      mark,
      x: frame.x(mark.step),
      y: mark.node === null ? frame.top : frame.laneY(mark.node) - slotOffset(frame, mark.slot),
      future: mark.step > frame.cursor,
    })),
    crashes: window.crashes.map((crash) => {
      const x2 = crash.toStep === null ? frame.x(frame.endStep + 0.5) : frame.x(crash.toStep);
      return { ...band(frame, crash.key, crash.node, frame.x(crash.fromStep), x2, frame.laneHeight * 0.3), crash };
    }),
    alerts: window.alerts.map((a) => alertShape(a, frame, lanes)),
    cursorX: frame.cursorX,
  };
}
