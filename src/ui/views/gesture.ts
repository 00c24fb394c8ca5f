// Pan and zoom gestures along one axis as plain arithmetic, with no DOM: what a drag, a pinch
// or a wheel turn does to the view, as a change "pixel x goes to k * x + shift". pan-zoom.ts
// feeds it pointer and wheel events; the component applies each change to its step range.

/** A change of view: pixel x maps to `k * x + shift`. */
export interface ViewDelta {
  readonly k: number;
  readonly shift: number;
}

/** A pointer's position in the element's own pixels. */
export interface Spot {
  readonly x: number;
  readonly y: number;
}

/** What a wheel event says, whatever produced it (a mouse wheel, a trackpad, a pinch). */
export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0: pixels, 1: lines, 2: pages (WheelEvent.deltaMode). */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** Below this much travel a press is still a click, not a drag. */
export const CLICK_SLOP_PX = 3;

/** Pixels per wheel "line" and "page", for wheels that count in those. */
const LINE_PX = 16;
const PAGE_PX = 400;

/** A drag: the point under the pointer stays under it, sideways only. */
export function dragDelta(from: Spot, to: Spot): ViewDelta {
  return { k: 1, shift: to.x - from.x };
}

/**
 * A two-pointer pinch: the view scales by how far the pointers moved apart, and the point
 * between them follows their midpoint, so what was under the fingers stays under them.
 */
export function pinchDelta(from: readonly [Spot, Spot], to: readonly [Spot, Spot]): ViewDelta {
  const before = Math.hypot(from[1].x - from[0].x, from[1].y - from[0].y);
  const after = Math.hypot(to[1].x - to[0].x, to[1].y - to[0].y);
  // Fingers on top of each other give no sensible ratio: treat it as a pan.
  const k = before < 1 || after < 1 ? 1 : after / before;
  const midBefore = (from[0].x + from[1].x) / 2;
  const midAfter = (to[0].x + to[1].x) / 2;
  return { k, shift: midAfter - k * midBefore };
}

/**
 * A wheel turn at pixel x: with ctrl or ⌘ (which is also how browsers report a trackpad
 * pinch) it zooms about x; a mostly sideways turn or swipe pans; anything else is the page's
 * to scroll (null), so a timeline inside an article never traps the reader.
 */
export function wheelDelta(wheel: WheelInput, x: number): ViewDelta | null {
  if (wheel.ctrlKey || wheel.metaKey) {
    // One notch of a mouse wheel (deltaY 100 px or 3 lines) zooms by a little under 2×; a
    // trackpad pinch sends many small deltas, which add up smoothly.
    const perUnit = wheel.deltaMode === 1 ? 0.05 : wheel.deltaMode === 2 ? 1 : 0.002;
    const k = 2 ** (-wheel.deltaY * perUnit * 4);
    return { k, shift: x - k * x };
  }
  if (Math.abs(wheel.deltaX) <= Math.abs(wheel.deltaY)) return null;
  const unitPx = wheel.deltaMode === 1 ? LINE_PX : wheel.deltaMode === 2 ? PAGE_PX : 1;
  return { k: 1, shift: -wheel.deltaX * unitPx };
}

/**
 * The pointers pressed on the element and the change each move makes. One pointer drags, two
 * pinch; a third is ignored until one of the first two lifts. It also remembers how far the
 * gesture travelled, so that a drag does not end in a click.
 */
export class PointerGesture {
  #spots = new Map<number, Spot>();
  #travelPx = 0;

  /** Whether any pointer is pressed. */
  get active(): boolean {
    return this.#spots.size > 0;
  }

  /** Whether the current (or last) gesture went further than a click would. */
  get dragged(): boolean {
    return this.#travelPx > CLICK_SLOP_PX;
  }

  down(id: number, spot: Spot): void {
    if (this.#spots.size === 0) this.#travelPx = 0;
    if (this.#spots.size < 2) this.#spots.set(id, spot);
  }

  /** The change a pointer's move makes, or null if that pointer is not part of the gesture. */
  move(id: number, spot: Spot): ViewDelta | null {
    const before = this.#spots.get(id);
    if (before === undefined) return null;
    this.#travelPx += Math.hypot(spot.x - before.x, spot.y - before.y);
    const other = [...this.#spots].find(([key]) => key !== id)?.[1];
    this.#spots.set(id, spot);
    return other === undefined ? dragDelta(before, spot) : pinchDelta([before, other], [spot, other]);
  }

  up(id: number): void {
    this.#spots.delete(id);
  }

  /** Forgets every pointer: a new gesture begins (a release may have happened out of sight). */
  reset(): void {
    this.#spots.clear();
    this.#travelPx = 0;
  }
}
