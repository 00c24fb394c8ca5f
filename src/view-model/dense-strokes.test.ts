import { describe, expect, it } from 'vitest';
import { denseStrokes, LIVE_SVG_ARROWS_MAX, liveSpan, liveSvgArrows } from './dense-strokes';
import type { ArrowShape, PointShape, TimelineShapes } from './timeline-layout';
import type { Arrow, PointMark } from './timeline-types';

const arrow = (id: number, status: ArrowShape['status'], x1: number, y1: number, x2: number, y2: number, cap: ArrowShape['cap'] = 'arrow'): ArrowShape => ({
  key: id,
  arrow: { id } as Arrow,
  status,
  main: { x1, y1, x2, y2 },
  cap,
  rest: null,
  restCap: null,
});
const point = (x: number, y: number, future = false, node: number | null = 0): PointShape => ({ mark: { node } as PointMark, x, y, future });
const shapes = (arrows: ArrowShape[], points: PointShape[] = []): TimelineShapes => ({ arrows, points, crashes: [], alerts: [], cursorX: 0 });

describe('denseStrokes', () => {
  it('lists arrows by how they are painted, and leaves the ones in flight to SVG', () => {
    const s = denseStrokes(shapes([arrow(1, 'past', 0, 10, 5, 30), arrow(2, 'in-flight', 1, 10, 6, 30), arrow(3, 'future', 9, 30, 12, 10, 'cross')]));
    expect(s.past).toEqual([0, 10, 5, 30]);
    expect(s.future).toEqual([9, 30, 12, 10]);
    expect(s.crosses).toEqual([12, 10]);
  });

  it('keeps only the first due arrows in flight for SVG when thousands are in flight, and paints the rest', () => {
    const flying = Array.from({ length: 2_000 }, (_, i) => ({ ...arrow(i, 'in-flight', i % 700, 10, 800, 30 + (i % 5)), arrow: { id: i, deliverTick: 5_000 - i } as Arrow }));
    const svg = liveSvgArrows(shapes(flying));
    expect(svg).toHaveLength(LIVE_SVG_ARROWS_MAX);
    expect(Math.min(...svg.map((a) => a.key))).toBe(2_000 - LIVE_SVG_ARROWS_MAX);
    const s = denseStrokes(shapes(flying));
    expect(s.past.length / 4).toBeGreaterThan(100);
    const few = [arrow(1, 'in-flight', 0, 10, 5, 30), arrow(2, 'in-flight', 1, 10, 6, 30)];
    expect(liveSvgArrows(shapes(few))).toHaveLength(2);
  });

  it('draws arrows that land on the same half pixel once', () => {
    const s = denseStrokes(shapes([arrow(1, 'past', 100, 10, 103, 30), arrow(2, 'past', 100.1, 10, 103.1, 30), arrow(3, 'past', 100.1, 30, 103.1, 10)]));
    expect(s.past).toHaveLength(8);
  });

  it('keeps arrows a pixel apart, and the same arrow in two styles', () => {
    const s = denseStrokes(shapes([arrow(1, 'past', 100, 10, 103, 30), arrow(2, 'past', 101, 10, 104, 30), arrow(3, 'future', 100, 10, 103, 30)]));
    expect(s.past).toHaveLength(8);
    expect(s.future).toHaveLength(4);
  });

  it('merges marks on the same spot but never a mark with one after the cursor, and skips marks across the whole diagram', () => {
    const s = denseStrokes(shapes([], [point(10, 20), point(10.1, 20), point(10, 20, true), point(10, 40), point(10, 0, false, null)]));
    expect(s.points).toEqual([10, 20, 10, 40]);
    expect(s.futurePoints).toEqual([10, 20]);
  });

  it('still lists shapes far outside the ranges its keys can hold', () => {
    const s = denseStrokes(shapes([arrow(1, 'past', 0, -50, 5, 1e5), arrow(2, 'past', 0, -50, 5, 1e5)]));
    expect(s.past).toHaveLength(8);
  });
});

describe('liveSpan', () => {
  it('is only the cursor when nothing is in flight', () => {
    expect(liveSpan({ ...shapes([arrow(1, 'past', 0, 10, 5, 30)]), cursorX: 50 })).toEqual([50, 50]);
  });

  it('reaches from the earliest send in flight to the furthest end still to come', () => {
    const flying = { ...arrow(2, 'in-flight', 20, 10, 50, 22), rest: { x1: 50, y1: 22, x2: 80, y2: 30 }, restCap: 'arrow' as const };
    const s = { ...shapes([arrow(1, 'past', 0, 10, 5, 30), flying, arrow(3, 'in-flight', 40, 30, 50, 20), arrow(4, 'future', 60, 10, 90, 30)]), cursorX: 50 };
    expect(liveSpan(s)).toEqual([20, 80]);
  });
});
