// Turns a protocol definition, a valid config and a variant id into the engine's `System`.
import { defaultBounds, nodeName, quoted, type ChoiceWords, type ClientOp, type NodeId, type System } from '../../engine';
import { timerTitle } from './events';
import { machineBehaviour } from './adapter';
import { networkFromConfig } from './config';
import type { Placement, ProtocolDefinition } from './definition';
import type { Config } from './types';
import { machineState } from './world-query';

function checkTopology(definition: ProtocolDefinition, placements: readonly Placement[]): void {
  for (const [role, spec] of Object.entries(definition.roles)) {
    const count = placements.filter((p) => p.role === role).length;
    if (count < spec.min || count > spec.max)
      throw new Error(`${definition.id}: ${count} ${role} nodes, but ${spec.min} to ${spec.max} are allowed`);
  }
  const unknown = placements.find((p) => definition.roles[p.role] === undefined);
  if (unknown !== undefined) throw new Error(`${definition.id}: node ${unknown.name} has unknown role ${unknown.role}`);
}

export function buildSystem(definition: ProtocolDefinition, config: Config, variantId: string): System {
  const variant = definition.variants.find((v) => v.id === variantId);
  if (variant === undefined)
    throw new Error(`${definition.id} has no variant ${quoted(variantId)} (variants: ${definition.variants.map((v) => v.id).join(', ')})`);
  const placements = definition.topology(config);
  checkTopology(definition, placements);
  // One behaviour (and so one memo) per role, shared by every node of the role.
  const behaviours = Object.fromEntries(
    Object.entries(definition.roles).map(([role, spec]) => {
      const clock = variant.clock?.[role] ?? spec.clock;
      return [role, machineBehaviour(variant.machines?.[role] ?? spec.machine, clock === undefined ? {} : { clock })];
    }),
  );
  const peers: Record<string, NodeId[]> = {};
  placements.forEach((p, id) => (peers[p.role] ??= []).push(id));
  return {
    nodes: placements.map((p) => ({ name: p.name, role: p.role, behaviour: behaviours[p.role]! })),
    inputs: placements.map((p, id) => ({ id, name: p.name, role: p.role, peers, config })),
    invariants: definition.invariants,
    conditions: definition.conditions,
    clientOps: offeredOps(definition),
    network: networkFromConfig(config),
    bounds: defaultBounds,
    words: choiceWords(definition),
    ...(definition.orderedObservations === undefined ? {} : { orderedObservations: definition.orderedObservations }),
  };
}

/**
 * What a node offers a client: a pure function of its role and machine state, so it is remembered
 * per state object (the adapter hands out one object per distinct state). `enabled` asks on every
 * state the checker expands, for every node.
 */
function offeredOps(definition: ProtocolDefinition): System['clientOps'] {
  const byRole = new Map<string, { readonly ops: ProtocolDefinition['clientOps']; readonly known: WeakMap<object, readonly ClientOp[]> }>();
  const none: readonly ClientOp[] = [];
  return (world, node) => {
    const state = machineState(world, node);
    const role = world.system.nodes[node]?.role;
    if (state === null || role === undefined) return none;
    let table = byRole.get(role);
    if (table === undefined) byRole.set(role, (table = { ops: definition.clientOps.filter((o) => o.role === role), known: new WeakMap() }));
    let offered = table.known.get(state);
    if (offered === undefined) {
      const list = table.ops.filter((o) => o.offered(state)).map((o) => ({ op: o.op, label: o.label }));
      offered = list.length === 0 ? none : list;
      table.known.set(state, offered);
    }
    return offered;
  };
}

/** The protocol's words for choice labels: "VOTE yes P2 → coordinator", "vote timeout". */
export function choiceWords(definition: Pick<ProtocolDefinition, 'describeMessage'>): ChoiceWords {
  return {
    message: (m, world) => `${definition.describeMessage(m.body)} ${nodeName(world, m.from)} → ${nodeName(world, m.to)}`,
    timer: timerTitle,
  };
}
