// The failing run of each broken variant: the shortest story that shows the broken promise.
import { deliver, type Scenario } from '../kit';

const short = { antiEntropy: false } as const;

const staleRead: Scenario = {
  id: 'stale-read-r-plus-w',
  title: 'R + W not above N: a stale read',
  summary: 'Reads end after N − W = 1 reply. C1’s put of a1 is acknowledged by S1 and S3; C2 then reads through S2, which alone does not have a1, and gets nothing.',
  variant: 'r-plus-w-not-above-n',
  config: short,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1', 'One reply is a quorum for this variant: S1’s own tag. a1 gets (1,C1.1) at once and goes to S2 and S3.'),
    deliver('WRITE', 'S1', 'S3'),
    deliver('ACK', 'S3', 'S1', 'S1 and S3 hold a1: two acknowledgements, W = 2.'),
    deliver('PUT_OK', 'S1', 'C1', 'C1’s put of a1 has completed. The WRITE to S2 is still on its way.'),
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2', 'S2’s own reply is this variant’s whole read quorum, and S2 has nothing: 1 + 2 is not more than 3, so the quorums need not meet.'),
    deliver('GET_OK', 'S2', 'C2', 'C2 reads nothing after C1’s put completed: a stale read. The checker finds no order of the two operations that fits.'),
    { do: 'settle' },
  ],
};

const newThenOld: Scenario = {
  id: 'new-then-old',
  title: 'No read write-back: new, then old',
  summary: 'C1’s put of a1 has reached only S1 when C2 reads it through S2 and S1. C2 reads again through S2 and S3, which have nothing: the register went back in time.',
  variant: 'no-read-write-back',
  config: short,
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1'),
    deliver('READ', 'S1', 'S2'),
    deliver('VALUE', 'S2', 'S1', 'S1 gives a1 the tag (1,C1.1) and stores it. Its WRITEs to S2 and S3 are slow.'),
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S1'),
    deliver('VALUE', 'S1', 'S2', 'S2 hears a1 (1,C1.1) from S1: newer than its own nothing. This variant answers at once, without writing a1 back to a write quorum.'),
    deliver('GET_OK', 'S2', 'C2', 'C2 reads a1: only S1 has it.'),
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S3'),
    deliver('READ', 'S2', 'S3'),
    deliver('VALUE', 'S3', 'S2'),
    deliver('VALUE', 'S3', 'S2', 'This time S2 hears from S3: nothing. Two replies, both without a1. R + W > N did not help: the quorum that holds a1 is S1 alone.'),
    deliver('GET_OK', 'S2', 'C2', 'C2 reads nothing after it had read a1: new, then old. A write-back before the first answer would have put a1 on a quorum.'),
    { do: 'settle' },
  ],
};

const singlePhase: Scenario = {
  id: 'single-phase-write-reordered',
  title: 'Single-phase write: a later put ordered first',
  summary: 'C2’s put of b1 gets the tag (1,C2.1) and completes on S2 and S3. C1’s put of a1 starts after that, but S1 has not seen b1 and gives a1 its own tag (1,C1.1), lower. Reads then return b1: a1 is ordered before a write that finished before it began.',
  variant: 'single-phase-write',
  config: short,
  steps: [
    { do: 'client', node: 'C2', op: 'put-x' },
    deliver('PUT', 'C2', 'S2', 'S2 takes its own tag plus one, (1,C2.1), without asking a quorum, stores b1 and sends it on.'),
    { do: 'drop', message: { type: 'WRITE', from: 'S2', to: 'S1' }, caption: 'The WRITE to S1 is lost.' },
    deliver('WRITE', 'S2', 'S3'),
    deliver('ACK', 'S3', 'S2'),
    deliver('PUT_OK', 'S2', 'C2', 'C2’s put of b1 is done, on S2 and S3.'),
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1', 'S1 has no tag for x, so a1 gets (1,C1.1): lower than b1’s (1,C2.1), though C1 began after b1 was done.'),
    deliver('WRITE', 'S1', 'S2'),
    deliver('ACK', 'S2', 'S1', 'S2 keeps b1, the higher tag, and acknowledges: with S1, two acknowledgements.'),
    deliver('PUT_OK', 'S1', 'C1', 'C1’s put of a1 is done.'),
    { do: 'client', node: 'C1', op: 'get-x' },
    { do: 'settle', caption: 'C1 reads x and gets b1: its own later write was ordered before b1. Asking a quorum for the highest tag first would have given a1 (2,C1.1).' },
  ],
};

