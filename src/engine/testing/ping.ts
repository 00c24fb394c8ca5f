// A tiny hand-written protocol for the engine's own tests: a pinger sends PING to a ponger,
// which answers PONG; the pinger counts replies and retries on a timer. The ponger persists
// how many pings it has seen, so a crash keeps that count and forgets the rest.
import { defaultBounds, type Bounds } from '../system';
import { defaultNetwork, type NetworkOptions } from '../network';
import type { System } from '../system';
import type { Effect, NodeBehaviour, NodeInput, NodeStep } from '../types';

export interface PingState {
  readonly phase: 'idle' | 'waiting' | 'done' | 'serving';
  readonly count: number;
}

const step = (phase: PingState['phase'], count: number, effects: Effect[] = []): NodeStep<PingState> => [
  { phase, count },
  effects,
];

export const pinger: NodeBehaviour<PingState> = {
  init: () => step('idle', 0),
  receive(state, event, input) {
    const ponger = input.peers['ponger']![0]!;
    if (event.kind === 'client' && event.op === 'start')
      return step('waiting', state.count, [
        { type: 'send', to: ponger, body: { type: 'PING', n: state.count } },
        { type: 'setTimer', name: 'retry', ticksMin: 30, ticksMax: 40 },
      ]);
    if (event.kind === 'timer' && state.phase === 'waiting')
      return step('waiting', state.count, [
        { type: 'send', to: ponger, body: { type: 'PING', n: state.count } },
        { type: 'setTimer', name: 'retry', ticksMin: 30, ticksMax: 40 },
        { type: 'note', text: 'no answer yet: ping again' },
      ]);
    if (event.kind === 'message' && event.body.type === 'PONG' && state.phase === 'waiting')
      return step('done', state.count + 1, [
        { type: 'cancelTimer', name: 'retry' },
        { type: 'observe', value: { pong: state.count + 1 } },
      ]);
    return [state, []];
  },
  recover: () => step('idle', 0),
  label: (s) => s.phase,
  key: (s) => `${s.phase}:${s.count}`,
};

export const ponger: NodeBehaviour<PingState> = {
  init: () => step('serving', 0),
  receive(state, event) {
    if (event.kind !== 'message' || event.body.type !== 'PING') return [state, []];
    const count = state.count + 1;
    return step('serving', count, [
      { type: 'persist', data: { seen: count } },
      { type: 'send', to: event.from, body: { type: 'PONG' } },
    ]);
  },
  recover: (persisted) => step('serving', typeof persisted['seen'] === 'number' ? persisted['seen'] : 0),
  label: (s) => s.phase,
  key: (s) => `${s.phase}:${s.count}`,
};

export function pingSystem(options: { network?: Partial<NetworkOptions>; bounds?: Partial<Bounds> } = {}): System {
  const peers = { pinger: [0], ponger: [1] };
  const input = (id: number, name: string, role: string): NodeInput => ({ id, name, role, peers, config: {} });
  return {
    nodes: [
      { name: 'pinger', role: 'pinger', behaviour: pinger as NodeBehaviour },
      { name: 'ponger', role: 'ponger', behaviour: ponger as NodeBehaviour },
    ],
    inputs: [input(0, 'pinger', 'pinger'), input(1, 'ponger', 'ponger')],
    invariants: [
      {
        id: 'at-most-one-pong',
        description: 'the pinger counts at most one PONG',
        check: (w) =>
          w.observations.toArray().filter((o) => o.node === 0).length > 1
            ? { message: 'the pinger counted two PONGs', nodes: [0] }
            : null,
      },
    ],
    conditions: [
      {
        id: 'ponger-down',
        description: 'the ponger is down',
        check: (w) => (w.nodes[1]!.up ? null : { message: 'ponger is down', nodes: [1] }),
      },
    ],
    clientOps: (w, node) => (node === 0 && w.nodes[0]!.label === 'idle' ? [{ op: 'start', label: 'Start pinging' }] : []),
    network: { ...defaultNetwork, ...options.network },
    bounds: { ...defaultBounds, ...options.bounds },
  };
}
