// Whether a trace has client operations to draw as bars (operation-bars.ts). Kept apart from the
// bars themselves, so a timeline can tell without loading them: their drawing loads only for
// runs that have operations.
import type { TraceEvent } from '../engine';
import { asOperation } from '../protocols/kit/operations';

// Remembered per trace: the views ask again at every seek, and a long run's trace is long.
const known = new WeakMap<readonly TraceEvent[], boolean>();

export function hasOperations(events: readonly TraceEvent[]): boolean {
  let has = known.get(events);
  if (has === undefined) known.set(events, (has = events.some((e) => e.type === 'observe' && asOperation(e.value)?.operation === 'invoke')));
  return has;
}
