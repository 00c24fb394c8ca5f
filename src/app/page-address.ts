// What the site keeps for a person between pages and reloads, without runes: the theme chosen
// on an earlier page (local storage) and the address of the frame on screen.
import type { SimulatorController } from '../ui/state/controller.svelte';
import { displayFromQuery, THEMES, type ThemeChoice } from '../ui/state/display.svelte';

export const THEME_KEY = 'fault-lines:theme';

/** The theme chosen on an earlier page, if storage allows and holds a known one. */
export function rememberedTheme(): ThemeChoice | null {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return THEMES.find((t) => t === saved) ?? null;
  } catch {
    return null;
  }
}

/** `?theme=` and `?present` from the address win; otherwise the theme chosen on an earlier page. */
export function initialDisplay(search: string): { theme: ThemeChoice; presenting: boolean } {
  const asked = displayFromQuery(search);
  return { ...asked, theme: new URLSearchParams(search).has('theme') ? asked.theme : (rememberedTheme() ?? asked.theme) };
}

/** This page's address for a link to the frame, without the frame: the query keeps its other options and names the scenario. */
export function pageAddress(href: string, controller: SimulatorController): string {
  const url = new URL(href);
  const { simulation } = controller;
  if (simulation.scenario === null) url.searchParams.delete('scenario');
  else url.searchParams.set('scenario', simulation.scenario);
  url.hash = '';
  return url.href;
}

/** The address of this page for the frame on screen. */
export function frameAddress(href: string, controller: SimulatorController): string {
  return controller.linkOn(pageAddress(href, controller));
}
