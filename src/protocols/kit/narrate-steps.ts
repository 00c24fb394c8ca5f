// The story of a run, step by step: the one narration every surface tells (the event log, the
// live region, the home page's miniature, the CLI). Each step's sentences come from the
// protocol's `narrate`, in trace order.
import type { TraceEvent, World } from '../../engine';

/** What narrating needs of a protocol. */
export interface Narrator {
  narrate(world: World, event: TraceEvent): string | null;
}

export interface NarratedStep {
  readonly step: number;
  /** The tick of the step's first event (null for a step that recorded nothing). */
  readonly tick: number | null;
  readonly lines: readonly string[];
}

/** A narrated line as a sentence: capital first letter, closing full stop. */
export function sentence(line: string): string {
  const text = line.trim();
  if (text === '') return text;
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?:]$/.test(capital) ? capital : `${capital}.`;
}

/** The index of the first event at `step` or later; events are in step order. */
export function firstEventAt(events: readonly TraceEvent[], step: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.step < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentences of one step (`events` in step order; `world` names the nodes). */
export function narrateStep(protocol: Narrator, world: World, events: readonly TraceEvent[], step: number): NarratedStep {
  const lines: string[] = [];
  const first = firstEventAt(events, step);
  for (let i = first; i < events.length && events[i]!.step === step; i++) {
    const line = protocol.narrate(world, events[i]!);
    if (line !== null) lines.push(sentence(line));
  }
  const at = events[first];
  return { step, tick: at !== undefined && at.step === step ? at.tick : null, lines };
}

/** Every step from `from` to `to` (inclusive) that has something to tell. */
export function narrateSteps(protocol: Narrator, world: World, events: readonly TraceEvent[], from = 0, to = world.step): NarratedStep[] {
  const steps: NarratedStep[] = [];
  for (let step = from; step <= to; step++) {
    const told = narrateStep(protocol, world, events, step);
    if (told.lines.length > 0) steps.push(told);
  }
  return steps;
}
