// Random schedules for property tests, made from plain numbers so that fast-check (which the
// engine may not import outside tests) can generate and shrink them. Each number picks one
// choice among everything enabled, the default scheduler's choice, or a change of network knobs.
import { apply } from '../perform';
import type { Choice } from '../choice';
import { enabled, next } from '../schedule';
import { traceToArray } from '../trace';
import type { World } from '../world';

/** The choice a number picks in this world, or null when the run has nothing left to do. */
export function pickChoice(world: World, pick: number): Choice | null {
  const options = enabled(world);
  if (options.length === 0) return null;
  const slot = pick % (options.length + 3);
  if (slot < options.length) return options[slot]!;
  if (slot === options.length) return { type: 'network', options: { lossPercent: (pick >> 4) % 40, duplicationPercent: (pick >> 8) % 40 } };
  return next(world) ?? options[0]!;
}

/** Runs the schedule the numbers describe, from `world`. */
export function randomRun(world: World, picks: readonly number[]): { world: World; choices: Choice[] } {
  const choices: Choice[] = [];
  let current = world;
  for (const pick of picks) {
    const choice = pickChoice(current, pick);
    if (choice === null) break;
    current = apply(current, choice);
    choices.push(choice);
  }
  return { world: current, choices };
}

/** A world as plain data, system left out, trace as an array: for comparing worlds whole. */
export function worldData(world: World): object {
  const { system: _system, trace, ...rest } = world;
  return { ...rest, trace: traceToArray(trace) };
}
