// The views' menus and fork flags load the first time a person points at or focuses a view, or
// opens a menu, not with the views themselves: a widget's first picture (inert until the live
// simulator takes over) then carries none of their code. Loaded code is the same for every view
// on the page, so it is kept once here; no per-widget state lives in this module.
type Menus = typeof import('./menus');

let menus: Menus | null = $state.raw(null);
let loading: Promise<Menus> | null = null;

/** Starts loading the menus (once) and resolves with them. */
export function loadMenus(): Promise<Menus> {
  loading ??= import('./menus').then((loaded) => (menus = loaded));
  return loading;
}

/** The menus if they have loaded (reactive: a view reading it redraws when they arrive), else null. */
export function loadedMenus(): Menus | null {
  return menus;
}
