// The timeline's pan and zoom gestures, in one attachment. The truth of what is shown stays in
// the component's state (its visible step range): this only turns pointer and wheel events into
// changes of view (gesture.ts) and reports each one. It adds no element and sets no attribute.
// It replaced d3-zoom, which with d3-selection, d3-transition and their dependencies weighed
// ~18 KB gzipped on a page whose whole budget is 45 KB.
import type { Attachment } from 'svelte/attachments';
import { PointerGesture, wheelDelta, type Spot, type ViewDelta } from './gesture';

export type { ViewDelta } from './gesture';

/**
 * Pan by dragging (mouse, pen or one finger); zoom by pinching with two fingers or ctrl/⌘ +
 * wheel (a plain wheel scrolls the page); a sideways wheel or trackpad swipe pans. A press that
 * does not travel stays a click, so every mark remains clickable; a drag swallows the click
 * that ends it.
 */
export function panZoom(onchange: (delta: ViewDelta) => void): Attachment<HTMLElement> {
  return (element) => {
    const view = element.ownerDocument.defaultView ?? window;
    const gesture = new PointerGesture();
    // The element does not move during a drag, so its position is read once per gesture,
    // not on every move (a read after the view changed would force a layout).
    let origin = { left: 0, top: 0 };
    let swallowClick = false;
    const spot = (event: MouseEvent): Spot => ({ x: event.clientX - origin.left, y: event.clientY - origin.top });

    const onmove = (event: PointerEvent) => {
      const delta = gesture.move(event.pointerId, spot(event));
      if (delta !== null && (delta.k !== 1 || delta.shift !== 0)) onchange(delta);
    };
    const onup = (event: PointerEvent) => {
      gesture.up(event.pointerId);
      if (gesture.active) return;
      swallowClick = gesture.dragged;
      stopFollowing();
    };
    const stopFollowing = () => {
      view.removeEventListener('pointermove', onmove);
      view.removeEventListener('pointerup', onup);
      view.removeEventListener('pointercancel', onup);
    };
    const ondown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      swallowClick = false;
      // The first pointer of a gesture starts afresh, even if a release was never seen.
      if (event.isPrimary || !gesture.active) {
        gesture.reset();
        const rect = element.getBoundingClientRect();
        origin = { left: rect.left, top: rect.top };
        // Moves and the release are followed on the window, so a drag may leave the element;
        // no pointer capture, which would make the element, not the mark, the click's target.
        view.addEventListener('pointermove', onmove);
        view.addEventListener('pointerup', onup);
        view.addEventListener('pointercancel', onup);
      }
      gesture.down(event.pointerId, spot(event));
    };
    const onclick = (event: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
      event.preventDefault();
    };
    const onwheel = (event: WheelEvent) => {
      const rect = element.getBoundingClientRect();
      const delta = wheelDelta(event, event.clientX - rect.left);
      if (delta === null) return;
      event.preventDefault();
      onchange(delta);
    };
    const onselectstart = (event: Event) => {
      if (gesture.active) event.preventDefault();
    };

    element.addEventListener('pointerdown', ondown);
    element.addEventListener('click', onclick, { capture: true });
    element.addEventListener('wheel', onwheel, { passive: false });
    element.addEventListener('selectstart', onselectstart);
    return () => {
      element.removeEventListener('pointerdown', ondown);
      element.removeEventListener('click', onclick, { capture: true });
      element.removeEventListener('wheel', onwheel);
      element.removeEventListener('selectstart', onselectstart);
      stopFollowing();
    };
  };
}
