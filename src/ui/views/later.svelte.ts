// Code the views need only once a person acts loads on first use, not with the views: a widget's
// first picture (inert until the live simulator takes its place) then carries none of it.
// - the menus and fork flags (menus.ts): the first time a person points at or focuses a view,
//   opens a menu, or a run has other futures;
// - the timeline's pointer input (timeline-input.ts): as soon as a timeline that is not inert
//   is mounted;
// - the bars of client operations (TimelineOperations.svelte): when a run has operations (a
//   widget's picture of such a run waits for them before it paints).
// Loaded code is the same for every view on the page, so it is kept once here; no per-widget state
// lives in this module.

class Later<T> {
  /** The loaded module (reactive: a view reading it redraws when it arrives), or null. */
  current: T | null = $state.raw(null);
  #loading: Promise<T> | null = null;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** Starts loading (once) and resolves with the module. */
  load(): Promise<T> {
    this.#loading ??= this.#load().then((loaded) => (this.current = loaded));
    return this.#loading;
  }
}

export const menus = new Later(() => import('./menus'));
export const timelineInput = new Later(() => import('./timeline-input'));
export const operationBars = new Later(() => import('./TimelineOperations.svelte'));