const sloppyStale: Scenario = {
  id: 'sloppy-quorum-stale-read',
  title: 'Sloppy quorum under a linearizable promise: a stale read',
  summary: 'S2 and S3 are cut off; S4 stands in for S2, and C1’s put of a1 succeeds on S1 and S4. After the heal, before the hint is handed off, C2 reads S2 and S3 and gets nothing.',
  variant: 'sloppy-quorum',
  config: short,
  steps: [
    { do: 'partition', groups: [['S2', 'S3']], caption: 'S2 and S3 are cut off.' },
    { do: 'client', node: 'C1', op: 'put-x' },
    { do: 'next', times: 3, caption: 'S1 asks for tags; the READs to S2 and S3 are lost at the cut.' },
    { do: 'fire', node: 'S1', timer: 'wait.C1.1', caption: 'S1 times out and asks S4 to stand in for S2.' },
    { do: 'next', times: 4, caption: 'S4 answers, and a1 gets (1,C1.1). The WRITEs to S2 and S3 are lost too.' },
    { do: 'fire', node: 'S1', timer: 'wait.C1.1', caption: 'Again S4 stands in: it keeps a1 as a hint for S2.' },
    { do: 'next', times: 3, caption: 'S1 and S4 acknowledged: C1’s put of a1 succeeds. Neither S2 nor S3 has it.' },
    { do: 'heal' },
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S3'),
    deliver('VALUE', 'S3', 'S2', 'S2 and S3, two home replicas, both have nothing: a read quorum that does not meet the sloppy write quorum.'),
    deliver('GET_OK', 'S2', 'C2', 'C2 reads nothing after C1’s put completed, while S4 still holds the hint: a stale read.'),
  ],
};

const lastWriteWins: Scenario = {
  id: 'last-write-wins-loses-a-write',
  title: 'Last write wins: a later write lost to a skewed clock',
  summary: 'S2’s clock runs 100 ticks ahead. C2 puts b1 through S2; later C1 puts a1 through S1, whose clock is right. a1 gets the lower timestamp, every replica keeps b1, and C1’s acknowledged put is gone.',
  variant: 'last-write-wins',
  config: { ...short, clockSkewTicks: 100 },
  steps: [
    { do: 'client', node: 'C2', op: 'put-x', caption: 'C2 asks S2 to put x = b1.' },
    { do: 'settle', caption: 'S2 stamps b1 with its clock: 100 ticks ahead of true time. Every home replica keeps it.' },
    { do: 'client', node: 'C1', op: 'put-x', caption: 'Later, C1 asks S1 to put x = a1. C1 never read x: a1 does not follow b1 causally, it simply comes later.' },
    { do: 'settle', caption: 'S1 stamps a1 with its right clock: lower than b1’s stamp. Each replica keeps the highest stamp, b1, and acknowledges. C1 is told its put succeeded, and a1 is gone.' },
  ],
};

const neverConverges: Scenario = {
  id: 'never-converges',
  title: 'No read repair, no anti-entropy: never converges',
  summary: 'The WRITE of a1 to S3 is lost. Read repair and anti-entropy are on but do nothing, so once everything is delivered S3 still has nothing, and even a read that hears it does not fix it.',
  variant: 'no-read-repair-no-anti-entropy',
  steps: [
    { do: 'client', node: 'C1', op: 'put-x' },
    deliver('PUT', 'C1', 'S1'),
    { do: 'drop', message: { type: 'WRITE', to: 'S3' }, caption: 'The WRITE to S3 is lost.' },
    { do: 'settle', caption: 'Nothing is pending and every node is up, yet S3 disagrees with S1 and S2: converged-when-quiet is broken.' },
    { do: 'client', node: 'C2', op: 'get-x' },
    deliver('GET', 'C2', 'S2'),
    deliver('READ', 'S2', 'S3'),
    deliver('VALUE', 'S3', 'S2', 'S2 hears S3’s nothing and answers a1, but sends no repair.'),
    { do: 'settle', caption: 'S3 is stale for good.' },
  ],
};

export const brokenScenarios: readonly Scenario[] = [staleRead, newThenOld, singlePhase, sloppyStale, lastWriteWins, neverConverges];
