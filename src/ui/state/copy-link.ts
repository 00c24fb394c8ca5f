import type { SimulatorController } from './controller.svelte';

/** Copies the frame link; resolves false when the browser refuses (the link stays on screen). */
export async function copyFrameLink(controller: SimulatorController): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(controller.shareLink());
    return true;
  } catch {
    return false;
  }
}
