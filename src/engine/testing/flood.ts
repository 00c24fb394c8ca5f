// A fake protocol that makes things grow on request, to drive the engine into each of its bounds.
// Every node offers client operations that each add `burst` of one thing: messages in flight,
// pending timers, observations or notes (trace events). The numbers are small and exact, so a
// test can say which operation crosses which cap.
import { defaultNetwork } from '../network';
import { defaultBounds, type Bounds, type System } from '../system';
import type { Effect, NodeBehaviour, NodeInput } from '../types';

export type FloodOp = 'send' | 'timers' | 'observe' | 'note';

export interface FloodState {
  readonly made: number;
}

function effects(op: string, made: number, burst: number, input: NodeInput): Effect[] {
  const out: Effect[] = [];
  const peer = (input.id + 1) % input.peers['flooder']!.length;
  for (let i = 0; i < burst; i++) {
    const n = made + i;
    if (op === 'send') out.push({ type: 'send', to: peer, body: { type: 'WAVE', n } });
    if (op === 'timers') out.push({ type: 'setTimer', name: `t${n}`, ticksMin: 5, ticksMax: 5 });
    if (op === 'observe') out.push({ type: 'observe', value: n });
    if (op === 'note') out.push({ type: 'note', text: `note ${n}` });
  }
  return out;
}

export function flooder(burst: number): NodeBehaviour<FloodState> {
  return {
    init: () => [{ made: 0 }, []],
    receive(state, event, input) {
      if (event.kind !== 'client') return [state, []];
      return [{ made: state.made + burst }, effects(event.op, state.made, burst, input)];
    },
    recover: () => [{ made: 0 }, []],
    label: () => 'flooding',
    key: (s) => String(s.made),
  };
}

const OPS: readonly FloodOp[] = ['send', 'timers', 'observe', 'note'];

/** Two flooders; each client operation adds `burst` things of its kind. */
export function floodSystem(burst: number, bounds: Partial<Bounds> = {}): System {
  const peers = { flooder: [0, 1] };
  const behaviour = flooder(burst) as NodeBehaviour;
  const input = (id: number): NodeInput => ({ id, name: `flooder ${id}`, role: 'flooder', peers, config: {} });
  return {
    nodes: [0, 1].map((id) => ({ name: `flooder ${id}`, role: 'flooder', behaviour })),
    inputs: [input(0), input(1)],
    invariants: [],
    conditions: [],
    clientOps: () => OPS.map((op) => ({ op, label: op })),
    network: { ...defaultNetwork, latencyTicksMin: 5, latencyTicksMax: 5 },
    bounds: { ...defaultBounds, ...bounds },
  };
}
