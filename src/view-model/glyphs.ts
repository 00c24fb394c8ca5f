// Small shapes as SVG path strings: arrowheads, crosses and the glyph of each kind of mark.
// They are plain strings so the same shape draws in SVG (`d`) and on a canvas (`Path2D`).
import type { PointKind } from './timeline-types';

const f = (n: number) => (Math.round(n * 100) / 100).toString();

/** A filled triangle with its tip at (x2, y2), pointing along the segment from (x1, y1). */
export function headPath(x1: number, y1: number, x2: number, y2: number, size = 7): string {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const bx = x2 - ux * size;
  const by = y2 - uy * size;
  const half = size * 0.5;
  return `M${f(x2)},${f(y2)}L${f(bx - uy * half)},${f(by + ux * half)}L${f(bx + uy * half)},${f(by - ux * half)}Z`;
}

/** An × centred on (x, y). */
export function crossPath(x: number, y: number, size = 5): string {
  return `M${f(x - size)},${f(y - size)}L${f(x + size)},${f(y + size)}M${f(x - size)},${f(y + size)}L${f(x + size)},${f(y - size)}`;
}

/** Whether a kind's glyph is drawn filled (else stroked only). */
export function glyphFilled(kind: PointKind): boolean {
  return kind === 'state' || kind === 'client' || kind === 'persist' || kind === 'halt';
}

/** The glyph of a mark, centred on (x, y): each kind has its own shape, not only its own colour. */
export function glyphPath(kind: PointKind, x: number, y: number, r = 4): string {
  switch (kind) {
    case 'state':
      return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'client':
      return `M${f(x - r)},${f(y - r)}L${f(x + r)},${f(y)}L${f(x - r)},${f(y + r)}Z`;
    case 'timer':
      // A clock face with one hand.
      return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0ZM${f(x)},${f(y)}L${f(x)},${f(y - r * 0.8)}M${f(x)},${f(y)}L${f(x + r * 0.6)},${f(y)}`;
    case 'note':
      return `M${f(x - r)},${f(y - r)}H${f(x + r)}V${f(y + r)}H${f(x - r)}ZM${f(x - r * 0.5)},${f(y - r * 0.3)}H${f(x + r * 0.5)}M${f(x - r * 0.5)},${f(y + r * 0.3)}H${f(x + r * 0.5)}`;
    case 'crash':
      return crossPath(x, y, r * 1.4);
    case 'restart':
      // An open ring with a tick: "coming back".
      return `M${f(x + r)},${f(y)}A${r},${r} 0 1,1 ${f(x)},${f(y - r)}M${f(x)},${f(y - r)}L${f(x + r * 0.7)},${f(y - r * 1.5)}M${f(x)},${f(y - r)}L${f(x + r * 0.7)},${f(y - r * 0.3)}`;
    case 'observe':
      return `M${f(x)},${f(y - r)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r)}L${f(x - r)},${f(y)}Z`;
    case 'persist':
      return `M${f(x - r)},${f(y - r * 0.7)}H${f(x + r)}V${f(y + r * 0.7)}H${f(x - r)}Z`;
    case 'duplicate':
      return `M${f(x - r * 1.4)},${f(y)}a${r * 0.7},${r * 0.7} 0 1,0 ${f(r * 1.4)},0a${r * 0.7},${r * 0.7} 0 1,0 ${f(-r * 1.4)},0ZM${f(x)},${f(y)}a${r * 0.7},${r * 0.7} 0 1,0 ${f(r * 1.4)},0a${r * 0.7},${r * 0.7} 0 1,0 ${f(-r * 1.4)},0Z`;
    case 'partition':
    case 'heal':
    case 'network':
    case 'halt':
      return `M${f(x - r)},${f(y - r)}H${f(x + r)}V${f(y + r)}H${f(x - r)}Z`;
  }
}
