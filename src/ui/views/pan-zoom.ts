// The one place the views let D3 own behaviour: d3-zoom turns drags, pinches and ctrl-wheel
// into zoom gestures. It never touches an element Svelte draws. The truth of what is shown
// stays in the component's state (its visible step range): d3-zoom's own transform is only a
// gesture accumulator, and each change is reported as a delta to apply to that state.
import { select } from 'd3-selection';
import { zoom, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import type { Attachment } from 'svelte/attachments';

/** A change of view: pixel x maps to `k * x + shift`. */
export interface ViewDelta {
  readonly k: number;
  readonly shift: number;
}

/**
 * Pan by dragging; zoom by pinching or ctrl/⌘ + wheel (a plain wheel scrolls the page, so a
 * timeline inside an article never traps it); a sideways wheel or trackpad swipe pans.
 */
export function panZoom(onchange: (delta: ViewDelta) => void): Attachment<HTMLElement> {
  return (element) => {
    let previous: ZoomTransform | null = null;
    const behaviour = zoom<HTMLElement, unknown>()
      .scaleExtent([1e-6, 1e6])
      // d3's default multiplies ctrl-wheel by 10 (for trackpad pinches), which makes one notch of a
      // mouse wheel zoom 4×; 4 keeps pinches lively and a notch under 2×.
      .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 4)
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type === 'mousedown') return (event as MouseEvent).button === 0;
        return true;
      })
      .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        previous = event.transform;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        const before = previous ?? event.transform;
        previous = event.transform;
        const k = event.transform.k / before.k;
        const shift = event.transform.x - k * before.x;
        if (k !== 1 || shift !== 0) onchange({ k, shift });
      });
    const selection = select(element);
    selection.call(behaviour).on('dblclick.zoom', null);
    const sideways = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey || Math.abs(event.deltaX) <= Math.abs(event.deltaY)) return;
      event.preventDefault();
      onchange({ k: 1, shift: -event.deltaX });
    };
    element.addEventListener('wheel', sideways, { passive: false });
    return () => {
      element.removeEventListener('wheel', sideways);
      selection.on('.zoom', null);
    };
  };
}
