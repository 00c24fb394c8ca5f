// The correct store and six deliberately broken ones. Each swaps one named rule (a guard of the
// storage node, guards.ts) with `machine.provide`, and pins the consistency whose promise it
// breaks: the first four break the linearizable register, the last two the dynamo store.
import type { VariantDefinition } from '../kit';
import { prefixes } from './checking';
import type { Settings } from './storage-context';
import { storage } from './storage';

const linearizable = { consistency: 'linearizable' } as const;

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Quorums that overlap (R + W > N), reads that write back, puts that ask for the highest tag; version vectors, read repair and anti-entropy under dynamo.',
  },
  {
    id: 'r-plus-w-not-above-n',
    title: 'R + W not above N',
    explanation: 'Linearizable promise: a read phase ends after N − W replies, so a read quorum need not meet the last write quorum: a read can miss a completed write.',
    config: linearizable,
    machines: { storage: storage.provide({ guards: { readQuorum: (_: unknown, p: { replies: number; settings: Settings }) => p.replies >= Math.max(1, p.settings.n - p.settings.w) } as never }) },
  },
  {
    id: 'no-read-write-back',
    checkingPrefix: prefixes['no-read-write-back'],
    title: 'No read write-back',
    explanation: 'Linearizable promise: a get returns the newest value it saw without writing it back to a write quorum, so a later read can return the older value: new, then old.',
    config: linearizable,
    machines: { storage: storage.provide({ guards: { writesBackFirst: () => false } }) },
  },
  {
    id: 'single-phase-write',
    checkingPrefix: prefixes['single-phase-write'],
    title: 'Single-phase write',
    explanation: 'Linearizable promise: a put skips asking a quorum for the highest tag and takes its coordinator’s own tag plus one, so it can be ordered before a write that finished before it began.',
    config: linearizable,
    machines: { storage: storage.provide({ guards: { asksForTag: () => false } }) },
  },
  {
    id: 'sloppy-quorum',
    checkingPrefix: prefixes['sloppy-quorum'],
    title: 'Sloppy quorum under a linearizable promise',
    explanation: 'Linearizable promise: stand-ins answer for home replicas that time out, and their acknowledgements count toward W, so a read of the home replicas can miss an acknowledged write.',
    config: linearizable,
    machines: { storage: storage.provide({ guards: { usesStandIns: () => true } }) },
  },
  {
    id: 'last-write-wins',
    title: 'Last write wins',
    explanation: 'Dynamo promise: coordinators stamp writes with their own clocks and replicas keep the highest stamp, so a concurrent write, or with skewed clocks a later one, is silently lost.',
    config: { consistency: 'dynamo' },
    machines: { storage: storage.provide({ guards: { stampsWithClock: () => true } }) },
    // The only variant whose coordinators read their clocks: a PUT is stamped with tick + skew.
    clock: { storage: ['PUT'] },
  },
  {
    id: 'no-read-repair-no-anti-entropy',
    title: 'No read repair, no anti-entropy',
    explanation: 'Dynamo promise: read repair and anti-entropy are switched on but do nothing, so a replica that missed a write stays stale forever.',
    config: { consistency: 'dynamo', readRepair: true, antiEntropy: true },
    machines: { storage: storage.provide({ guards: { repairs: () => false } }) },
  },
];
