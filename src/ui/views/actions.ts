// Menu items for faults done where the thing is: on a message in flight, and on a node. The
// items are the view-model's `actionsFor` (the engine's choices about that thing); the only item
// added here is the view's own "Inspect".
import type { Choice, NodeId, World } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';
import { actionsFor, type ActionItem, type ActionTarget } from '../../view-model';
import type { MenuItem } from './menu-item';

const groupTitle = { client: 'Client', message: 'Message', timer: 'Timers', fault: 'Faults' } as const;

/** The target's actions as menu items, with a small heading where the group changes. */
export function menuItems(protocol: Protocol, world: World, target: ActionTarget, onchoose: (c: Choice) => void, heading?: string): MenuItem[] {
  const items = actionsFor(protocol, world, target);
  return items.map((item: ActionItem, i) => ({
    key: item.key,
    label: item.label,
    tone: item.tone,
    group: i === 0 && heading !== undefined ? heading : target.kind === 'node' && items[i - 1]?.group !== item.group ? groupTitle[item.group] : undefined,
    run: () => onchoose(item.choice),
  }));
}

export function nodeMenu(protocol: Protocol, world: World, node: NodeId, name: string, onchoose: (c: Choice) => void, onselect: (n: NodeId) => void): MenuItem[] {
  return [...menuItems(protocol, world, { kind: 'node', node }, onchoose), { key: 'select', label: `Inspect ${name}`, group: 'View', run: () => onselect(node) }];
}
