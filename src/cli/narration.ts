// The narrated trace as text: one block per step, the choice's consequences in plain sentences.
import { traceToArray, type Choice, type TraceEvent, type World } from '../engine';
import type { Protocol } from '../protocols/kit/types';

export function narratedSteps(protocol: Protocol, world: World, captions: ReadonlyMap<number, string> = new Map()): string[] {
  const byStep = new Map<number, TraceEvent[]>();
  for (const event of traceToArray(world.trace)) byStep.set(event.step, [...(byStep.get(event.step) ?? []), event]);
  const lines: string[] = [];
  for (let step = 0; step <= world.step; step++) {
    const sentences = (byStep.get(step) ?? []).map((e) => protocol.narrate(world, e)).filter((s): s is string => s !== null);
    const caption = captions.get(step);
    if (sentences.length === 0 && caption === undefined) continue;
    const tick = byStep.get(step)?.[0]?.tick;
    lines.push(`${step === 0 ? 'start' : `step ${step}`}${tick === undefined ? '' : `, tick ${tick}`}`);
    lines.push(...sentences.map((s) => `  - ${s}`));
    if (caption !== undefined) lines.push(`  » ${caption}`);
  }
  return lines;
}

export function ruleSummary(world: World): string[] {
  if (world.violations.length === 0) return ['every invariant held'];
  return world.violations.map((v) => `VIOLATION of ${v.rule} at step ${v.step}: ${v.message}`);
}

export function choiceCount(choices: readonly Choice[]): string {
  return `${choices.length} step${choices.length === 1 ? '' : 's'}`;
}
