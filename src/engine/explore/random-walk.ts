// Random walks with shrinking: a fast first pass before the breadth-first search. A bug that
// needs twenty steps in one particular order lies far beyond the depth a breadth-first search can
// reach on a five-node protocol (every interleaving of twenty steps is a state), yet a few
// thousand random runs of forty steps meet it often: most orders of the other steps do not
// matter. A walk proves nothing when it finds nothing; the breadth-first search that follows
// still says what holds within its bounds. A walk that breaks a rule is then shrunk (shrink.ts)
// to a run a person can follow.
//
// Deterministic: the walks are drawn from a seed by a counter-based hash, never from a clock.
import type { Choice } from '../choice';
import { faultKind, type FaultBudget } from '../fault-kinds';
import { SearchStepLimit } from '../draft';
import { searchStep } from '../perform';
import { mix32 } from '../random';
import type { Rule } from '../system';
import type { NodeId } from '../types';
import type { World } from '../world';
import { allowed, firstBroken, portableOf, shrink, type Portable } from './shrink';
import type { Timing } from './timed';

export interface WalkOptions {
  /** How many walks to take. */
  readonly walks: number;
  /** The most steps one walk takes. */
  readonly steps: number;
  /** The faults any one walk may contain. */
  readonly budget: FaultBudget;
  /** The rules to break: the first a walk breaks ends it. */
  readonly rules: readonly Rule[];
  /** The nodes a walk may crash; every node when omitted. */
  readonly crashable?: readonly NodeId[];
  /** Which walks: the same seed gives the same walks. */
  readonly seed: number;
  /** Follow the clock (timed.ts): every walk then takes only what the clock allows. */
  readonly timed?: Timing;
}

export type WalkResult =
  | {
      readonly kind: 'violation';
      readonly rule: string;
      readonly message: string;
      /** The shrunk run, from the world the walks started at. */
      readonly choices: readonly Choice[];
      /** Which walk broke the rule (1 for the first) and how long it was before shrinking. */
      readonly walk: number;
      readonly walkedSteps: number;
    }
  | { readonly kind: 'none'; readonly walks: number; readonly steps: number };

/** How often a walk takes a fault when one is allowed: walks differ, so some crash early and some late. */
const faultChances = [0.02, 0.05, 0.1, 0.2];

/** A small seeded generator: a counter hashed with the seed. */
function generator(seed: number, walk: number): () => number {
  let counter = 0;
  const base = mix32(seed ^ Math.imul(walk + 1, 0x9e3779b1));
  return () => mix32(base + Math.imul(++counter, 0x85ebca6b)) / 4294967296;
}

/** What a choice acts on, the same across a walk: a link, a node's timer, a node's operation. */
function channelOf(world: World, choice: Choice): string {
  switch (choice.type) {
    case 'deliver': {
      const m = world.messages.find((e) => e.id === choice.id)!;
      return `m${m.from}>${m.to}:${m.body.type}`;
    }
    case 'fire': {
      const t = world.timers.find((e) => e.id === choice.id)!;
      return `t${t.node}:${t.name}`;
    }
    case 'client':
      return `c${choice.node}:${choice.op}`;
    default:
      return choice.type;
  }
}

function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * How likely a walk is to take each channel's next step. Uniform choices interleave fairly, and
 * the bugs worth finding need the opposite: a message held back while a dozen others pass (an
 * ACCEPT still on its way when a higher ballot is promised). So every other walk gives each link,
 * timer and operation its own speed, from 1 down to about 1/400, drawn from the walk's seed.
 */
function speeds(seed: number, walk: number): (channel: string) => number {
  if (walk % 2 === 0) return () => 1;
  const base = mix32(seed ^ Math.imul(walk + 7, 0x85ebca6b));
  const known = new Map<string, number>();
  return (channel) => {
    let speed = known.get(channel);
    if (speed === undefined) known.set(channel, (speed = Math.exp(-6 * (mix32(base ^ textHash(channel)) / 4294967296))));
    return speed;
  };
}

/** The share of messages a walk never delivers: as good as lost, without spending the loss budget. */
const holdChances = [0, 0.1, 0.2, 0.35];

/**
 * Whether the walk holds this message back for good. A message never delivered is one the run
 * has not got to yet, which every run may do; many breaches need one held while others pass.
 */
function holding(seed: number, walk: number): (id: number) => boolean {
  const chance = holdChances[Math.floor(walk / 2) % holdChances.length]!;
  const base = mix32(seed ^ Math.imul(walk + 13, 0xc2b2ae35));
  return (id) => chance > 0 && mix32(base ^ Math.imul(id + 1, 0x27d4eb2f)) / 4294967296 < chance;
}

