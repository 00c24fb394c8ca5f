import { quoted } from './quote';
import type { Choice } from './choice';
import { Draft } from './draft';
import { networkProblem, reachable } from './network';
import type { NodeId } from './types';
import { emptyWorld, nodeName, type World } from './world';
import type { System } from './system';

/** Thrown when a choice names something that is not there (a message no longer in flight...). */
export class ChoiceError extends Error {
  override readonly name = 'ChoiceError';
}

/** Builds the world at step 0: every node initialised, rules checked once. */
export function createWorld(system: System, seed: number): World {
  const base = emptyWorld(system, seed);
  const draft = new Draft(base, 0);
  draft.nodes = system.nodes.map(() => ({ up: true, state: null, label: '', persisted: {} }));
  system.nodes.forEach((spec, node) => draft.runNode(node, spec.behaviour.init(system.inputs[node]!)));
  return draft.finish();
}

/** Performs one choice. Pure: the given world is untouched. */
export function apply(world: World, choice: Choice): World {
  return step(world, choice, false);
}

/**
 * Performs one choice as the model checker does: the same world, except that it records no trace
 * events (its trace is one link counting them), checks no invariant or condition, and keeps the
 * violations and conditions it was given. Throws `SearchStepLimit` when its run might reach the
 * trace cap. Only for searches: the run found is replayed with `apply`.
 */
export function searchStep(world: World, choice: Choice): World {
  return step(world, choice, true);
}

function step(world: World, choice: Choice, quiet: boolean): World {
  if (world.halted !== null) throw new ChoiceError(`the run has stopped: ${world.halted}`);
  const { maxSteps } = world.system.bounds;
  if (world.step >= maxSteps) throw new ChoiceError(`the run reached its cap of ${maxSteps} steps`);
  const draft = new Draft(world, world.step + 1, quiet);
  perform(draft, world, choice);
  const after = draft.finish();
  // The step that reaches the cap is the last: its world is halted, so a world's step always
  // equals the number of choices that made it, and replaying those choices gives it back.
  if (after.step < maxSteps || after.halted !== null) return after;
  const last = new Draft(after, after.step, quiet);
  last.halt(`the run reached its cap of ${maxSteps} steps`);
  return last.finish();
}

function perform(draft: Draft, world: World, choice: Choice): void {
  switch (choice.type) {
    case 'deliver':
      return deliver(draft, world, choice.id);
    case 'drop': {
      const message = takeMessage(draft, choice.id);
      return draft.emit({ type: 'drop', envelope: message, reason: choice.cause === 'network' ? 'loss' : 'chosen' });
    }
    case 'duplicate': {
      const message = findMessage(draft, choice.id);
      const marked = { ...message, copies: (message.copies ?? 0) + 1 };
      draft.messages = draft.messages.map((m) => (m === message ? marked : m));
      const copy = draft.send(message.from, message.to, message.body, message.id);
      if (copy !== null) draft.emit({ type: 'duplicate', envelope: message, copy, network: choice.cause === 'network' });
      return;
    }
    case 'fire':
      return fire(draft, world, choice.id);
    case 'crash':
      return crash(draft, choice.node);
    case 'restart':
      return restart(draft, world, choice.node);
    case 'partition':
      return partition(draft, choice.groups);
    case 'heal':
      if (draft.partition === null) throw new ChoiceError('the network is not partitioned');
      draft.partition = null;
      return draft.emit({ type: 'heal' });
    case 'client':
      return client(draft, world, choice.node, choice.op);
    case 'network': {
      const network = { ...draft.network, ...choice.options };
      const problem = networkProblem(network);
      if (problem !== null) throw new ChoiceError(problem);
      draft.network = network;
      const { lossPercent, duplicationPercent } = draft.network;
      return draft.emit({ type: 'network', lossPercent, duplicationPercent });
    }
  }
}

function findMessage(draft: Draft, id: number) {
  const message = draft.messages.find((m) => m.id === id);
  if (message === undefined) throw new ChoiceError(`no message #${id} is in flight`);
  return message;
}

function takeMessage(draft: Draft, id: number) {
  const message = findMessage(draft, id);
  draft.messages = draft.messages.filter((m) => m !== message);
  return message;
}

