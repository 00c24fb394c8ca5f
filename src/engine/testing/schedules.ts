// Random schedules for property tests, made from plain numbers so that fast-check (which the
// engine may not import outside tests) can generate and shrink them. Each number picks one
// choice among everything enabled, the default scheduler's choice, or a change of network knobs.
import { apply, createWorld } from '../perform';
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
  const { system: _system, trace, observations, ...rest } = world;
  return { ...rest, observations: observations.toArray(), trace: traceToArray(trace) };
}

/**
 * The protocols' chaos schedule: an even number lets the default scheduler move, an odd one takes
 * any enabled choice (a crash, a drop, a partition, a client operation...).
 */
export function chaosRun(world: World, picks: readonly number[]): { world: World; choices: Choice[] } {
  const choices: Choice[] = [];
  let current = world;
  for (const pick of picks) {
    const options = enabled(current);
    const choice = (pick % 2 === 0 ? next(current) : null) ?? options[Math.floor(pick / 2) % Math.max(1, options.length)];
    if (choice === undefined) break;
    current = apply(current, choice);
    choices.push(choice);
  }
  return { world: current, choices };
}

/**
 * Brings every node back, heals the network, stops random faults and lets the run go on for at
 * most `maxSteps`; the choices taken are appended to `choices`.
 */
export function settle(start: World, choices: Choice[], maxSteps: number): World {
  let world = start;
  const take = (choice: Choice) => {
    choices.push(choice);
    world = apply(world, choice);
  };
  world.nodes.forEach((record, node) => {
    if (!record.up) take({ type: 'restart', node });
  });
  if (world.partition !== null) take({ type: 'heal' });
  take({ type: 'network', options: { lossPercent: 0, duplicationPercent: 0 } });
  for (let i = 0; i < maxSteps; i++) {
    const choice = next(world);
    if (choice === null) break;
    take(choice);
  }
  return world;
}

/**
 * Runs `make` twice and replays its choices from the start: all three must give the same trace.
 * Returns a reason when they do not, for a test to show.
 */
export function determinismProblem(make: () => { world: World; choices: readonly Choice[] }, seed: number): string | null {
  const first = make();
  const second = make();
  if (JSON.stringify(second.choices) !== JSON.stringify(first.choices)) return 'the same schedule made different choices';
  const trace = JSON.stringify(traceToArray(first.world.trace));
  if (JSON.stringify(traceToArray(second.world.trace)) !== trace) return 'the same choices gave a different trace';
  let replayed = createWorld(first.world.system, seed);
  for (const choice of first.choices) replayed = apply(replayed, choice);
  if (JSON.stringify(traceToArray(replayed.trace)) !== trace) return 'replaying the choices gave a different trace';
  return null;
}
