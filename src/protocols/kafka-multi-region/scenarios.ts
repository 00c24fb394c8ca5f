// The guided runs of multi-region Kafka. The same list feeds the tour picker, the unit tests and
// the end-to-end tests.
import { runUntil, type Scenario, type ScenarioStep } from '../kit';
import { produce } from './scenario-steps';

const offsetsDiffer: Scenario = {
  id: 'offsets-differ',
  title: 'Replication lag: the same record at different offsets',
  summary: "Region A produces a1 and a2, region B produces b1. Each region copies its own records in at once and the other's later, so the aggregates hold the same records at different offsets.",
  steps: [
    ...produce('A', "A client in region A produces a1: region A appends it to its stream and copies it into its own aggregate at once, at offset 0. CA, the writer, will poll it."),
    ...produce('B', "A client in region B produces b1: offset 0 of aggregate B."),
    runUntil('MIRROR_RECORDS', 'B', 'A', "Each replicator copies the other region's record in: a1 lands at offset 1 of aggregate B, b1 at offset 1 of aggregate A."),
    ...produce('A', 'Region A produces a2: at once at offset 2 of aggregate A...'),
    runUntil('MIRROR_RECORDS', 'A', 'B', '...and at offset 2 of aggregate B once copied. a1 is at 0 in A and at 1 in B: an offset means something only in its own region.'),
  ],
};

/** The regions cut apart while each produces: each aggregate gets its own records first. */
export const cutApart: readonly ScenarioStep[] = [
  { do: 'partition', groups: [['B', 'CB']], caption: 'The network cuts region B off from region A (the coordinator and the database stay with A).' },
  ...produce('B'),
  ...produce('B', 'Region B produces b1 and b2: at offsets 0 and 1 of aggregate B. A\'s replicator cannot copy them.'),
  ...produce('A'),
  ...produce('A'),
  ...produce('A', 'Region A produces a1, a2 and a3: at offsets 0, 1 and 2 of aggregate A.'),
  runUntil('OUTPUT_OK', 'database', 'CA', 'CA, the writer, processes a1 and checkpoints. Aggregate B still lacks a1 a2 a3 and aggregate A lacks b1 b2: the copies lag while B is cut off.'),
  { do: 'heal', caption: 'The network heals. CA goes on with a2 and a3, one at a time, checkpointing after each.' },
  runUntil('MIRROR_RECORDS', 'A', 'B', 'B copies a1 a2 a3 in after its own b1 b2, at offsets 2, 3 and 4 of aggregate B; A copies b1 b2 in after a1 a2 a3.'),
];

/** Then A ships a checkpoint, CA does one more record, region A is lost, and the operator fails over to B. */
export const thenFailover: readonly ScenarioStep[] = [
  ...cutApart,
  runUntil('SHIP', 'A', 'B', "Region A ships CA's checkpoint to region B: A@2, with a1 a2 done (A:2) and none of region B's (B:0)."),
  runUntil('OUTPUT_OK', 'database', 'CA', 'CA processes a3 and the database counts it; the checkpoint saying so will never reach region B.'),
  { do: 'crash', node: 'A' },
  { do: 'crash', node: 'CA', caption: 'Region A is lost: its cluster and its consumer crash before CA gets to b1 and b2.' },
  { do: 'client', node: 'coordinator', op: 'fail-over', caption: 'The operator fails over: region B is the writer now, in epoch 2.' },
  runUntil('CLAIMED', 'database', 'CB', "CB claims epoch 2 at the database: from now on the database refuses region A's output."),
];

const failoverMapped: Scenario = {
  id: 'failover-mapped',
  title: 'Active-passive failover, checkpoint mapped: nothing lost, a little done again',
  summary: 'Region A is lost after CA processed a3 but before that checkpoint reached region B. CB maps the last shipped checkpoint onto aggregate B: it does b1 and b2, skips a1 a2, and does a3 again: counted, and within the bound.',
  config: { maxPollRecords: 1 },
  steps: [
    ...thenFailover,
    runUntil('RESUME_FROM', 'B', 'CB', 'CB maps the shipped checkpoint (A:2 B:0) onto aggregate B: the first record not done there is b1, at offset 0.'),
    runUntil('OUTPUT_OK', 'database', 'CB'),
    runUntil('OUTPUT_OK', 'database', 'CB', 'CB does b1 and b2, which nobody had done.'),
    runUntil('OUTPUT_OK', 'database', 'CB', 'It skips a1 a2 (done) and does a3 again: CA did it after the last shipped checkpoint. One record done again, within the bound; nothing lost.'),
  ],
};

