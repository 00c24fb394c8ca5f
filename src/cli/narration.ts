// The narrated trace as text: one block per step, the choice's consequences in plain sentences.
import { traceToArray, type Choice, type World } from '../engine';
import { narrateStep } from '../protocols/kit/narrate-steps';
import type { Protocol } from '../protocols/kit/types';

export function narratedSteps(protocol: Protocol, world: World, captions: ReadonlyMap<number, string> = new Map()): string[] {
  const events = traceToArray(world.trace);
  const lines: string[] = [];
  for (let step = 0; step <= world.step; step++) {
    const told = narrateStep(protocol, world, events, step);
    const caption = captions.get(step);
    if (told.lines.length === 0 && caption === undefined) continue;
    lines.push(`${step === 0 ? 'start' : `step ${step}`}${told.tick === null ? '' : `, tick ${told.tick}`}`);
    lines.push(...told.lines.map((s) => `  - ${s}`));
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
