import type { Choice } from './choice';
import { nodeName, type World } from './world';

/**
 * A few words for a choice, as a person would say it ("drop PREPARE #4", "crash coordinator"),
 * read against the world the choice is made in. History uses it to name branches; the UI may
 * use it wherever a choice needs a short name. Protocol narration is richer and lives above.
 */
export function choiceLabel(world: World, choice: Choice): string {
  switch (choice.type) {
    case 'deliver':
      return `deliver ${messageName(world, choice.id)}`;
    case 'drop':
      return `${choice.cause === 'network' ? 'network loses' : 'drop'} ${messageName(world, choice.id)}`;
    case 'duplicate':
      return `${choice.cause === 'network' ? 'network duplicates' : 'duplicate'} ${messageName(world, choice.id)}`;
    case 'fire': {
      const timer = world.timers.find((t) => t.id === choice.id);
      return timer === undefined ? `fire timer #${choice.id}` : `fire ${timer.name} on ${nodeName(world, timer.node)}`;
    }
    case 'crash':
    case 'restart':
      return `${choice.type} ${nodeName(world, choice.node)}`;
    case 'partition':
      return `partition ${choice.groups.map((group) => `{${group.map((n) => nodeName(world, n)).join(', ')}}`).join(' | ')}`;
    case 'heal':
      return 'heal the network';
    case 'client':
      return `${nodeName(world, choice.node)}: ${choice.op}`;
    case 'network': {
      const parts: string[] = [];
      if (choice.options.lossPercent !== undefined) parts.push(`loss ${choice.options.lossPercent}%`);
      if (choice.options.duplicationPercent !== undefined) parts.push(`duplication ${choice.options.duplicationPercent}%`);
      return `network: ${parts.length === 0 ? 'unchanged' : parts.join(', ')}`;
    }
  }
}

function messageName(world: World, id: number): string {
  const message = world.messages.find((m) => m.id === id);
  return message === undefined ? `message #${id}` : `${message.body.type} #${id}`;
}
