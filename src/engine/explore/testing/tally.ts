// A small system with interchangeable nodes, for testing symmetry reduction: voters (nodes
// 1..n) each vote once by sending VOTE to a tally (node 0), which counts the VOTEs it receives.
// Nothing names a voter by id, so any two voters can be swapped. The tally cannot tell a
// duplicated VOTE from a second voter's, so `no-double-count` breaks if the network duplicates.
import { defaultNetwork } from '../../network';
import { defaultBounds, type System } from '../../system';
import type { NodeBehaviour, NodeInput } from '../../types';
import type { World } from '../../world';

interface VoterState {
  readonly voted: boolean;
}

interface TallyState {
  readonly votes: number;
}

const voter: NodeBehaviour<VoterState> = {
  init: () => [{ voted: false }, []],
  receive(state, event, input) {
    if (event.kind !== 'client' || event.op !== 'vote' || state.voted) return [state, []];
    const tally = input.peers['tally']![0]!;
    return [
      { voted: true },
      [
        { type: 'persist', data: { voted: true } },
        { type: 'send', to: tally, body: { type: 'VOTE' } },
      ],
    ];
  },
  recover: (persisted) => [{ voted: persisted['voted'] === true }, []],
  label: (s) => (s.voted ? 'voted' : 'undecided'),
  key: (s) => (s.voted ? 'voted' : 'undecided'),
};

const tally: NodeBehaviour<TallyState> = {
  init: () => [{ votes: 0 }, []],
  receive(state, event) {
    if (event.kind !== 'message' || event.body.type !== 'VOTE') return [state, []];
    const votes = state.votes + 1;
    return [{ votes }, [{ type: 'persist', data: { votes } }]];
  },
  recover: (persisted) => [{ votes: typeof persisted['votes'] === 'number' ? persisted['votes'] : 0 }, []],
  label: () => 'counting',
  key: (s) => String(s.votes),
};

function hasVoted(world: World, node: number): boolean {
  const record = world.nodes[node]!;
  return record.up ? (record.state as VoterState).voted : record.persisted['voted'] === true;
}

/** A tally (node 0) and `voters` voters (nodes 1..voters). */
export function tallySystem(voters: number): System {
  const ids = Array.from({ length: voters }, (_, i) => i + 1);
  const peers = { tally: [0], voter: ids };
  const input = (id: number, name: string, role: string): NodeInput => ({ id, name, role, peers, config: {} });
  return {
    nodes: [
      { name: 'tally', role: 'tally', behaviour: tally as NodeBehaviour },
      ...ids.map((id) => ({ name: `voter ${id}`, role: 'voter', behaviour: voter as NodeBehaviour })),
    ],
    inputs: [input(0, 'tally', 'tally'), ...ids.map((id) => input(id, `voter ${id}`, 'voter'))],
    invariants: [
      {
        id: 'no-double-count',
        description: 'the tally has counted no more votes than were cast',
        check: (w) => {
          const record = w.nodes[0]!;
          const counted = record.up ? (record.state as TallyState).votes : Number(record.persisted['votes'] ?? 0);
          const cast = ids.filter((id) => hasVoted(w, id)).length;
          return counted > cast ? { message: `the tally counted ${counted} votes, but only ${cast} were cast`, nodes: [0] } : null;
        },
      },
    ],
    conditions: [],
    clientOps: (w, node) => (node > 0 && w.nodes[node]!.up && !hasVoted(w, node) ? [{ op: 'vote', label: 'Vote' }] : []),
    network: defaultNetwork,
    bounds: defaultBounds,
  };
}