function deliver(draft: Draft, world: World, id: number): void {
  const message = takeMessage(draft, id);
  draft.tick = Math.max(draft.tick, message.deliverTick);
  const target = draft.nodes[message.to]!;
  if (!target.up) return draft.emit({ type: 'drop', envelope: message, reason: 'node-down' });
  if (!reachable(draft.partition, message.from, message.to))
    return draft.emit({ type: 'drop', envelope: message, reason: 'partition' });
  if (!draft.counted()) draft.emit({ type: 'deliver', envelope: message });
  const spec = world.system.nodes[message.to]!;
  const event = { kind: 'message', from: message.from, body: message.body, tick: draft.tick } as const;
  draft.runNode(message.to, spec.behaviour.receive(target.state, event, world.system.inputs[message.to]!));
}

function fire(draft: Draft, world: World, id: number): void {
  const timer = draft.timers.find((t) => t.id === id);
  if (timer === undefined) throw new ChoiceError(`no timer #${id} is pending`);
  draft.timers = draft.timers.filter((t) => t !== timer);
  const late = draft.tick > timer.dueTick;
  draft.tick = Math.max(draft.tick, timer.dueTick);
  if (!draft.counted()) {
    const early = draft.timers.some((t) => t.dueTick < timer.dueTick);
    const overtakes = draft.messages.some((m) => m.deliverTick < timer.dueTick);
    draft.emit({ type: 'timer-fire', timer, early, late, overtakes });
  }
  const spec = world.system.nodes[timer.node]!;
  const event = { kind: 'timer', name: timer.name } as const;
  const record = draft.nodes[timer.node]!;
  draft.runNode(timer.node, spec.behaviour.receive(record.state, event, world.system.inputs[timer.node]!));
}

function checkNode(draft: Draft, node: NodeId): void {
  if (!Number.isInteger(node) || node < 0 || node >= draft.nodes.length) throw new ChoiceError(`there is no node ${node}`);
}

function crash(draft: Draft, node: NodeId): void {
  checkNode(draft, node);
  const record = draft.nodes[node]!;
  if (!record.up) throw new ChoiceError(`${nodeName(draft.base, node)} is already down`);
  draft.nodes[node] = { up: false, state: null, label: 'crashed', persisted: record.persisted };
  draft.timers = draft.timers.filter((t) => t.node !== node);
  draft.emit({ type: 'crash', node });
}

function restart(draft: Draft, world: World, node: NodeId): void {
  checkNode(draft, node);
  const record = draft.nodes[node]!;
  if (record.up) throw new ChoiceError(`${nodeName(world, node)} is not down`);
  draft.emit({ type: 'restart', node });
  const input = world.system.inputs[node]!;
  draft.runNode(node, world.system.nodes[node]!.behaviour.recover(record.persisted, input));
}

function partition(draft: Draft, groups: readonly (readonly NodeId[])[]): void {
  const seen = new Set<NodeId>();
  for (const group of groups)
    for (const node of group) {
      checkNode(draft, node);
      if (seen.has(node)) throw new ChoiceError(`node ${node} is in two partition groups`);
      seen.add(node);
    }
  // The nodes left out form one more group, so `[[0]]` cuts node 0 off from everyone else.
  const rest = draft.nodes.map((_, i) => i).filter((i) => !seen.has(i));
  const whole = rest.length > 0 ? [...groups, rest] : groups;
  if (whole.filter((g) => g.length > 0).length < 2) throw new ChoiceError('a partition needs at least two groups');
  draft.partition = whole.filter((g) => g.length > 0).map((g) => [...g].sort((a, b) => a - b));
  draft.emit({ type: 'partition', groups: draft.partition });
}

function client(draft: Draft, world: World, node: NodeId, op: string): void {
  checkNode(draft, node);
  const record = draft.nodes[node]!;
  if (!record.up) throw new ChoiceError(`${nodeName(world, node)} is down and cannot take ${quoted(op)}`);
  if (!world.system.clientOps(world, node).some((o) => o.op === op))
    throw new ChoiceError(`${nodeName(world, node)} does not offer ${quoted(op)} now`);
  if (!draft.counted()) draft.emit({ type: 'client', node, op });
  const spec = world.system.nodes[node]!;
  const event = { kind: 'client', op } as const;
  draft.runNode(node, spec.behaviour.receive(record.state, event, world.system.inputs[node]!));
}
