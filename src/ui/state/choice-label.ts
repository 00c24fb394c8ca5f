// Plain words for every choice the engine offers, so the actions panel, the keyboard path and
// the branches list can name them without knowing any protocol: message words come from the
// protocol's `describeMessage`, node names and client-op labels from the world.
import { nodeName, type Choice, type World } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';

export function messageWords(protocol: Protocol, world: World, id: number): string {
  const message = world.messages.find((m) => m.id === id);
  if (message === undefined) return `message #${id}`;
  return `${protocol.describeMessage(message.body)} ${nodeName(world, message.from)} → ${nodeName(world, message.to)}`;
}

export function choiceLabel(protocol: Protocol, world: World, choice: Choice): string {
  switch (choice.type) {
    case 'deliver':
      return `Deliver ${messageWords(protocol, world, choice.id)}`;
    case 'drop':
      return `Drop ${messageWords(protocol, world, choice.id)}`;
    case 'duplicate':
      return `Duplicate ${messageWords(protocol, world, choice.id)}`;
    case 'fire': {
      const timer = world.timers.find((t) => t.id === choice.id);
      return timer === undefined ? `Fire timer #${choice.id}` : `Fire ${nodeName(world, timer.node)}'s ${timer.name} timer now`;
    }
    case 'crash':
      return `Crash ${nodeName(world, choice.node)}`;
    case 'restart':
      return `Restart ${nodeName(world, choice.node)}`;
    case 'partition':
      return `Cut the network: ${choice.groups.map((g) => g.map((n) => nodeName(world, n)).join(', ')).join(' | ')} | the rest`;
    case 'heal':
      return 'Heal the network';
    case 'client': {
      const op = world.system.clientOps(world, choice.node).find((o) => o.op === choice.op);
      return `${nodeName(world, choice.node)}: ${op?.label ?? choice.op}`;
    }
    case 'network': {
      const parts = Object.entries(choice.options).map(([key, value]) => `${key === 'lossPercent' ? 'loss' : 'duplication'} ${value}%`);
      return `Set the network's random ${parts.join(', ')}`;
    }
  }
}

/** The kinds of choice the actions panel groups, in the order it shows them. */
export type ChoiceGroup = 'client' | 'deliver' | 'fire' | 'fault';

export function choiceGroup(choice: Choice): ChoiceGroup {
  if (choice.type === 'client') return 'client';
  if (choice.type === 'deliver') return 'deliver';
  if (choice.type === 'fire') return 'fire';
  return 'fault';
}

/** A stable key for a choice, for keyed lists. */
export function choiceKey(choice: Choice): string {
  return JSON.stringify(choice);
}
