import { apply, ChoiceError, createWorld } from './perform';
import type { Choice } from './choice';
import { next } from './schedule';
import type { System } from './system';
import type { World } from './world';

export type Replay = { readonly ok: true; readonly world: World } | { readonly ok: false; readonly world: World; readonly step: number; readonly reason: string };

/** Replays a list of choices from the start; stops with a reason at the first impossible one. */
export function replay(system: System, seed: number, choices: readonly Choice[], from?: World): Replay {
  let world = from ?? createWorld(system, seed);
  for (let i = world.step; i < choices.length; i++) {
    try {
      world = apply(world, choices[i]!);
    } catch (error) {
      if (!(error instanceof ChoiceError)) throw error;
      return { ok: false, world, step: i + 1, reason: error.message };
    }
  }
  return { ok: true, world };
}

/** Runs the default scheduler until nothing is pending, the run halts, or `maxSteps` pass. */
export function runToQuiet(world: World, maxSteps = 10_000): { world: World; choices: Choice[] } {
  const choices: Choice[] = [];
  let current = world;
  for (let i = 0; i < maxSteps; i++) {
    const choice = next(current);
    if (choice === null) break;
    choices.push(choice);
    current = apply(current, choice);
  }
  return { world: current, choices };
}
