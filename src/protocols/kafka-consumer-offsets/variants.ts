// The correct protocol and four deliberately broken ones. Each replaces one named guard of a
// role's machine with `machine.provide(...)`: the statechart stays the same, and the whole
// difference is the line below. Each breaks the promise of one semantics, so each always runs
// under that semantics (its config pins); the fencing ones need a second consumer for the zombie's
// successor, and their search starts with the zombie (checking.ts).
import { runUntil, type VariantDefinition } from '../kit';
import { broker } from './broker';
import { zombieStart } from './checking';
import { consumer } from './consumer';

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Commits fenced by generation, transactions fenced with their consumer, and each semantics committing in its own order.',
  },
  {
    id: 'no-generation-fencing',
    title: 'No generation fencing',
    explanation: "The coordinator accepts a commit from any generation, so a zombie's late commit moves the offset under the new owner (breaks at-most-once).",
    machines: { broker: broker.provide({ guards: { commitAllowed: () => true } }) },
    config: { semantics: 'at-most-once', consumers: 2 },
    checkingPrefix: zombieStart(runUntil('OUTPUT', 'C2', 'sink')),
  },
  {
    id: 'auto-commit-ahead',
    title: 'Auto-commit ahead',
    explanation: 'Auto-commit commits the position of what was polled, not of what was processed: a crash loses the rest (breaks at-least-once).',
    machines: { consumer: consumer.provide({ guards: { autoCommitsPolled: () => true } }) },
    config: { semantics: 'at-least-once', commit: 'auto' },
  },
  {
    id: 'commit-before-process',
    title: 'Commit before process',
    explanation: 'The consumer commits what it polled before processing it, while promising at-least-once: a crash in between loses the batch.',
    machines: { consumer: consumer.provide({ guards: { commitsBeforeProcessing: () => true } }) },
    config: { semantics: 'at-least-once' },
  },
  {
    id: 'no-transactional-fencing',
    title: 'No transactional fencing',
    explanation: "The transaction coordinator commits a transaction from any generation, so a zombie's output is written again (breaks exactly-once).",
    machines: { broker: broker.provide({ guards: { transactionAllowed: () => true } }) },
    config: { semantics: 'exactly-once', consumers: 2 },
    checkingPrefix: zombieStart(runUntil('TXN', 'C2', 'broker')),
  },
];
