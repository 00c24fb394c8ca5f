// The correct protocol and three deliberately broken ones. Each broken variant replaces one
// named action or guard of a role's machine with `machine.provide(...)`: the statechart stays
// the same, and the whole difference is the few lines below.
import type { VariantDefinition } from '../kit';
import { coordinator, coordinatorSetup } from './coordinator';
import { participant, participantSetup } from './participant';

/** Sends the decision first and writes it to the log only once every participant has acknowledged it. */
const coordinatorWithoutDecisionLog = coordinator.provide({
  actions: {
    logDecision: coordinatorSetup.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'note', params: { text: 'sends its decision without writing it to its log first' } });
    }),
    logEnd: coordinatorSetup.enqueueActions(({ enqueue, context }) => {
      if (context.decision !== null) enqueue({ type: 'persist', params: { data: { decision: context.decision, ended: true } } });
    }),
  },
});

/** Votes YES without writing the vote to its log, so a crash erases the promise. */
const forgetfulParticipant = participant.provide({
  actions: {
    logVote: participantSetup.enqueueActions(({ enqueue }) => {
      enqueue({ type: 'note', params: { text: 'does not write its YES vote to its log' } });
    }),
  },
});

/** Gives up waiting: when its query timer fires while in doubt, it aborts on its own. */
const impatientParticipant = participant.provide({ guards: { impatient: () => true } });

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Two-phase commit with a decision log, vote logging, and participants that wait while in doubt.',
  },
  {
    id: 'no-decision-log',
    title: 'No decision log',
    explanation: 'The coordinator sends its decision before writing it to its log.',
    machines: { coordinator: coordinatorWithoutDecisionLog },
  },
  {
    id: 'forgetful-participant',
    title: 'Forgetful participant',
    explanation: 'A participant votes YES without writing the vote to its log.',
    machines: { participant: forgetfulParticipant },
  },
  {
    id: 'impatient-participant',
    title: 'Impatient participant',
    explanation: 'A prepared participant aborts on its own when it hears nothing for a while.',
    machines: { participant: impatientParticipant },
  },
];
