// Presentation across two windows: the room's screen (`?present`) and the speaker's (`?presenter`)
// show the same frame. Each window runs its own copy of the run; whenever one moves (a step, a
// new run, the screen blanked) it tells the other over a BroadcastChannel, and the other follows.
// A window that opens asks for the frame on screen. Messages are only ever of this shape.
import { decodeFrame, encodeFrame } from '../engine';
import type { SimulatorController } from '../ui/state/controller.svelte';

export interface PresenterMessage {
  readonly kind: 'frame' | 'hello';
  readonly frame?: string;
  readonly scenario?: string | null;
  readonly blanked?: boolean;
}

export function channelName(protocol: string): string {
  return `fault-lines:presenter:${protocol}`;
}

function isMessage(data: unknown): data is PresenterMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { readonly [key: string]: unknown };
  return (m['kind'] === 'hello' || m['kind'] === 'frame') && (m['frame'] === undefined || typeof m['frame'] === 'string');
}

/** The frame a controller shows, as the text a message carries. */
function frameOf(controller: SimulatorController): string {
  return encodeFrame({ ...controller.simulation.spec, step: controller.simulation.step });
}

/** Follows a frame told by the other window; returns whether anything changed. */
export function follow(controller: SimulatorController, message: PresenterMessage): boolean {
  const { simulation, player, display } = controller;
  let changed = false;
  if (message.blanked !== undefined && message.blanked !== display.blanked) {
    display.blanked = message.blanked;
    changed = true;
  }
  if (message.frame === undefined || message.frame === frameOf(controller)) return changed;
  const decoded = decodeFrame(message.frame);
  if (!decoded.ok) return changed;
  const { step, ...run } = decoded.frame;
  const sameRun = encodeFrame({ ...run, step: 0 }) === encodeFrame({ ...simulation.spec, step: 0 });
  if (sameRun) simulation.seek(step);
  else {
    player.pause();
    simulation.loadRun(run, step);
    if (message.scenario) simulation.adoptScenario(message.scenario);
  }
  return true;
}

/** Keeps this window in step with the other presentation window; returns the stop. */
export function connectPresenter(controller: SimulatorController): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(channelName(controller.simulation.protocol.id));
  const tell = () =>
    channel.postMessage({ kind: 'frame', frame: frameOf(controller), scenario: controller.simulation.scenario, blanked: controller.display.blanked } satisfies PresenterMessage);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isMessage(event.data)) return;
    if (event.data.kind === 'hello') tell();
    else follow(controller, event.data);
  };
  const stop = $effect.root(() => {
    $effect(() => {
      void controller.simulation.step;
      void controller.simulation.spec;
      void controller.display.blanked;
      tell();
    });
  });
  channel.postMessage({ kind: 'hello' } satisfies PresenterMessage);
  return () => {
    stop();
    channel.close();
  };
}
