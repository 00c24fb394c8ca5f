// A fake gossip protocol for the engine's property tests: richer than ping, with several nodes,
// client operations, timers that re-arm, persistence and recovery. A client tells a node its own
// rumor; a node that learns something new persists it, passes everything it knows to its peers
// and gossips again on a timer a couple of times. After a restart it gossips what it persisted.
import { defaultNetwork, type NetworkOptions } from '../network';
import { defaultBounds, type Bounds, type System } from '../system';
import type { Effect, NodeBehaviour, NodeInput, NodeStep, Persisted } from '../types';

export interface GossipState {
  readonly heard: readonly number[];
  readonly rounds: number;
}

const ROUNDS = 2;

function heardOf(persisted: Persisted): number[] {
  const heard = persisted['heard'];
  return Array.isArray(heard) ? heard.filter((n): n is number => typeof n === 'number') : [];
}

function spread(heard: readonly number[], input: NodeInput, rounds: number): NodeStep<GossipState> {
  const sends: Effect[] = input.peers['gossiper']!.filter((peer) => peer !== input.id).map((to) => ({
    type: 'send',
    to,
    body: { type: 'RUMOR', heard: [...heard] },
  }));
  const total = input.peers['gossiper']!.length;
  return [
    { heard, rounds },
    [
      ...sends,
      { type: 'setTimer', name: 'gossip', ticksMin: 10, ticksMax: 30 },
      ...(rounds === 0 && heard.length === total ? [{ type: 'observe', value: { complete: input.id } } as const] : []),
    ],
  ];
}

function learn(state: GossipState, news: readonly number[], input: NodeInput): NodeStep<GossipState> {
  const heard = [...new Set([...state.heard, ...news])].sort((a, b) => a - b);
  if (heard.length === state.heard.length) return [state, []];
  const [next, effects] = spread(heard, input, 0);
  return [next, [{ type: 'persist', data: { heard } }, ...effects]];
}

export const gossiper: NodeBehaviour<GossipState> = {
  init: () => [{ heard: [], rounds: ROUNDS }, []],
  receive(state, event, input) {
    if (event.kind === 'client') return learn(state, [input.id], input);
    if (event.kind === 'message' && event.body.type === 'RUMOR') return learn(state, heardOf(event.body), input);
    if (event.kind === 'timer' && state.rounds < ROUNDS) return spread(state.heard, input, state.rounds + 1);
    return [state, []];
  },
  recover: (persisted, input) => spread(heardOf(persisted), input, ROUNDS - 1),
  label: (s) => (s.heard.length === 0 ? 'quiet' : `knows ${s.heard.length}`),
  key: (s) => `${s.heard.join(',')}/${s.rounds}`,
};

/** `count` gossipers; every rumor a node holds must have been told to its own node first. */
export function gossipSystem(
  count = 3,
  options: { network?: Partial<NetworkOptions>; bounds?: Partial<Bounds> } = {},
): System {
  const ids = Array.from({ length: count }, (_, i) => i);
  const peers = { gossiper: ids };
  const inputs = ids.map((id): NodeInput => ({ id, name: `g${id}`, role: 'gossiper', peers, config: { count } }));
  return {
    nodes: ids.map((id) => ({ name: `g${id}`, role: 'gossiper', behaviour: gossiper as NodeBehaviour })),
    inputs,
    invariants: [
      {
        id: 'no-invented-rumor',
        description: 'every rumor a node has heard was told to the node it belongs to',
        check(world) {
          for (const [node, record] of world.nodes.entries())
            for (const rumor of heardOf(record.persisted))
              if (!heardOf(world.nodes[rumor]!.persisted).includes(rumor))
                return { message: `g${node} heard rumor ${rumor}, which nobody told`, nodes: [node] };
          return null;
        },
      },
    ],
    conditions: [
      {
        id: 'cut-off',
        description: 'the network is partitioned',
        check: (world) => (world.partition === null ? null : { message: 'the network is cut', nodes: [] }),
      },
    ],
    clientOps: (world, node) =>
      heardOf(world.nodes[node]!.persisted).includes(node) ? [] : [{ op: 'tell', label: 'Tell a rumor' }],
    network: { ...defaultNetwork, ...options.network },
    bounds: { ...defaultBounds, ...options.bounds },
  };
}
