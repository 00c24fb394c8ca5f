// The timeline's pointer input in one chunk loaded on first use (see later.svelte.ts): pan and
// zoom gestures, and what a pointer is on.
export { panZoom } from './pan-zoom';
export { findTarget, targetStep, targetText } from './timeline-target';
