// The failing run of each broken variant: the shortest story that breaks the promise its
// semantics makes.
import { deliver, runUntil, type Scenario } from '../kit';
import { produce } from './scenario-steps';
import { formGroup } from './scenario-steps';
import { zombieSteps } from './scenarios-zombie';

const autoCommitAhead: Scenario = {
  id: 'auto-commit-ahead-loses',
  title: 'Auto-commit ahead: a crash loses records',
  summary: 'Auto-commit commits the position of what C1 polled, before C1 has processed it. C1 crashes: the records sit below the committed offset, never processed.',
  variant: 'auto-commit-ahead',
  config: { commit: 'auto', partitions: 1 },
  steps: [
    ...formGroup,
    ...produce(),
    ...produce('The producer appends r1 and r2 to p0, which C1 owns.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1 and r2. Processing them takes a moment.'),
    { do: 'fire', node: 'C1', timer: 'auto-commit', caption: 'Meanwhile the auto-commit timer fires. This auto-commit commits the position, p0=2, past records C1 has not processed.' },
    deliver('COMMIT', 'C1', 'broker', 'The coordinator commits p0=2.'),
    { do: 'crash', node: 'C1', caption: 'C1 crashes before processing r1 and r2. They are below the committed offset and nothing holds them: lost, under a configuration that promises at-least-once.' },
  ],
};

const commitBeforeProcess: Scenario = {
  id: 'commit-before-process-loses',
  title: 'Commit before process: a crash loses a record',
  summary: 'Declared at-least-once, this consumer commits what it polled before processing it. A crash in between loses the record.',
  variant: 'commit-before-process',
  config: { partitions: 1 },
  steps: [
    ...formGroup,
    ...produce('The producer appends r1 to p0, which C1 owns.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1, and commits p0=1 before processing it: the order at-most-once uses.'),
    runUntil('COMMITTED', 'broker', 'C1', 'The commit is confirmed. C1 is about to process r1.'),
    { do: 'crash', node: 'C1', caption: 'C1 crashes first. r1 is below the committed offset and nothing holds it: lost, although this configuration promises at-least-once.' },
  ],
};

const noGenerationFencing: Scenario = {
  id: 'no-generation-fencing-duplicates',
  title: 'No generation fencing: a zombie\'s commit lets it process twice',
  summary: 'At-most-once. C1 commits r1 and is cut off; C2 takes p0 over and processes r1. When C1\'s late commit arrives, the coordinator accepts it, so C1 processes r1 too.',
  variant: 'no-generation-fencing',
  config: { semantics: 'at-most-once' },
  steps: [
    ...zombieSteps(runUntil('OUTPUT', 'C2', 'sink', 'C2 polls r1, commits p0=1 for generation 2, then processes r1. At-most-once, done right.')),
    runUntil('COMMITTED', 'broker', 'C1', 'C1\'s commit of p0=1, sent before the cut for generation 1, arrives again. This coordinator does not check the generation: it accepts it.'),
    runUntil('OUTPUT', 'C1', 'sink', 'So C1 processes r1 as well: the sink has it twice, under a configuration that promises at-most-once.'),
  ],
};

const noTransactionalFencing: Scenario = {
  id: 'no-transactional-fencing-duplicates',
  title: 'No transactional fencing: a zombie\'s output written twice',
  summary: 'Exactly-once. C1 is cut off with its transaction for r1 on the way; C2 commits r1 in its own. When C1\'s transaction arrives, this coordinator commits it too.',
  variant: 'no-transactional-fencing',
  config: { semantics: 'exactly-once' },
  steps: [
    ...zombieSteps(runUntil('TXN', 'C2', 'broker', 'C2 polls r1 and commits its output with the offset in one transaction, for generation 2.')),
    runUntil('TXN', 'C1', 'broker', 'C1\'s transaction for r1, from generation 1, arrives. This transaction coordinator does not fence it: it commits it.'),
    runUntil('WRITE', 'broker', 'sink', 'The sink gets r1 from both transactions: processed twice, under a configuration that promises exactly-once.'),
  ],
};

export const brokenScenarios: readonly Scenario[] = [autoCommitAhead, commitBeforeProcess, noGenerationFencing, noTransactionalFencing];
