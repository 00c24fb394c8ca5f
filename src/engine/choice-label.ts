import type { Choice } from './choice';
import type { Envelope } from './types';
import { nodeName, type World } from './world';

/** How a message is named in a label. */
export type MessageNamer = (message: Envelope, world: World) => string;

/**
 * The protocol's words for the things a choice names. The kit puts one on every system it
 * builds, so branch labels, buttons and the CLI all say the same thing; a bare engine system
 * falls back to message types and raw timer names.
 */
export interface ChoiceWords {
  readonly message: MessageNamer;
  /** A timer's name for people ("vote timeout"). */
  readonly timer: (name: string) => string;
}

const plainWords: ChoiceWords = {
  message: (message) => `${message.body.type} #${message.id}`,
  timer: (name) => name,
};

/**
 * A few words for a choice, as a person would say it ("drop PREPARE #4", "crash coordinator"),
 * read against the world the choice is made in. History uses it to name branches and the UI to
 * label its buttons, in the protocol's words when the system carries them.
 */
export function choiceLabel(world: World, choice: Choice, words: ChoiceWords = world.system.words ?? plainWords): string {
  const message = (id: number) => {
    const found = world.messages.find((m) => m.id === id);
    return found === undefined ? `message #${id}` : words.message(found, world);
  };
  switch (choice.type) {
    case 'deliver':
      return `deliver ${message(choice.id)}`;
    case 'drop':
      return `${choice.cause === 'network' ? 'network loses' : 'drop'} ${message(choice.id)}`;
    case 'duplicate':
      return `${choice.cause === 'network' ? 'network duplicates' : 'duplicate'} ${message(choice.id)}`;
    case 'fire': {
      const timer = world.timers.find((t) => t.id === choice.id);
      return timer === undefined ? `fire timer #${choice.id}` : `fire ${nodeName(world, timer.node)}'s ${words.timer(timer.name)} timer now`;
    }
    case 'crash':
    case 'restart':
      return `${choice.type} ${nodeName(world, choice.node)}`;
    case 'partition': {
      const named = choice.groups.map((g) => g.map((n) => nodeName(world, n)).join(', '));
      const covered = choice.groups.reduce((count, g) => count + g.length, 0) === world.nodes.length;
      return `cut the network: ${named.join(' | ')}${covered ? '' : ' | the rest'}`;
    }
    case 'heal':
      return 'heal the network';
    case 'client': {
      const op = world.system.clientOps(world, choice.node).find((o) => o.op === choice.op);
      return `${nodeName(world, choice.node)}: ${op?.label ?? choice.op}`;
    }
    case 'network': {
      const parts = Object.entries(choice.options).map(([key, value]) => `${key === 'lossPercent' ? 'loss' : 'duplication'} ${value}%`);
      return `set the network's random ${parts.length === 0 ? 'faults (unchanged)' : parts.join(', ')}`;
    }
  }
}
