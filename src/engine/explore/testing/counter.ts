// A tiny hand-written system for the checker's tests: a client asks a counter server to
// increment, one request at a time, and the server acknowledges with the new count.
// The correct server remembers (and persists) the last request it applied, so a duplicated
// INC is applied once and a crash loses nothing. Two deliberately broken servers:
// - `no-dedupe` applies every INC it receives, so a duplicated message counts twice
//   (`exactly-once` breaks, but only if the network duplicates something);
// - `volatile` persists nothing, so after a crash it counts from zero again and the client
//   sees the count go backwards (`monotonic-acks` breaks, but only after a crash).
import { defaultNetwork } from '../../network';
import { defaultBounds, type System } from '../../system';
import type { Effect, Json, NodeBehaviour, NodeInput, NodeStep, Persisted } from '../../types';
import type { World } from '../../world';

export type CounterVariant = 'correct' | 'no-dedupe' | 'volatile';

interface ClientState {
  /** Requests issued so far; the current one has this number. */
  readonly sent: number;
  /** The last request acknowledged. */
  readonly acked: number;
}

interface ServerState {
  readonly count: number;
  readonly lastRequest: number;
}

const num = (value: Json | undefined) => (typeof value === 'number' ? value : 0);

const client: NodeBehaviour<ClientState> = {
  init: () => [{ sent: 0, acked: 0 }, []],
  receive(state, event, input): NodeStep<ClientState> {
    const server = input.peers['server']![0]!;
    if (event.kind === 'client' && event.op === 'inc') {
      const sent = state.sent + 1;
      return [
        { sent, acked: state.acked },
        [
          { type: 'persist', data: { sent } },
          { type: 'send', to: server, body: { type: 'INC', request: sent } },
        ],
      ];
    }
    if (event.kind === 'message' && event.body.type === 'ACK') {
      const request = num(event.body['request']);
      if (request !== state.sent || state.acked === request) return [state, []];
      return [{ sent: state.sent, acked: request }, [{ type: 'observe', value: { count: num(event.body['count']) } }]];
    }
    return [state, []];
  },
  // A restarted client gives up on any request in flight and may issue the next one.
  recover: (persisted) => [{ sent: num(persisted['sent']), acked: num(persisted['sent']) }, []],
  label: (s) => (s.acked === s.sent ? 'idle' : 'waiting'),
  key: (s) => `${s.sent}/${s.acked}`,
};

function server(variant: CounterVariant): NodeBehaviour<ServerState> {
  const fromLog = (persisted: Persisted): ServerState =>
    variant === 'volatile' ? { count: 0, lastRequest: 0 } : { count: num(persisted['count']), lastRequest: num(persisted['lastRequest']) };
  return {
    init: () => [{ count: 0, lastRequest: 0 }, []],
    receive(state, event): NodeStep<ServerState> {
      if (event.kind !== 'message' || event.body.type !== 'INC') return [state, []];
      const request = num(event.body['request']);
      const fresh = variant === 'no-dedupe' || request > state.lastRequest;
      const next = fresh ? { count: state.count + 1, lastRequest: Math.max(request, state.lastRequest) } : state;
      const effects: Effect[] = [{ type: 'send', to: event.from, body: { type: 'ACK', request, count: next.count } }];
      if (fresh && variant !== 'volatile') effects.unshift({ type: 'persist', data: { ...next } });
      return [next, effects];
    },
    recover: (persisted) => [fromLog(persisted), []],
    label: () => 'serving',
    key: (s) => `${s.count}/${s.lastRequest}`,
  };
}

function serverCount(world: World): number {
  const record = world.nodes[1]!;
  return record.up ? (record.state as ServerState).count : num(record.persisted['count']);
}

/** The counter system: node 0 is the client, node 1 the server; the client makes up to `increments` requests. */
export function counterSystem(variant: CounterVariant, increments = 2): System {
  const peers = { client: [0], server: [1] };
  const input = (id: number, name: string): NodeInput => ({ id, name, role: name, peers, config: {} });
  return {
    nodes: [
      { name: 'client', role: 'client', behaviour: client as NodeBehaviour },
      { name: 'server', role: 'server', behaviour: server(variant) as NodeBehaviour },
    ],
    inputs: [input(0, 'client'), input(1, 'server')],
    invariants: [
      {
        id: 'exactly-once',
        description: 'the server has counted no more increments than the client asked for',
        check: (w) => {
          const sent = (w.nodes[0]!.state as ClientState | null)?.sent ?? num(w.nodes[0]!.persisted['sent']);
          const count = serverCount(w);
          return count > sent ? { message: `the server counted ${count} increments, but the client asked for only ${sent}`, nodes: [1] } : null;
        },
      },
      {
        id: 'monotonic-acks',
        description: 'each count the client is told is higher than the last',
        check: (w) => {
          const counts = w.observations.toArray().filter((o) => o.node === 0).map((o) => num((o.value as { count?: Json }).count));
          const back = counts.findIndex((c, i) => i > 0 && c <= counts[i - 1]!);
          return back === -1 ? null : { message: `the client was told ${counts[back - 1]}, then ${counts[back]}`, nodes: [0, 1] };
        },
      },
    ],
    conditions: [],
    clientOps: (w, node) => {
      const state = w.nodes[node]!.state as ClientState | null;
      return node === 0 && state !== null && state.acked === state.sent && state.sent < increments ? [{ op: 'inc', label: 'Increment' }] : [];
    },
    network: defaultNetwork,
    bounds: defaultBounds,
  };
}