/** How often a timed walk hands a node a client operation (or restarts one) rather than letting the clock run. */
const clientChance = 0.15;

/** How likely a walk is to restart a crashed node at each step. */
const restartChance = 0.5;

interface Walker {
  /** Whether the walk follows the clock (due times, as a real run would) rather than any order. */
  readonly timed: boolean;
  readonly random: () => number;
  readonly faultChance: number;
  readonly speed: (channel: string) => number;
  readonly held: (id: number) => boolean;
}

/** The message or timer that falls due first, leaving out held messages: what the clock would do next. */
function dueNext(world: World, calm: readonly Choice[], walker: Walker): Choice | null {
  let best: Choice | null = null;
  let bestTick = Infinity;
  for (const m of world.messages)
    if (m.deliverTick < bestTick && !walker.held(m.id) && calm.some((c) => c.type === 'deliver' && c.id === m.id)) {
      best = { type: 'deliver', id: m.id };
      bestTick = m.deliverTick;
    }
  for (const t of world.timers)
    if (t.dueTick < bestTick) {
      best = { type: 'fire', id: t.id };
      bestTick = t.dueTick;
    }
  return best;
}

function pick(world: World, left: FaultBudget, options: WalkOptions, walker: Walker): Choice | null {
  const choices = allowed(world, left, options);
  const faults = choices.filter((c) => faultKind(c) !== null);
  const calm = choices.filter((c) => faultKind(c) === null && (c.type !== 'deliver' || !walker.held(c.id)));
  if (faults.length > 0 && (calm.length === 0 || walker.random() < walker.faultChance)) return faults[Math.floor(walker.random() * faults.length)]!;
  if (calm.length === 0) return null;
  // A crashed node comes back soon in most walks: what it remembers is what recovery bugs break.
  const restart = calm.find((c) => c.type === 'restart');
  if (restart !== undefined && walker.random() < restartChance) return restart;
  if (walker.timed) {
    // The clock's order, with client operations (and restarts) slipped in at random moments.
    const others = calm.filter((c) => c.type !== 'deliver' && c.type !== 'fire');
    const due = others.length > 0 && walker.random() < clientChance ? null : dueNext(world, calm, walker);
    if (due !== null) return due;
    if (others.length > 0) return others[Math.floor(walker.random() * others.length)]!;
  }
  const weights = calm.map((c) => walker.speed(channelOf(world, c)));
  let roll = walker.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < calm.length; i++) if ((roll -= weights[i]!) < 0) return calm[i]!;
  return calm[calm.length - 1]!;
}

/** One walk from `start`: the steps it took (as portable choices) and the rule it broke, if any. */
function walkOnce(start: World, options: WalkOptions, walk: number): { path: Portable[]; broken: ReturnType<typeof firstBroken> } {
  const walker = { timed: walk % 3 === 2, random: generator(options.seed, walk), faultChance: faultChances[walk % faultChances.length]!, speed: speeds(options.seed, walk), held: holding(options.seed, walk) };
  let world = start;
  let left = options.budget;
  const path: Portable[] = [];
  for (let i = 0; i < options.steps; i++) {
    const choice = pick(world, left, options, walker);
    if (choice === null) break;
    const portable = portableOf(world, choice);
    try {
      world = searchStep(world, choice);
    } catch (error) {
      // A run so long that its trace might reach the cap: end this walk there.
      if (error instanceof SearchStepLimit) break;
      throw error;
    }
    path.push(portable);
    const kind = faultKind(choice);
    if (kind !== null) left = { ...left, [kind]: left[kind] - 1 };
    const broken = firstBroken(options.rules, world);
    if (broken !== null) return { path, broken };
  }
  return { path, broken: null };
}

/**
 * Takes `options.walks` seeded random walks from `start`, and returns the first that breaks one
 * of the rules, shrunk to a short run that still breaks it; or how many walks and steps found nothing.
 */
export function randomWalks(start: World, options: WalkOptions): WalkResult {
  let steps = 0;
  for (let walk = 0; walk < options.walks; walk++) {
    const { path, broken } = walkOnce(start, options, walk);
    steps += path.length;
    if (broken === null) continue;
    const shrunk = shrink(start, path, broken.rule, options);
    return { kind: 'violation', ...shrunk, walk: walk + 1, walkedSteps: path.length };
  }
  return { kind: 'none', walks: options.walks, steps };
}
