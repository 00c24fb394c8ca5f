// Plain words for every choice the engine offers, so the actions panel, the keyboard path and
// the branches list can name them without knowing any protocol: message words come from the
// protocol's `describeMessage`, node names and client-op labels from the world.
import { choiceLabel as engineChoiceLabel, nodeName, type Choice, type MessageNamer, type World } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';

export function messageWords(protocol: Protocol, world: World, id: number): string {
  const message = world.messages.find((m) => m.id === id);
  return message === undefined ? `message #${id}` : protocolWords(protocol)(message, world);
}

const protocolWords =
  (protocol: Protocol): MessageNamer =>
  (message, world) =>
    `${protocol.describeMessage(message.body)} ${nodeName(world, message.from)} → ${nodeName(world, message.to)}`;

/** The engine's label in the protocol's words, as a button says it: a capital first, except where it starts with a node's name. */
export function choiceLabel(protocol: Protocol, world: World, choice: Choice): string {
  const words = engineChoiceLabel(world, choice, protocolWords(protocol));
  return choice.type === 'client' ? words : words.charAt(0).toUpperCase() + words.slice(1);
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
