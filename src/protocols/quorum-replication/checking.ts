// Where `fault-lines check quorum-replication` searches. Every get or put takes five or more
// messages and timers (client, coordinator, replicas and back), so a bug that needs two or three
// operations lies twelve or more steps deep, past what a breadth-first search reaches in seconds.
// As with Paxos, the search starts where it gets interesting: by default once C1's put of a1 has
// reached its coordinator; for the bugs that need more setup, at a situation that leaves the
// failure itself for the checker to find. Four storage nodes, so that S4 can stand in for a home
// replica; anti-entropy off, since its rounds after every write add dozens of steps (the
// property tests check convergence over long random runs instead).
import { deliver, type CheckingDefaults, type CheckingPrefix } from '../kit';

export const checking: CheckingDefaults = {
  config: { nodes: 4, antiEntropy: false, opsPerClient: 2 },
  prefix: {
    summary: 'C1’s put of a1 has reached its coordinator S1',
    steps: [{ do: 'client', node: 'C1', op: 'put-x' }, deliver('PUT', 'C1', 'S1')],
  },
  maxDepth: 9,
  budget: { crashes: 0, losses: 1, duplicates: 0, partitions: 0 },
};

export const prefixes: { readonly [variant: string]: CheckingPrefix } = {
  'no-read-write-back': {
    summary: 'C1’s put of a1 is on S1 alone, its WRITEs to S2 and S3 in flight; C2’s get has reached S2, which asked S1',
    steps: [
      { do: 'client', node: 'C1', op: 'put-x' },
      deliver('PUT', 'C1', 'S1'),
      deliver('READ', 'S1', 'S2'),
      deliver('VALUE', 'S2', 'S1'),
      { do: 'client', node: 'C2', op: 'get-x' },
      deliver('GET', 'C2', 'S2'),
      deliver('READ', 'S2', 'S1'),
    ],
  },
  'single-phase-write': {
    summary: 'C2’s put of b1 is done on S2 and S3, its WRITE to S1 in flight; then C1’s put of a1 reaches S1',
    steps: [
      { do: 'client', node: 'C2', op: 'put-x' },
      deliver('PUT', 'C2', 'S2'),
      deliver('WRITE', 'S2', 'S3'),
      deliver('ACK', 'S3', 'S2'),
      deliver('PUT_OK', 'S2', 'C2'),
      { do: 'client', node: 'C1', op: 'put-x' },
      deliver('PUT', 'C1', 'S1'),
    ],
  },
  'sloppy-quorum': {
    summary: 'while S2 and S3 were cut off, C1’s put of a1 was acknowledged by S1 and by S4 standing in for S2; the network has healed',
    steps: [
      { do: 'partition', groups: [['S2', 'S3']] },
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'next', times: 3 },
      { do: 'fire', node: 'S1', timer: 'wait.C1.1' },
      { do: 'next', times: 4 },
      { do: 'fire', node: 'S1', timer: 'wait.C1.1' },
      { do: 'next', times: 3 },
      { do: 'heal' },
    ],
  },
};