const failoverRaw: Scenario = {
  id: 'failover-raw-offset',
  title: 'Failover with the raw offset: records lost',
  summary: "The same failover, but CB starts at the checkpoint's offset 2 as it is. In aggregate B offset 2 holds a1, so b1 and b2 are skipped for ever.",
  variant: 'reuse-offset-across-regions',
  config: { maxPollRecords: 1 },
  steps: [
    ...thenFailover,
    runUntil('RESUME_FROM', 'B', 'CB', "CB starts at offset 2 of aggregate B, the checkpoint's offset in aggregate A. It has gone past b1 and b2, which nobody ever processed: lost."),
  ],
};

const cutAndHealed: Scenario = {
  id: 'region-cut-healed',
  title: 'A region cut off, then healed',
  summary: 'While region B is cut off, each aggregate has only its own region\'s records and the copies lag. When the network heals, the replicators catch up, each in its own order.',
  config: { maxPollRecords: 1 },
  steps: [
    ...cutApart.slice(0, -2),
    { do: 'heal', caption: 'The network heals.' },
    runUntil('MIRROR_RECORDS', 'B', 'A', "A's replicator copies b1 b2 in, after a1 a2 a3."),
    runUntil('MIRROR_RECORDS', 'A', 'B', "B's copies a1 a2 a3 in, after b1 b2: both aggregates hold the five records, in different orders. CA, the writer, reads them in aggregate A's order."),
  ],
};

const activeActive: Scenario = {
  id: 'active-active-failover',
  title: 'Active-active failover: nothing lost, nothing done again',
  summary: "Both regions process everything; only the writer's output counts. After a failover to region B, CB claims the writer role at the database, reads what is done there, and carries on from it.",
  config: { arrangement: 'active-active' },
  steps: [
    ...produce('A'),
    ...produce('B', 'Region A produces a1 and region B b1. Both consumers process both records; CA writes its output, CB discards its own: region A is the writer.'),
    runUntil('OUTPUT_OK', 'database', 'CA'),
    { do: 'client', node: 'coordinator', op: 'fail-over', caption: 'The operator fails over to region B (epoch 2), with region A still running.' },
    runUntil('CLAIMED', 'database', 'CB', 'CB claims epoch 2 at the database and reads what is done there: a1. From now on the database refuses region A\'s output.'),
    runUntil('OUTPUT_OK', 'database', 'CB', 'CB starts at the first record not done in aggregate B and writes b1, which CA, no longer the writer, discarded.'),
    ...produce('A', 'Region A produces a2.'),
    runUntil('OUTPUT_OK', 'database', 'CB', 'CB writes a2; CA discards its own. Nothing lost, nothing counted twice.'),
  ],
};

export const noFencing: Scenario = {
  id: 'no-writer-fencing-split',
  title: 'No writer fencing: both regions count',
  summary: "The message telling CA it lost the writer role is lost. CA goes on writing with epoch 1, CB writes with epoch 2, and this database counts both: a2 counts twice.",
  variant: 'no-writer-fencing',
  config: { arrangement: 'active-active' },
  steps: [
    ...produce('A', 'Region A produces a1. Both consumers process it; only CA, the writer, writes its output.'),
    runUntil('OUTPUT_OK', 'database', 'CA'),
    { do: 'client', node: 'coordinator', op: 'fail-over', caption: 'The operator fails over to region B (epoch 2).' },
    { do: 'drop', message: { type: 'WRITER', to: 'CA' }, caption: 'The message telling CA it is no longer the writer is lost: CA still believes it writes in epoch 1.' },
    runUntil('CLAIMED', 'database', 'CB', 'CB hears it is the writer and claims epoch 2 at the database.'),
    { do: 'partition', groups: [['coordinator']], caption: 'Then the coordinator is cut off, before it can tell CA again.' },
    ...produce('A', 'Region A produces a2.'),
    runUntil('OUTPUT_OK', 'database', 'CA', 'CA, still believing it is the writer, writes a2 with epoch 1, and this database counts it although it knows of epoch 2.'),
    runUntil('OUTPUT', 'CB', 'database', "CB writes a2 too, with epoch 2, and it counts again: two regions' outputs count for one record."),
  ],
};

export const scenarios: readonly Scenario[] = [offsetsDiffer, failoverMapped, failoverRaw, activeActive, noFencing, cutAndHealed];
