// The menu items for faults done where the thing is: on a message in flight, and on a node.
// Each item is one engine choice handed to `onchoose`; the app applies it at the cursor.
import type { Choice, Envelope, NodeId, World } from '../../engine';
import { timerTitle } from '../../protocols/kit/events';
import type { Protocol } from '../../protocols/kit/types';
import type { MenuItem } from './menu-item';

/** Deliver, drop or duplicate one message; each label names the message and its receiver, so it reads alone. */
export function messageItems(protocol: Protocol, world: World, envelope: Envelope, onchoose: (c: Choice) => void, group?: string): MenuItem[] {
  const to = world.system.nodes[envelope.to]?.name ?? `node ${envelope.to}`;
  const what = `${protocol.describeMessage(envelope.body)} to ${to}${envelope.copyOf !== undefined ? ' (copy)' : ''}`;
  const id = envelope.id;
  const items: MenuItem[] = [
    { key: `deliver-${id}`, label: `Deliver ${what} now`, tone: 'ok', run: () => onchoose({ type: 'deliver', id }) },
    { key: `drop-${id}`, label: `Drop ${what}`, tone: 'bad', run: () => onchoose({ type: 'drop', id }) },
    { key: `duplicate-${id}`, label: `Duplicate ${what}`, run: () => onchoose({ type: 'duplicate', id }) },
  ];
  if (group !== undefined) items[0] = { ...items[0]!, group };
  return world.halted === null ? items : [];
}

export function nodeItems(
  world: World,
  node: NodeId,
  name: string,
  onchoose: (c: Choice) => void,
  onselect: (n: NodeId) => void,
): MenuItem[] {
  const items: MenuItem[] = [];
  const record = world.nodes[node];
  const running = world.halted === null && record !== undefined;
  if (running && record.up) {
    for (const op of world.system.clientOps(world, node))
      items.push({ key: `op-${op.op}`, label: op.label, group: items.length === 0 ? 'Client' : undefined, run: () => onchoose({ type: 'client', node, op: op.op }) });
    const timers = world.timers.filter((t) => t.node === node);
    timers.forEach((t, i) =>
      items.push({
        key: `fire-${t.id}`,
        label: `Fire timer ${timerTitle(t.name)} now (due at tick ${t.dueTick})`,
        group: i === 0 ? 'Timers' : undefined,
        run: () => onchoose({ type: 'fire', id: t.id }),
      }),
    );
    items.push({ key: 'crash', label: `Crash ${name}`, group: 'Faults', tone: 'bad', run: () => onchoose({ type: 'crash', node }) });
  } else if (running) {
    items.push({ key: 'restart', label: `Restart ${name}`, group: 'Faults', tone: 'ok', run: () => onchoose({ type: 'restart', node }) });
  }
  if (running && world.nodes.length > 1) {
    if (world.partition === null)
      items.push({ key: 'cut', label: `Cut ${name} off from the others`, tone: 'bad', run: () => onchoose({ type: 'partition', groups: [[node]] }) });
    else items.push({ key: 'heal', label: 'Heal the network', tone: 'ok', run: () => onchoose({ type: 'heal' }) });
  }
  items.push({ key: 'select', label: `Inspect ${name}`, group: 'View', run: () => onselect(node) });
  return items;
}
