import { describe, expect, it } from 'vitest';
import { panZoom, type ViewDelta } from './pan-zoom';

/** Just enough of an element and its window for the attachment, in Node. */
function setup() {
  const win = new EventTarget();
  const element = Object.assign(new EventTarget(), {
    ownerDocument: { defaultView: win },
    getBoundingClientRect: () => ({ left: 10, top: 20 }),
  });
  const deltas: ViewDelta[] = [];
  const detach = panZoom((d) => deltas.push(d))(element as unknown as HTMLElement) as () => void;
  const fire = (target: EventTarget, type: string, init: Record<string, unknown> = {}) => {
    const event = Object.assign(new Event(type, { cancelable: true }), init);
    target.dispatchEvent(event);
    return event;
  };
  const pointer = (id: number, x: number, extra: Record<string, unknown> = {}) => ({
    pointerId: id,
    pointerType: 'mouse',
    button: 0,
    isPrimary: id === 1,
    clientX: x,
    clientY: 30,
    ...extra,
  });
  return { win, element, deltas, detach, fire, pointer };
}

describe('panZoom', () => {
  it('pans by the distance dragged, following the pointer even off the element', () => {
    const { win, element, deltas, fire, pointer } = setup();
    fire(element, 'pointerdown', pointer(1, 100));
    fire(win, 'pointermove', pointer(1, 130));
    fire(win, 'pointermove', pointer(1, 90));
    fire(win, 'pointerup', pointer(1, 90));
    fire(win, 'pointermove', pointer(1, 300));
    expect(deltas).toEqual([
      { k: 1, shift: 30 },
      { k: 1, shift: -40 },
    ]);
  });

  it('swallows the click that ends a drag, but not a plain click', () => {
    const { win, element, fire, pointer } = setup();
    fire(element, 'pointerdown', pointer(1, 100));
    fire(win, 'pointerup', pointer(1, 100));
    expect(fire(element, 'click').defaultPrevented).toBe(false);
    fire(element, 'pointerdown', pointer(1, 100));
    fire(win, 'pointermove', pointer(1, 160));
    fire(win, 'pointerup', pointer(1, 160));
    expect(fire(element, 'click').defaultPrevented).toBe(true);
    expect(fire(element, 'click').defaultPrevented).toBe(false);
  });

  it('ignores the right mouse button', () => {
    const { win, element, deltas, fire, pointer } = setup();
    fire(element, 'pointerdown', pointer(1, 100, { button: 2 }));
    fire(win, 'pointermove', pointer(1, 150));
    expect(deltas).toEqual([]);
  });

  it('zooms about the pointer on ctrl + wheel and leaves a plain wheel to the page', () => {
    const { element, deltas, fire } = setup();
    const plain = fire(element, 'wheel', { deltaX: 0, deltaY: 100, deltaMode: 0, ctrlKey: false, metaKey: false, clientX: 310 });
    expect(plain.defaultPrevented).toBe(false);
    const zoom = fire(element, 'wheel', { deltaX: 0, deltaY: -100, deltaMode: 0, ctrlKey: true, metaKey: false, clientX: 310 });
    expect(zoom.defaultPrevented).toBe(true);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]!.k).toBeGreaterThan(1);
    expect(deltas[0]!.k * 300 + deltas[0]!.shift).toBeCloseTo(300);
  });

  it('pinches with two touches', () => {
    const { win, element, deltas, fire, pointer } = setup();
    fire(element, 'pointerdown', pointer(1, 110, { pointerType: 'touch' }));
    fire(element, 'pointerdown', pointer(2, 210, { pointerType: 'touch' }));
    fire(win, 'pointermove', pointer(2, 310, { pointerType: 'touch' }));
    expect(deltas).toEqual([{ k: 2, shift: 100 - 2 * 100 }]);
  });

  it('stops listening when detached', () => {
    const { win, element, deltas, detach, fire, pointer } = setup();
    fire(element, 'pointerdown', pointer(1, 100));
    detach();
    fire(win, 'pointermove', pointer(1, 150));
    fire(element, 'wheel', { deltaX: 0, deltaY: -100, deltaMode: 0, ctrlKey: true, metaKey: false, clientX: 310 });
    expect(deltas).toEqual([]);
  });
});
