// Message chips near a busy node would cover each other and the node's words: ACCEPTED from
// three acceptors to two proposers leaves six chips between two rows. This moves each chip, first
// due first, to the nearest free place around where its message is, so every chip drawn stays
// readable and every node's disc and words stay visible; a chip with no free place is left for
// the "+N more" chip to count. A pure function of the spots and their sizes: the picture at a step
// is always the same.
import type { Point } from './cluster-layout';
import type { MessageSpot } from './cluster-messages';

export interface ChipSize {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const rectAt = (x: number, y: number, size: ChipSize): Rect => ({ x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height });

/** The rectangle a chip covers at its spot. */
export const chipRect = (spot: { readonly x: number; readonly y: number }, size: ChipSize): Rect => rectAt(spot.x, spot.y, size);

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Offsets to try, nearest first: a chip's height up or down, then its width aside, then both. */
function offsets(size: ChipSize): Point[] {
  const dy = size.height + 2;
  const dx = size.width / 2 + 4;
  const out: Point[] = [{ x: 0, y: 0 }];
  for (let k = 1; k <= 3; k++) out.push({ x: 0, y: -k * dy }, { x: 0, y: k * dy }, { x: -k * dx, y: 0 }, { x: k * dx, y: 0 });
  for (const sx of [-1, 1]) for (const sy of [-1, 1]) out.push({ x: sx * dx, y: sy * dy });
  return out.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));
}

export interface PlacedChips {
  readonly placed: readonly MessageSpot[];
  /** Spots with no free place near them. */
  readonly crowded: readonly MessageSpot[];
}

/**
 * Each chip, in the order given, at the nearest of a few places around its spot where it covers
 * no chip already placed and no obstacle (a node's disc and words), within the box.
 */
export function placeChips(spots: readonly MessageSpot[], sizeOf: (spot: MessageSpot) => ChipSize, obstacles: readonly Rect[], box: ChipSize): PlacedChips {
  const taken: Rect[] = [...obstacles];
  const placed: MessageSpot[] = [];
  const crowded: MessageSpot[] = [];
  for (const spot of spots) {
    const size = sizeOf(spot);
    const free = offsets(size)
      .map((o) => rectAt(spot.x + o.x, spot.y + o.y, size))
      .find((r) => r.x >= 0 && r.y >= 0 && r.x + r.width <= box.width && r.y + r.height <= box.height && !taken.some((q) => overlaps(r, q)));
    if (free === undefined) {
      crowded.push(spot);
      continue;
    }
    taken.push(free);
    const x = free.x + size.width / 2;
    const y = free.y + size.height / 2;
    placed.push(x === spot.x && y === spot.y ? spot : { ...spot, x, y });
  }
  return { placed, crowded };
}
