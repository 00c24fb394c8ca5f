// Shrinking a run that breaks a rule: delete chunks of its steps, then single steps, for as long
// as what is left still replays to a breach of the same rule. A step is kept in a form that
// survives the deletion of earlier steps: message and timer ids are numbered as things are sent
// and set, so "deliver message 17" would name another message, or none, once a step before it is
// gone; "deliver P1's ACCEPT (1,P1) A to A2" still means the same thing, or failing that "deliver
// P1's ACCEPT to A2".
import { sameChoice, type Choice } from '../choice';
import { faultKind, type FaultBudget } from '../fault-kinds';
import { ChoiceError, searchStep } from '../perform';
import { enabled } from '../schedule';
import type { Rule } from '../system';
import type { NodeId } from '../types';
import type { World } from '../world';
import type { ModelViolation } from './model';
import { onTime, type Timing } from './timed';

/** A choice by what it touches, not by id: the first message or timer that matches is meant. */
export type Portable =
  | {
      readonly kind: 'message';
      readonly type: 'deliver' | 'drop' | 'duplicate';
      readonly from: NodeId;
      readonly to: NodeId;
      readonly messageType: string;
      readonly body: string;
    }
  | { readonly kind: 'timer'; readonly node: NodeId; readonly name: string }
  | { readonly kind: 'other'; readonly choice: Choice };

/** The first of `rules` that `world` breaks, in their order. */
export function firstBroken(rules: readonly Rule[], world: World): ModelViolation | null {
  for (let i = 0; i < rules.length; i++) {
    const breach = rules[i]!.check(world);
    if (breach !== null) return { rule: rules[i]!.id, message: breach.message };
  }
  return null;
}

export function portableOf(world: World, choice: Choice): Portable {
  if (choice.type === 'deliver' || choice.type === 'drop' || choice.type === 'duplicate') {
    const m = world.messages.find((e) => e.id === choice.id)!;
    return { kind: 'message', type: choice.type, from: m.from, to: m.to, messageType: m.body.type, body: JSON.stringify(m.body) };
  }
  if (choice.type === 'fire') {
    const t = world.timers.find((e) => e.id === choice.id)!;
    return { kind: 'timer', node: t.node, name: t.name };
  }
  return { kind: 'other', choice };
}

/** The choice a portable step names in `world`, or null when nothing there matches. */
function resolve(world: World, step: Portable): Choice | null {
  if (step.kind === 'other') return step.choice;
  if (step.kind === 'timer') {
    const t = world.timers.find((e) => e.node === step.node && e.name === step.name);
    return t === undefined ? null : { type: 'fire', id: t.id };
  }
  // The very message if it is there; else the first of its kind on that link: with a step gone
  // before it, its payload may differ (the second request is now the first).
  const link = world.messages.filter((e) => e.from === step.from && e.to === step.to && e.body.type === step.messageType);
  const m = link.find((e) => JSON.stringify(e.body) === step.body) ?? link[0];
  return m === undefined ? null : { type: step.type, id: m.id };
}

interface Limits {
  readonly budget: FaultBudget;
  readonly rules: readonly Rule[];
  readonly crashable?: readonly NodeId[];
  readonly timed?: Timing;
}

/** The choices a run may take in `world` with `left` of the budget: walks take them, shrinking keeps to them. */
export function allowed(world: World, left: FaultBudget, limits: Pick<Limits, 'crashable' | 'timed'>): Choice[] {
  const all = enabled(world, (kind) => left[kind] > 0);
  const timed = limits.timed === undefined ? all : onTime(world, all, limits.timed);
  const crashable = limits.crashable;
  return crashable === undefined ? timed : timed.filter((c) => c.type !== 'crash' || crashable.includes(c.node));
}

/** Replays the steps from `start`; the run up to its first breach of `rule`, or null if it has none or cannot be played. */
function breaks(start: World, steps: readonly Portable[], rule: string, limits: Limits): { steps: Portable[]; choices: Choice[]; message: string } | null {
  let world = start;
  let left = limits.budget;
  const kept: Portable[] = [];
  const choices: Choice[] = [];
  for (const step of steps) {
    const choice = resolve(world, step);
    if (choice === null) return null;
    // Only what the search could choose there: within the budget, on time, an operation the node offers...
    if (!allowed(world, left, limits).some((c) => sameChoice(c, choice))) return null;
    const kind = faultKind(choice);
    try {
      world = searchStep(world, choice);
    } catch (error) {
      if (error instanceof ChoiceError) return null;
      throw error;
    }
    if (kind !== null) left = { ...left, [kind]: left[kind] - 1 };
    kept.push(step);
    choices.push(choice);
    const broken = firstBroken(limits.rules, world);
    if (broken !== null) return broken.rule === rule ? { steps: kept, choices, message: broken.message } : null;
  }
  return null;
}

/**
 * The shortest run this finds that still breaks `rule`: chunks of halving size are deleted while
 * the rest still breaks it, down to single steps. Not always the shortest run there is, but every
 * step left is needed for this one.
 */
export function shrink(start: World, path: readonly Portable[], rule: string, limits: Limits): { rule: string; message: string; choices: Choice[] } {
  let best = breaks(start, path, rule, limits);
  if (best === null) throw new Error('the walk does not replay to the breach it found: the model is not deterministic');
  for (let chunk = Math.max(1, Math.floor(best.steps.length / 2)); chunk >= 1; ) {
    let deleted = false;
    for (let i = 0; i + chunk <= best.steps.length; ) {
      const candidate = breaks(start, [...best.steps.slice(0, i), ...best.steps.slice(i + chunk)], rule, limits);
      if (candidate === null) i += chunk;
      else {
        best = candidate;
        deleted = true;
      }
    }
    if (!deleted) chunk = Math.floor(chunk / 2);
  }
  return { rule, message: best.message, choices: best.choices };
}
