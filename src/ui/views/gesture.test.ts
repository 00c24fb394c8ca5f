import { describe, expect, it } from 'vitest';
import { PointerGesture, dragDelta, pinchDelta, wheelDelta, type ViewDelta } from './gesture';

const apply = (d: ViewDelta, x: number) => d.k * x + d.shift;
const wheel = (over: Partial<Parameters<typeof wheelDelta>[0]>) => ({ deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, ...over });

describe('drag and pinch', () => {
  it('a drag moves the view sideways by the distance dragged, whatever the vertical motion', () => {
    expect(dragDelta({ x: 100, y: 10 }, { x: 130, y: 80 })).toEqual({ k: 1, shift: 30 });
  });

  it('a pinch keeps what was under the fingers under them', () => {
    const from = [{ x: 100, y: 50 }, { x: 200, y: 50 }] as const;
    const to = [{ x: 50, y: 50 }, { x: 250, y: 50 }] as const;
    const d = pinchDelta(from, to);
    expect(d.k).toBe(2);
    expect(apply(d, 100)).toBe(50);
    expect(apply(d, 200)).toBe(250);
  });

  it('a pinch with the fingers on one spot only pans', () => {
    const d = pinchDelta([{ x: 100, y: 0 }, { x: 100, y: 0 }], [{ x: 110, y: 0 }, { x: 110, y: 0 }]);
    expect(d).toEqual({ k: 1, shift: 10 });
  });
});

describe('wheelDelta', () => {
  it('leaves a plain vertical wheel to the page', () => {
    expect(wheelDelta(wheel({ deltaY: 100 }), 300)).toBeNull();
  });

  it('zooms about the pointer with ctrl or ⌘, in when the wheel turns up', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }]) {
      const d = wheelDelta(wheel({ deltaY: -100, ...mods }), 300)!;
      expect(d.k).toBeGreaterThan(1);
      expect(d.k).toBeLessThan(2);
      expect(apply(d, 300)).toBeCloseTo(300);
    }
    expect(wheelDelta(wheel({ deltaY: 100, ctrlKey: true }), 300)!.k).toBeLessThan(1);
  });

  it('zooms as much for a notch counted in lines as for one counted in pixels', () => {
    const px = wheelDelta(wheel({ deltaY: -100, ctrlKey: true }), 0)!.k;
    const lines = wheelDelta(wheel({ deltaY: -4, deltaMode: 1, ctrlKey: true }), 0)!.k;
    expect(lines).toBeCloseTo(px, 5);
  });

  it('pans on a sideways swipe, the content following the fingers', () => {
    expect(wheelDelta(wheel({ deltaX: 40, deltaY: 5 }), 0)).toEqual({ k: 1, shift: -40 });
    expect(wheelDelta(wheel({ deltaX: -2, deltaMode: 1 }), 0)).toEqual({ k: 1, shift: 32 });
  });
});

describe('PointerGesture', () => {
  it('reports a drag of one pointer and ignores pointers it was not told about', () => {
    const g = new PointerGesture();
    g.down(1, { x: 10, y: 10 });
    expect(g.move(2, { x: 50, y: 10 })).toBeNull();
    expect(g.move(1, { x: 25, y: 12 })).toEqual({ k: 1, shift: 15 });
    expect(g.move(1, { x: 20, y: 12 })).toEqual({ k: 1, shift: -5 });
  });

  it('turns a second pointer into a pinch, and back into a drag when it lifts', () => {
    const g = new PointerGesture();
    g.down(1, { x: 100, y: 0 });
    g.down(2, { x: 200, y: 0 });
    const d = g.move(2, { x: 300, y: 0 })!;
    expect(d.k).toBe(2);
    expect(apply(d, 100)).toBe(100);
    g.down(3, { x: 500, y: 0 });
    expect(g.move(3, { x: 600, y: 0 })).toBeNull();
    g.up(2);
    expect(g.move(1, { x: 90, y: 0 })).toEqual({ k: 1, shift: -10 });
  });

  it('tells a click from a drag by how far the pointer travelled', () => {
    const g = new PointerGesture();
    g.down(1, { x: 0, y: 0 });
    g.move(1, { x: 1, y: 1 });
    g.up(1);
    expect(g.dragged).toBe(false);
    g.down(1, { x: 0, y: 0 });
    g.move(1, { x: 20, y: 0 });
    g.up(1);
    expect(g.dragged).toBe(true);
    expect(g.active).toBe(false);
    g.down(1, { x: 0, y: 0 });
    expect(g.dragged).toBe(false);
  });
});
