// Whether a trace has client operations to draw as bars (operation-bars.ts). Kept apart from the
// bars themselves, so a timeline can tell without loading them: their drawing loads only for
// runs that have operations.
import type { TraceEvent } from '../engine';
import { asOperation } from '../protocols/kit/operations';

export function hasOperations(events: readonly TraceEvent[]): boolean {
  return events.some((e) => e.type === 'observe' && asOperation(e.value)?.operation === 'invoke');
}
