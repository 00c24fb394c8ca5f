// What the timeline's canvas layer draws when a window is too dense for SVG: the arrows and marks
// as flat lists of coordinates, grouped by how they are painted. Zoomed out over a long run, many
// arrows land on the same pixels (10,000 steps in 700 pixels), and the browser pays for every one
// it strokes, so marks that round to the same half pixel are listed once.
import type { ArrowShape, TimelineShapes } from './timeline-layout';

export interface DenseStrokes {
  /** Arrows ended at or before the cursor, as x1, y1, x2, y2 quadruples. */
  readonly past: readonly number[];
  /** Arrows not yet sent, likewise. */
  readonly future: readonly number[];
  /** Where lost messages end, as x, y pairs. */
  readonly crosses: readonly number[];
  /** Marks on a lane at or before the cursor, and after it, as x, y pairs. */
  readonly points: readonly number[];
  readonly futurePoints: readonly number[];
}

/** Keys fit in a double's 53 bits while coordinates stay in these bounds; others are never merged. */
const Y_CELLS = 2 ** 13;
const SPAN_CELLS = 2 ** 21;

/** Remembers which rounded shapes were already listed; shapes arrive roughly sorted by x. */
class Seen {
  #x = NaN;
  #keys = new Set<number>();

  /** Whether a shape with this rounded start x and key is new (and now remembered). */
  first(xCell: number, key: number | null): boolean {
    if (key === null) return true;
    if (xCell !== this.#x) {
      this.#x = xCell;
      this.#keys.clear();
    }
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    return true;
  }
}

const inRange = (cell: number, cells: number) => cell >= 0 && cell < cells;

function segmentKey(cell: (v: number) => number, x1: number, y1: number, x2: number, y2: number): number | null {
  const span = cell(x2) - cell(x1) + SPAN_CELLS / 2;
  const a = cell(y1);
  const b = cell(y2);
  if (!inRange(span, SPAN_CELLS) || !inRange(a, Y_CELLS) || !inRange(b, Y_CELLS)) return null;
  return (span * Y_CELLS + a) * Y_CELLS + b;
}

/**
 * The most arrows in flight the SVG layer draws when a window is dense: those are the ones a
 * person points at and acts on. A link can put thousands in flight, and thousands of long SVG
 * lines froze the page for seconds a frame (issue 8); the others go to the canvas.
 */
export const LIVE_SVG_ARROWS_MAX = 40;

// Both layers ask for the same shapes' live arrows on every frame: worked out once per shapes.
const liveOf = new WeakMap<TimelineShapes, readonly ArrowShape[]>();

/** The arrows in flight the SVG layer keeps: the first due (what the next steps deliver), at most LIVE_SVG_ARROWS_MAX. */
export function liveSvgArrows(shapes: TimelineShapes): readonly ArrowShape[] {
  const known = liveOf.get(shapes);
  if (known !== undefined) return known;
  let live = shapes.arrows.filter((a) => a.status === 'in-flight');
  if (live.length > LIVE_SVG_ARROWS_MAX) {
    const first = new Set(
      [...live]
        .sort((a, b) => a.arrow.deliverTick - b.arrow.deliverTick || a.key - b.key)
        .slice(0, LIVE_SVG_ARROWS_MAX)
        .map((a) => a.key),
    );
    live = live.filter((a) => first.has(a.key));
  }
  liveOf.set(shapes, live);
  return live;
}

/**
 * The canvas's share of a window's shapes: everything but the arrows in flight that SVG draws.
 * Arrows in flight beyond those are drawn here, their way so far as a past stroke and the rest
 * of it as a future one.
 */
export function denseStrokes(shapes: TimelineShapes, resolutionPx = 0.5): DenseStrokes {
  const cell = (v: number) => Math.round(v / resolutionPx);
  const past: number[] = [];
  const future: number[] = [];
  const crosses: number[] = [];
  const seen = { past: new Seen(), future: new Seen(), crosses: new Seen(), points: new Seen(), futurePoints: new Seen() };
  const inSvg = new Set(liveSvgArrows(shapes).map((a) => a.key));
  for (const a of shapes.arrows) {
    if (a.status === 'in-flight') {
      if (inSvg.has(a.key)) continue;
      const { x1, y1, x2, y2 } = a.main;
      if (seen.past.first(cell(x1), segmentKey(cell, x1, y1, x2, y2))) past.push(x1, y1, x2, y2);
      if (a.rest !== null && seen.future.first(cell(a.rest.x1), segmentKey(cell, a.rest.x1, a.rest.y1, a.rest.x2, a.rest.y2)))
        future.push(a.rest.x1, a.rest.y1, a.rest.x2, a.rest.y2);
      continue;
    }
    const { x1, y1, x2, y2 } = a.main;
    const list = a.status === 'past' ? past : future;
    if (seen[a.status].first(cell(x1), segmentKey(cell, x1, y1, x2, y2))) list.push(x1, y1, x2, y2);
    const yCell = cell(y2);
    if (a.cap === 'cross' && seen.crosses.first(cell(x2), inRange(yCell, Y_CELLS) ? yCell : null)) crosses.push(x2, y2);
  }
  const points: number[] = [];
  const futurePoints: number[] = [];
  for (const p of shapes.points) {
    if (p.mark.node === null) continue;
    const yCell = cell(p.y);
    const key = inRange(yCell, Y_CELLS) ? yCell : null;
    if (p.future ? seen.futurePoints.first(cell(p.x), key) : seen.points.first(cell(p.x), key)) (p.future ? futurePoints : points).push(p.x, p.y);
  }
  return { past, future, crosses, points, futurePoints };
}

/**
 * The stretch of x (content coordinates) where the dense layer depends on the cursor: from the
 * earliest send to the furthest end of the arrows in flight, or just the cursor when none are.
 * Left of it everything is past and right of it everything is future (a past arrow ends at or
 * before the cursor's column, a future one starts after it), so those parts can be painted once
 * in each style and reused on every seek that keeps the view where it is.
 */
export function liveSpan(shapes: TimelineShapes): readonly [number, number] {
  let left = shapes.cursorX;
  let right = shapes.cursorX;
  for (const a of shapes.arrows) {
    if (a.status !== 'in-flight') continue;
    const end = a.rest ?? a.main;
    left = Math.min(left, a.main.x1, a.main.x2);
    right = Math.max(right, a.main.x1, a.main.x2, end.x1, end.x2);
  }
  return [left, right];
}
