// The guided runs of Kafka consumer offsets. The same list feeds the tour picker, the unit tests
// (each is compiled and its narration snapshot-tested) and the end-to-end tests.
import { runUntil, type Scenario } from '../kit';
import { formGroup, formGroupAlone, produce } from './scenario-steps';
import { brokenScenarios } from './scenarios-broken';
import { zombieScenarios } from './scenarios-zombie';

const happy: Scenario = {
  id: 'happy-path',
  title: 'A group forms and consumes',
  summary: 'C1 and C2 join and split the two partitions. Each polls a record, processes it, and only then commits the offset after it.',
  steps: [
    ...formGroup,
    ...produce(),
    ...produce('The producer appends r1 to p0 and r2 to p1: each partition is an append-only log with its log end.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1 from p0 and C2 polls r2 from p1. Their positions move past them, but nothing is committed yet.'),
    runUntil('OUTPUT_OK', 'sink', 'C1', 'Each processes its record: the sink records r1 and r2. Only then do they commit (at-least-once: process, then commit).'),
    runUntil('COMMIT', 'C1', 'broker'),
    runUntil('COMMIT', 'C2', 'broker', 'The coordinator writes the committed offsets to disk: whoever owns p0 or p1 next starts after r1 or r2.'),
  ],
};

const crashAtMostOnce: Scenario = {
  id: 'crash-at-most-once',
  title: 'At-most-once: a crash loses a record',
  summary: 'C1 commits r1 before processing it, then crashes. The next owner starts after r1: it is never processed, but nothing is processed twice.',
  config: { semantics: 'at-most-once' },
  steps: [
    ...formGroup,
    ...produce('The producer appends r1 to p0.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1. At-most-once commits first: C1 sends COMMIT p0=1 before processing anything.'),
    runUntil('COMMITTED', 'broker', 'C1', 'The commit is confirmed, and C1 would now process r1...'),
    { do: 'crash', node: 'C1', caption: '...but it crashes first. A consumer keeps nothing: r1 is gone from it.' },
    runUntil('ASSIGNED', 'broker', 'C2', 'C1 sends no more heartbeats. After the session timeout the coordinator removes it, and C2 gets p0, starting at the committed offset 1: r1 is lost. At-most-once allows that.'),
  ],
};

const crashAtLeastOnce: Scenario = {
  id: 'crash-at-least-once',
  title: 'At-least-once: a crash processes a record twice',
  summary: 'C1 processes r1 and crashes before committing. The next owner starts from the last committed offset and processes r1 again; nothing is lost.',
  steps: [
    ...formGroup,
    ...produce('The producer appends r1 to p0.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1.'),
    runUntil('OUTPUT', 'C1', 'sink', 'C1 processes r1: the sink records it.'),
    { do: 'crash', node: 'C1', caption: 'C1 crashes before it hears the OK, so before it commits: p0 still has nothing committed.' },
    runUntil('ASSIGNED', 'broker', 'C2', 'After the session timeout C1 is removed and C2 gets p0. Nothing is committed, so it starts at the first record.'),
    runUntil('OUTPUT', 'C2', 'sink', 'C2 polls and processes r1 again: the sink has it twice. At-least-once allows that, and nothing was lost.'),
  ],
};

const crashExactlyOnce: Scenario = {
  id: 'crash-exactly-once',
  title: 'Exactly-once survives a crash',
  summary: 'C1 sends r1 and its offset as one transaction and crashes before hearing back. The transaction committed both, so C2 starts after r1 and the sink has it once.',
  config: { semantics: 'exactly-once' },
  steps: [
    ...formGroup,
    ...produce('The producer appends r1 to p0.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1.'),
    runUntil('TXN', 'C1', 'broker', 'C1 processes r1 and sends the output with the offset p0=1 as one transaction. The transaction coordinator commits both at once.'),
    { do: 'crash', node: 'C1', caption: 'C1 crashes before it hears that the transaction committed.' },
    runUntil('WRITE', 'broker', 'sink', 'The committed output reaches the sink: r1, once.'),
    runUntil('ASSIGNED', 'broker', 'C2', 'After the session timeout C2 gets p0 and starts at the committed offset 1, after r1: nothing twice, nothing lost.'),
  ],
};

