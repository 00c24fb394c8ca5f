import type { Choice } from './choice';
import type { FaultKind } from './fault-kinds';
import { draw } from './random';
import type { World } from './world';

const everyFault = () => true;

/**
 * Every choice possible now, in a stable order: deliveries, timers, client operations, then
 * faults. The checker explores these; the UI offers them. `allowed` leaves out the faults of the
 * kinds it refuses (the checker's spent budget), in the same order otherwise.
 */
export function enabled(world: World, allowed: (kind: FaultKind) => boolean = everyFault): Choice[] {
  if (world.halted !== null) return [];
  const out: Choice[] = [];
  const { messages, timers, nodes } = world;
  for (let i = 0; i < messages.length; i++) out.push({ type: 'deliver', id: messages[i]!.id });
  for (let i = 0; i < timers.length; i++) out.push({ type: 'fire', id: timers[i]!.id });
  for (let node = 0; node < nodes.length; node++)
    if (nodes[node]!.up) for (const { op } of world.system.clientOps(world, node)) out.push({ type: 'client', node, op });
  const losses = allowed('losses');
  const duplicates = allowed('duplicates');
  if (losses || duplicates)
    for (let i = 0; i < messages.length; i++) {
      if (losses) out.push({ type: 'drop', id: messages[i]!.id });
      if (duplicates) out.push({ type: 'duplicate', id: messages[i]!.id });
    }
  const crashes = allowed('crashes');
  for (let node = 0; node < nodes.length; node++)
    if (!nodes[node]!.up) out.push({ type: 'restart', node });
    else if (crashes) out.push({ type: 'crash', node });
  if (world.partition !== null) out.push({ type: 'heal' });
  else if (nodes.length > 1 && allowed('partitions')) for (let node = 0; node < nodes.length; node++) out.push({ type: 'partition', groups: [[node]] });
  return out;
}

/** What falls due next: the earliest message or timer, ties broken by sequence number. */
export function due(world: World): { kind: 'message' | 'timer'; id: number; tick: number } | null {
  const at = earliest(world);
  if (at === none) return null;
  return at < world.messages.length
    ? { kind: 'message', id: world.messages[at]!.id, tick: world.messages[at]!.deliverTick }
    : { kind: 'timer', id: world.timers[at - world.messages.length]!.id, tick: world.timers[at - world.messages.length]!.dueTick };
}

const none = -1;

/**
 * `due`'s answer as an index: a message's in `world.messages`, or a timer's after them. Built
 * without an object per candidate, since the default scheduler asks on every step.
 */
function earliest(world: World): number {
  const { messages, timers } = world;
  let at = none;
  let id = 0;
  let tick = 0;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (at === none || m.deliverTick < tick || (m.deliverTick === tick && m.id < id)) {
      at = i;
      id = m.id;
      tick = m.deliverTick;
    }
  }
  for (let i = 0; i < timers.length; i++) {
    const t = timers[i]!;
    if (at === none || t.dueTick < tick || (t.dueTick === tick && t.id < id)) {
      at = messages.length + i;
      id = t.id;
      tick = t.dueTick;
    }
  }
  return at;
}

/**
 * The default scheduler. It takes whatever falls due next; the network's loss and duplication
 * percentages turn some deliveries into a loss or a duplicate, drawn from the seeded streams by
 * message id, so the decision is a pure function of the world. Returns null when nothing is pending.
 */
export function next(world: World): Choice | null {
  if (world.halted !== null) return null;
  const at = earliest(world);
  if (at === none) return null;
  if (at >= world.messages.length) return { type: 'fire', id: world.timers[at - world.messages.length]!.id };
  const message = world.messages[at]!;
  const { lossPercent, duplicationPercent } = world.network;
  if (lossPercent > 0 && draw(world.seed, 'loss', message.id) * 100 < lossPercent)
    return { type: 'drop', id: message.id, cause: 'network' };
  const fresh = message.copyOf === undefined && message.copies === undefined;
  if (fresh && duplicationPercent > 0 && draw(world.seed, 'duplication', message.id) * 100 < duplicationPercent)
    return { type: 'duplicate', id: message.id, cause: 'network' };
  return { type: 'deliver', id: message.id };
}
