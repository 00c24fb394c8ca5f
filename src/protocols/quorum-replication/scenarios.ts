// The guided runs of quorum replication. The same list feeds the tour picker, the unit tests
// (each is compiled and its narration snapshot-tested) and the end-to-end tests. Most turn
// anti-entropy off to keep the story short; one shows it at work.
import { deliver, type Scenario } from '../kit';
import { brokenScenarios } from './scenarios-broken';
import { dynamoScenarios } from './scenarios-dynamo';

const short = { antiEntropy: false } as const;

const quorumWriteRead: Scenario = {
  id: 'quorum-write-then-read',
  title: 'A quorum write, then a quorum read',
  summary: 'C1 puts x = a1 through S1; a quorum of the home replicas S1, S2, S3 acknowledges it. C2 then gets x through S2 and reads a1.',
  config: short,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x', caption: 'C1 asks S1 to put x = a1. Under the linearizable promise S1 first asks the home replicas for the highest tag; it answers for itself at once.' },
    { do: 'next', times: 4, caption: 'S2 answers: no tag yet. With two replies (R = 2), S1 gives a1 the tag (1,C1.1), stores it and sends it to S2 and S3.' },
    { do: 'settle', caption: 'S2 acknowledges: two of three (W = 2) have a1, so S1 tells C1 the put is done. S3 takes it a moment later.' },
    { do: 'client', node: 'C2', op: 'get-x', caption: 'C2 asks S2 to get x.' },
    { do: 'settle', caption: 'S2 and one more replica agree on a1 (1,C1.1): any read quorum meets any write quorum (R + W = 4 > N = 3), so C2 reads a1.' },
  ],
};

const oneDown: Scenario = {
  id: 'one-replica-down',
  title: 'One replica down, still a quorum',
  summary: 'S3 crashes. S1 and S2 are still two of the three home replicas of x, so writes and reads go on.',
  config: short,
  steps: [
    { do: 'crash', node: 'S3', caption: 'S3, a home replica of x, crashes.' },
    { do: 'client', node: 'C1', op: 'put-x', caption: 'C1 asks S1 to put x = a1.' },
    { do: 'settle', caption: 'S1 and S2 answer and acknowledge: two of three is a quorum. The messages to S3 are lost, and C1’s put succeeds.' },
    { do: 'client', node: 'C2', op: 'get-x' },
    { do: 'settle', caption: 'C2 reads a1 from S2 and S1. S3 is still down and still behind: a stale replica.' },
  ],
};

const partialWrite: Scenario = {
  id: 'partial-write-surfaces',
  title: 'A failed write is not rolled back, and surfaces',
  summary: 'C1’s put of a1 reaches only S1 before S1 gives up and tells C1 it failed. Nothing is rolled back: C2’s next read finds a1 on S1 and returns it.',
  config: short,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1'),
    deliver('READ', 'S1', 'S2'),
    deliver('VALUE', 'S2', 'S1', 'S1 has its tag quorum: a1 gets (1,C1.1). It stores a1 itself and sends it to S2 and S3.'),
    { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
    { do: 'drop', message: { type: 'WRITE', to: 'S3' }, caption: 'Both WRITEs are lost. Only S1 holds a1: one acknowledgement of the two needed.' },
    { do: 'fire', node: 'S1', timer: 'wait.C1.1', caption: 'S1’s timer fires: it tells C1 the put failed. But nothing is rolled back: S1 keeps a1.' },
    { do: 'settle', caption: 'C1 sees its put fail. Did it happen? Nobody can tell yet.' },
    { do: 'client', node: 'C2', op: 'get-x', caption: 'C2 asks S2 to get x. S2 holds nothing and asks S1 and S3.' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S1'),
    deliver('VALUE', 'S1', 'S2', 'S1 answers a1 (1,C1.1): the highest tag S2 has seen. Before answering, S2 writes it back to a write quorum.'),
    { do: 'settle', caption: 'C2 reads a1: the write that “failed” has surfaced. That is allowed: a failed put may or may not take effect.' },
  ],
};

export const scenarios: readonly Scenario[] = [quorumWriteRead, oneDown, partialWrite, ...dynamoScenarios, ...brokenScenarios];
