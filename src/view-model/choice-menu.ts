// Every action surface (a node's menu, a message's menu, the actions panel, the keyboard) lists
// the same thing: the engine's `enabled(world)`, filtered to what the person points at and named
// by the protocol's `describeChoice`. No surface builds choices of its own, so a new fault kind
// appears everywhere at once, with one label.
import { enabled, type Choice, type NodeId, type World } from '../engine';
import type { Protocol } from '../protocols/kit/types';

/** What the person points at: a node, a message in flight, or everything that can happen. */
export type ActionTarget = { readonly kind: 'node'; readonly node: NodeId } | { readonly kind: 'message'; readonly id: number } | { readonly kind: 'everything' };

export type ActionGroup = 'client' | 'message' | 'timer' | 'fault';

export interface ActionItem {
  /** Stable across steps for the same choice: for keyed lists. */
  readonly key: string;
  readonly choice: Choice;
  /** The whole label, as a button's accessible name: "Drop VOTE yes P2 → coordinator". */
  readonly label: string;
  /** The label's first word ("Drop"), for a compact button whose full label is its name. */
  readonly verb: string;
  readonly group: ActionGroup;
  readonly tone: 'ok' | 'bad' | 'plain';
}

function about(world: World, choice: Choice, target: ActionTarget): boolean {
  if (target.kind === 'everything') return true;
  if (target.kind === 'message') return (choice.type === 'deliver' || choice.type === 'drop' || choice.type === 'duplicate') && choice.id === target.id;
  switch (choice.type) {
    case 'client':
    case 'crash':
    case 'restart':
      return choice.node === target.node;
    case 'fire':
      return world.timers.some((t) => t.id === choice.id && t.node === target.node);
    case 'partition':
      return choice.groups.some((g) => g.includes(target.node));
    case 'heal':
      return true;
    default:
      return false;
  }
}

function groupOf(choice: Choice): ActionGroup {
  if (choice.type === 'client') return 'client';
  if (choice.type === 'deliver' || choice.type === 'drop' || choice.type === 'duplicate') return 'message';
  if (choice.type === 'fire') return 'timer';
  return 'fault';
}

function toneOf(choice: Choice): ActionItem['tone'] {
  if (choice.type === 'drop' || choice.type === 'crash' || choice.type === 'partition') return 'bad';
  if (choice.type === 'deliver' || choice.type === 'restart' || choice.type === 'heal') return 'ok';
  return 'plain';
}

/** A label as a button says it: a capital first, except where it starts with a node's name. */
export function buttonLabel(protocol: Protocol, world: World, choice: Choice): string {
  const words = protocol.describeChoice(world, choice);
  return choice.type === 'client' ? words : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An action whose words are made when first read. A world with 2,000 messages in flight offers
 * 6,000 choices, and naming them all on every step cost a tenth of a second; a surface shows
 * a handful of them.
 */
class Action implements ActionItem {
  readonly group: ActionGroup;
  readonly tone: ActionItem['tone'];
  #key: string | null = null;
  #label: string | null = null;

  constructor(
    private readonly protocol: Protocol,
    private readonly world: World,
    readonly choice: Choice,
  ) {
    this.group = groupOf(choice);
    this.tone = toneOf(choice);
  }

  get key(): string {
    return (this.#key ??= JSON.stringify(this.choice));
  }

  get label(): string {
    return (this.#label ??= buttonLabel(this.protocol, this.world, this.choice));
  }

  get verb(): string {
    const label = this.label;
    const space = label.indexOf(' ');
    return this.choice.type === 'client' || space < 0 ? label : label.slice(0, space);
  }
}

/** The actions about `target`, in the engine's order (deliveries, timers, client operations, faults). */
export function actionsFor(protocol: Protocol, world: World, target: ActionTarget, choices: readonly Choice[] = enabled(world)): ActionItem[] {
  return choices.filter((choice) => about(world, choice, target)).map((choice) => new Action(protocol, world, choice));
}
