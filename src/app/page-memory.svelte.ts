// What the site keeps for a person between pages and reloads: the theme they chose (in local
// storage, per browser), and the frame on screen (in the address bar, replaced, never pushed, so
// Back still leaves the page). Widgets never use this: they must not touch the host page.
import type { SimulatorController } from '../ui/state/controller.svelte';
import { Display } from '../ui/state/display.svelte';
import { frameAddress, initialDisplay, THEME_KEY } from './page-address';

/** The page's display, from its address or the theme chosen before; saved whenever the person changes the theme. */
export function pageDisplay(search: string): Display {
  const display = new Display(initialDisplay(search));
  $effect.root(() => {
    $effect(() => {
      const theme = display.theme;
      if (display.presenting) return;
      try {
        localStorage.setItem(THEME_KEY, theme);
      } catch {
        // Storage refused (private mode, a sandbox): the theme simply is not remembered.
      }
    });
  });
  return display;
}

/**
 * Keeps the address bar on the frame shown, a moment after the run stops moving (a long run's
 * link is not re-encoded on every step while it plays). A reload then reopens the same frame.
 */
export function followInAddressBar(controller: SimulatorController, quietMs = 350): void {
  $effect.root(() => {
    $effect(() => {
      const { simulation } = controller;
      // Read what the address depends on, so the effect runs again when any of it changes.
      const untouched = simulation.end === 0 && simulation.scenario === null && location.hash === '';
      void simulation.step;
      void simulation.spec;
      if (untouched) return;
      const timer = setTimeout(() => history.replaceState(history.state, '', frameAddress(location.href, controller)), quietMs);
      return () => clearTimeout(timer);
    });
  });
}
