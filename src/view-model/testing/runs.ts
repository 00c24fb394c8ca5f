// Small runs of the engine's ping system for the view-model's tests: each one a few choices
// that put a known mark on the timeline (a delivery, a drop, a copy, a crash, a partition).
import { apply, createWorld, next, traceToArray, type Choice, type TraceEvent, type World } from '../../engine';
import { pingSystem } from '../../engine/testing/ping';
import { narrate } from '../../protocols/kit/narrate';
import type { TextNames } from '../event-text';
import type { TimelineNames } from '../timeline-types';

const pingWorld = createWorld(pingSystem(), 1);

export const pingNames: TimelineNames & TextNames = {
  nodes: [
    { name: 'pinger', role: 'pinger' },
    { name: 'ponger', role: 'ponger' },
  ],
  describeMessage: (body) => (body.type === 'PING' ? 'ping' : body.type.toLowerCase()),
  narrate: (event) => narrate(pingWorld, event, { describeMessage: (body) => (body.type === 'PING' ? 'ping' : body.type.toLowerCase()), opPhrase: (op) => op }, true),
};

export interface Run {
  readonly worlds: readonly World[];
  readonly events: TraceEvent[];
  readonly world: World;
}

/** Applies choices one by one; a `'next'` lets the default scheduler choose. */
export function run(steps: readonly (Choice | 'next')[], seed = 7): Run {
  const worlds: World[] = [createWorld(pingSystem(), seed)];
  for (const s of steps) {
    const w = worlds[worlds.length - 1]!;
    const choice = s === 'next' ? next(w) : s;
    if (choice === null) throw new Error('nothing to do');
    worlds.push(apply(w, choice));
  }
  const world = worlds[worlds.length - 1]!;
  return { worlds, events: traceToArray(world.trace), world };
}

/** The id of the first message in flight. */
export function firstInFlight(world: World): number {
  const m = world.messages[0];
  if (m === undefined) throw new Error('no message in flight');
  return m.id;
}

/** Runs with choices computed from the world so far. */
export function runWith(plan: readonly ((w: World) => Choice | 'next')[], seed = 7): Run {
  let world = createWorld(pingSystem(), seed);
  const worlds = [world];
  for (const make of plan) {
    const made = make(world);
    const choice = made === 'next' ? next(world) : made;
    if (choice === null) throw new Error('nothing to do');
    world = apply(world, choice);
    worlds.push(world);
  }
  return { worlds, events: traceToArray(world.trace), world };
}

export const start: Choice = { type: 'client', node: 0, op: 'start' };
