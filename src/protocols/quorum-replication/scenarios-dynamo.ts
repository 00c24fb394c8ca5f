// Guided runs under the dynamo promise: siblings, read repair, sloppy quorums with hinted
// handoff, anti-entropy, and a stale read that dynamo allows.
import { deliver, type Scenario } from '../kit';

const dynamo = { consistency: 'dynamo', antiEntropy: false } as const;

const siblings: Scenario = {
  id: 'siblings-merged',
  title: 'Concurrent writes become siblings, and a put merges them',
  summary: 'C1 and C2 put x at the same time, neither having read it. Their version vectors are concurrent, so every replica keeps both. C1 reads both siblings and its next put merges them.',
  config: dynamo,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x', caption: 'C1 puts x = a1 with version [C1:1].' },
    { do: 'client', node: 'C2', op: 'put-x', caption: 'C2 puts x = b1 with version [C2:1]. Neither saw the other: the versions are concurrent.' },
    { do: 'settle', caption: 'Both puts succeed. Every replica keeps a1 and b1 side by side: siblings. No write is lost, and none wins.' },
    { do: 'client', node: 'C1', op: 'get-x' },
    { do: 'settle', caption: 'C1’s get returns both siblings, a1 and b1, and C1 remembers their merged version [C1:1 C2:1].' },
    { do: 'client', node: 'C1', op: 'put-x', caption: 'C1 writes a2 with version [C1:2 C2:1]: it covers both siblings.' },
    { do: 'settle', caption: 'Every replica replaces both siblings with a2: the client merged them. Which value to keep is the application’s choice, made with both in hand.' },
  ],
};

const readRepair: Scenario = {
  id: 'read-repair',
  title: 'Read repair fixes a stale replica',
  summary: 'The WRITE of a1 to S3 is lost, so S3 is stale. C2’s read through S2 hears from S3, returns a1, and sends S3 the newer version.',
  config: dynamo,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1'),
    { do: 'drop', message: { type: 'WRITE', to: 'S3' }, caption: 'The WRITE of a1 to S3 is lost. S1 and S2 are still a write quorum.' },
    { do: 'settle', caption: 'C1’s put succeeds; S3 is left behind.' },
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S3'),
    deliver('VALUE', 'S3', 'S2', 'S2 has its own a1 and S3’s nothing: two replies. It answers a1 and, seeing S3 behind, sends S3 a REPAIR.'),
    deliver('REPAIR', 'S2', 'S3', 'S3 takes a1: repaired by the read, and the stale replica is gone.'),
    { do: 'settle' },
  ],
};

const sloppy: Scenario = {
  id: 'sloppy-write-and-handoff',
  title: 'A sloppy write, a heal and the handoff',
  summary: 'S2 and S3 are cut off. With a sloppy quorum, S4 stands in for S2 and keeps C1’s write as a hint; once the network heals, S4 hands it to S2 and drops it.',
  config: { ...dynamo, sloppyQuorum: true },
  steps: [
    { do: 'partition', groups: [['S2', 'S3']], caption: 'The network cuts S2 and S3 off from everyone else.' },
    { do: 'client', node: 'C1', op: 'put-x', caption: 'C1 asks S1 to put x = a1. S1 stores it and sends it to S2 and S3.' },
    { do: 'next', times: 3, caption: 'Both WRITEs are lost at the cut. S1 alone is one acknowledgement of two.' },
    { do: 'fire', node: 'S1', timer: 'wait.C1.1', caption: 'S1’s timer fires. Sloppy quorum: S4, the next node on the ring, stands in for S2.' },
    { do: 'next', times: 3, caption: 'S4 keeps a1 as a hint for S2 and acknowledges. S1 and S4 make two: C1’s put succeeds, though only one home replica has it.' },
    { do: 'heal', caption: 'The network heals. S2 and S3 are still stale; S4 still holds the hint.' },
    { do: 'fire', node: 'S4', timer: 'handoff', caption: 'S4’s handoff timer fires: it sends the hint to S2.' },
    { do: 'settle', caption: 'S2 takes a1 and says so; S4 drops its hint. S3 is still behind: anti-entropy or a read repair would fix it.' },
  ],
};

const antiEntropy: Scenario = {
  id: 'anti-entropy-converges',
  title: 'Anti-entropy brings a stale replica up to date',
  summary: 'The WRITE of a1 to S3 is lost and nobody reads x. The replicas whose data changed compare digests with their peers; S3 pulls a1 and all three converge.',
  config: { consistency: 'dynamo', readRepair: false },
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1'),
    { do: 'drop', message: { type: 'WRITE', to: 'S3' }, caption: 'The WRITE to S3 is lost: S3 is stale, and no read will come to repair it.' },
    { do: 'settle', caption: 'S1 and S2 changed, so each compares digests with its peers. S1’s digest shows S3 what it lacks; S3 asks for x and S1 pushes a1. Rounds go on until every node finds its peers in step.' },
  ],
};

const staleAllowed: Scenario = {
  id: 'dynamo-stale-read-allowed',
  title: 'A stale read that dynamo allows',
  summary: 'With R = 1 and W = 1, C1’s put returns once S1 has it and C2 reads S2 before a1 arrives there. C2 reads nothing: stale, and no invariant breaks, because dynamo does not promise linearizability.',
  config: { ...dynamo, r: 1, w: 1 },
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1', 'W = 1: S1’s own copy is enough, so it answers at once. Its WRITEs to S2 and S3 are still on their way.'),
    deliver('PUT_OK', 'S1', 'C1', 'C1’s put of a1 is done.'),
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2', 'R = 1: S2 answers from its own copy, which does not have a1 yet.'),
    deliver('GET_OK', 'S2', 'C2', 'C2 reads nothing after C1’s write completed: a stale read. Dynamo trades this for answering with one replica; the linearizable promise would forbid it.'),
    { do: 'settle', caption: 'The WRITEs arrive: the replicas converge, and nothing acknowledged was lost. That is all dynamo promised.' },
  ],
};

export const dynamoScenarios: readonly Scenario[] = [siblings, readRepair, sloppy, antiEntropy, staleAllowed];
