// Scenario traces as readable text, for snapshot tests: one line per narrated event with its step
// and tick, and each caption after the step it belongs to.
import { traceToArray, type World } from '../../../engine';
import type { Protocol } from '../types';

export function narrationText(protocol: Protocol, world: World, captions: readonly { step: number; text: string }[]): string {
  const lines: string[] = [];
  let step = -1;
  const captionsAt = (s: number) => captions.filter((c) => c.step === s).map((c) => `  >> ${c.text}`);
  for (const event of traceToArray(world.trace)) {
    if (event.step !== step) {
      if (step >= 0) lines.push(...captionsAt(step));
      step = event.step;
    }
    const line = protocol.narrate(world, event);
    if (line !== null) lines.push(`${String(event.step).padStart(3)} @${String(event.tick).padStart(4)}  ${line}`);
  }
  lines.push(...captionsAt(step));
  return lines.join('\n');
}
