// The words shown beside the simulator: multi-region Kafka and what a failover takes.
import type { Explainer } from '../kit';

export const explainer: Explainer = {
  intro: [
    'Each region runs its own Kafka cluster. A producer writes only to its own region\'s stream: PA to region A\'s, PB to region B\'s, and its records are named after it (a1, a2 from A; b1 from B). Every region also keeps an aggregate stream holding every region\'s records: its own are copied in at once, and a replicator copies the other regions\' streams in on a timer. A copy can lag, be delayed, or be cut off by a partition, so each aggregate gets the same records in its own order: the same record has a different offset in each region.',
    'One consumer\'s output counts: the writer\'s, which a coordinator names under an epoch that only grows, and the shared database counts output only from the writer of the newest epoch it has seen. Active-passive: the writer, in one region, processes its aggregate and checkpoints its progress, which its cluster ships to the other regions on a timer; the other consumers stand by. Active-active: every region\'s consumer does the same work, and the non-writers discard their output.',
    'A failover (the coordinator\'s "Fail over to the next region") moves the writer. The new writer claims its epoch at the database, which from then on refuses the old writer\'s output, and finds where to start. A checkpoint records progress by source region (how many of A\'s records, how many of B\'s are done), because its offset counts in the old region\'s aggregate; mapped onto the new region\'s aggregate it gives the first record not yet done, and the records after it that can be skipped.',
  ],
  lesson: [
    'Active-passive reprocesses what the old writer did after its last shipped checkpoint: no more (bounded-reprocessing), and nothing is skipped (no-loss). Use the checkpoint\'s offset as it is, in a region where the same offset holds another record, and records are skipped or done again: the broken variant reuse-offset-across-regions.',
    'Active-active loses nothing and reprocesses nothing at a failover, because the new writer reads what is done from the database itself, but it needs the database to fence the old writer: a region that has not heard it lost the role keeps writing, and without the epoch check its output and the new writer\'s both count (no-writer-fencing, caught by single-writer).',
    'Cut a region off and its aggregate falls behind (replication-lag): the writer there sees the other regions\' records late, but still sees them, in its own order.',
  ],
};
