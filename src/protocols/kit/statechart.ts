// A role's statechart read from the machine definition itself, so the picture the UI draws can
// never drift from the code that runs. States get dotted ids from the root ("decided.commit"),
// `after` transitions read "after voteTimeout" (named delay) or "after 40 ticks", eventless
// transitions read "always", and guards keep their names ("allVotedYes", "not impatient").
import type { AnyStateMachine } from 'xstate';
import type { StatechartDescription, StatechartState, StatechartTransition } from './types';
import { afterDelay, timerTitle } from './events';

interface NodeLike {
  readonly key: string;
  readonly path: readonly string[];
  readonly type: string;
  readonly states: { readonly [key: string]: NodeLike };
  readonly initial?: { readonly target: readonly NodeLike[] };
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly always?: readonly TransitionLike[];
}

interface TransitionLike {
  readonly eventType: string;
  readonly target?: readonly NodeLike[];
  readonly guard?: unknown;
}

/** A guard in words: its name, or "a and b" / "not a" for XState's higher-order guards. */
export function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const parts = (guard as { guards?: unknown[] }).guards;
    const name = (guard as { name?: string }).name ?? '';
    if (Array.isArray(parts)) {
      const words = parts.map((g) => guardName(g) ?? 'inline guard');
      if (name === 'not') return `not ${words[0]}`;
      return words.join(` ${name} `);
    }
    return name === '' ? 'inline guard' : name;
  }
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type;
  return 'inline guard';
}

/** An event's name in plain form. */
export function eventName(eventType: string): string {
  if (eventType === '') return 'always';
  if (eventType === '*') return 'any event';
  const delay = afterDelay(eventType);
  if (delay === null) return eventType;
  return /^\d+$/.test(delay) ? `after ${delay} ticks` : `after ${timerTitle(delay)}`;
}

const idOf = (node: NodeLike): string => node.path.join('.');

function transitionsOf(node: NodeLike): StatechartTransition[] {
  const all = [...node.transitions.values()].flat().concat(node.always ?? []);
  return all.map((t) => ({
    source: idOf(node),
    target: t.target === undefined || t.target.length === 0 ? null : t.target.map(idOf).join(', '),
    event: eventName(t.eventType),
    guard: guardName(t.guard),
  }));
}

export function describeStatechart(machine: AnyStateMachine): StatechartDescription {
  const states: StatechartState[] = [];
  const transitions: StatechartTransition[] = [];
  const visit = (node: NodeLike, parent: NodeLike | null): void => {
    if (parent !== null) {
      const initial = parent.initial?.target.some((t) => t === node) ?? false;
      states.push({
        id: idOf(node),
        label: node.key,
        parent: parent.path.length === 0 ? null : idOf(parent),
        initial,
        final: node.type === 'final',
      });
      transitions.push(...transitionsOf(node));
    }
    for (const child of Object.values(node.states)) visit(child, node);
  };
  visit(machine.root, null);
  transitions.unshift(...transitionsOf(machine.root));
  return { id: machine.id, states, transitions };
}
