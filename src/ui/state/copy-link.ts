import { shareUrl } from './share';
import type { Simulation } from './simulation.svelte';

/** The link to the simulation's current frame on this page. */
export function frameLink(simulation: Simulation): string {
  return shareUrl(location.href, simulation.spec, simulation.step);
}

/** Copies the frame link; resolves false when the browser refuses (the link stays on screen). */
export async function copyFrameLink(simulation: Simulation): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(frameLink(simulation));
    return true;
  } catch {
    return false;
  }
}