const joins: Scenario = {
  id: 'rebalance-on-join',
  title: 'A consumer joins: a rebalance',
  summary: 'C1 owns both partitions. When C2 starts and joins, C1 finishes its batch, commits, and rejoins; generation 2 gives p1 to C2, which starts from C1\'s committed offset.',
  steps: [
    ...formGroupAlone,
    ...produce(),
    ...produce('r1 goes to p0 and r2 to p1, both C1\'s.'),
    runUntil('COMMIT', 'C1', 'broker', 'C1 polls r1 and r2, processes them and commits p0=1 p1=1.'),
    ...produce('The producer appends r3 to p0.'),
    { do: 'restart', node: 'C2', caption: 'C2 starts and asks to join.' },
    runUntil('JOIN', 'C2', 'broker', 'A new member starts a rebalance: the coordinator waits for C1 to rejoin. C1 does not know yet, and goes on with r3.'),
    runUntil('HEARTBEAT_REPLY', 'broker', 'C1', 'C1 learns of the rebalance from its next heartbeat. It finishes its batch and commits it, still in generation 1.'),
    runUntil('JOIN', 'C1', 'broker', 'Then C1 gives up its partitions and rejoins. Everyone has joined: generation 2 starts.'),
    runUntil('SYNC', 'C1', 'broker', 'C1, the leader again, gives p0 to itself and p1 to C2.'),
    runUntil('ASSIGNED', 'broker', 'C2', 'C2 starts p1 at the offset C1 committed: nothing on p1 is read twice, nothing skipped.'),
  ],
};

const lostCommit: Scenario = {
  id: 'lost-commit',
  title: 'A lost commit: processed again after a crash',
  summary: 'With async commits C1 does not wait for the answer. Its commit of r1 is lost, and it crashes before the next one: C2 processes r1 again.',
  config: { commit: 'async', partitions: 1 },
  steps: [
    ...formGroup,
    ...produce('The producer appends r1 to p0, which C1 owns.'),
    runUntil('OUTPUT_OK', 'sink', 'C1', 'C1 polls and processes r1, and sends COMMIT p0=1 without waiting for the answer (async).'),
    { do: 'drop', message: { type: 'COMMIT', from: 'C1' }, caption: 'The commit is lost. C1 does not know: a later commit would have covered it.' },
    { do: 'crash', node: 'C1', caption: 'But C1 crashes first. Nothing is committed on p0.' },
    runUntil('OUTPUT', 'C2', 'sink', 'After the session timeout C2 takes p0 over, starts at the first record and processes r1 again: no loss, a duplicate, as at-least-once allows.'),
  ],
};

const latest: Scenario = {
  id: 'latest-skips-records',
  title: 'auto.offset.reset=latest skips what came before',
  summary: 'r1 is produced before the group has committed anything. With auto.offset.reset=latest the consumer starts at the log end, and r1 is never processed: a loss, even with at-least-once.',
  config: { autoOffsetReset: 'latest', partitions: 1 },
  steps: [
    { do: 'client', node: 'producer', op: 'produce', caption: 'While the group forms, the producer appends r1 to p0.' },
    runUntil('ASSIGNED', 'broker', 'C1', 'C1 gets p0. Nothing is committed on it, and auto.offset.reset=latest: C1 starts at the log end, after r1.'),
    ...produce('The producer appends r2.'),
    runUntil('COMMIT', 'C1', 'broker', 'C1 processes r2 and commits p0=2. r1 is now below the committed offset and was never processed: lost, although at-least-once promised no loss. Its promise holds only with earliest.'),
  ],
};

export const scenarios: readonly Scenario[] = [
  happy,
  crashAtMostOnce,
  crashAtLeastOnce,
  crashExactlyOnce,
  joins,
  ...zombieScenarios,
  lostCommit,
  latest,
  ...brokenScenarios,
];
