// The failing run of each broken variant: the shortest story that shows its violation.
import type { Scenario } from '../kit';

const prepareAll = [
  { do: 'deliver', message: { type: 'PREPARE', to: 'P1' } },
  { do: 'deliver', message: { type: 'PREPARE', to: 'P2' } },
  { do: 'deliver', message: { type: 'PREPARE', to: 'P3' } },
] as const;

const noDecisionLog: Scenario = {
  id: 'no-decision-log-split',
  title: 'No decision log: COMMIT forgotten',
  summary: 'The coordinator sends COMMIT before logging it and crashes. After restarting it presumes ABORT, while P1 has already committed.',
  variant: 'no-decision-log',
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll,
    { do: 'next', times: 3, caption: 'Every vote is YES. This coordinator sends COMMIT without writing it to its log first.' },
    { do: 'deliver', message: { type: 'COMMIT', to: 'P1' }, caption: 'P1 commits.' },
    { do: 'crash', node: 'coordinator', caption: 'The coordinator crashes: the decision was only in its memory.' },
    { do: 'drop', message: { type: 'COMMIT', to: 'P2' } },
    { do: 'drop', message: { type: 'COMMIT', to: 'P3' }, caption: 'The COMMITs to P2 and P3 are lost.' },
    {
      do: 'restart',
      node: 'coordinator',
      caption: 'The restarted coordinator finds a started transaction and no decision, so it presumes ABORT.',
    },
    {
      do: 'deliver',
      message: { type: 'ABORT', to: 'P2' },
      caption: 'P2 aborts while P1 has committed: atomicity is broken.',
    },
    { do: 'settle' },
  ],
};

const forgetfulParticipant: Scenario = {
  id: 'forgetful-participant-split',
  title: 'Forgetful participant: a promise lost in a crash',
  summary: 'P2 votes YES without logging it, crashes and restarts. Remembering no promise, it aborts, while the others commit.',
  variant: 'forgetful-participant',
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll.slice(0, 1),
    { ...prepareAll[1], caption: 'P2 votes YES but does not write its vote to its log.' },
    prepareAll[2],
    { do: 'crash', node: 'P2', caption: 'P2 crashes. Its YES vote is already on its way to the coordinator.' },
    {
      do: 'restart',
      node: 'P2',
      caption: 'P2 restarts and finds no vote in its log. Believing it never promised anything, it aborts.',
    },
    { do: 'next', times: 3, caption: 'The coordinator has three YES votes and decides COMMIT.' },
    { do: 'settle', caption: 'P1 and P3 commit while P2 has aborted: atomicity is broken.' },
  ],
};

const impatientParticipant: Scenario = {
  id: 'impatient-participant-split',
  title: 'Impatient participant: giving up in doubt',
  summary: 'The COMMIT to P3 is lost. P3 gives up waiting and aborts, while the others commit.',
  variant: 'impatient-participant',
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll,
    { do: 'next', times: 3, caption: 'Every vote is YES: the coordinator logs COMMIT and sends it.' },
    { do: 'drop', message: { type: 'COMMIT', to: 'P3' }, caption: 'The COMMIT to P3 is lost.' },
    { do: 'next', times: 2, caption: 'P1 and P2 commit.' },
    {
      do: 'fire',
      node: 'P3',
      timer: 'query',
      caption: 'P3 has heard nothing. Instead of asking the coordinator, it gives up and aborts: atomicity is broken.',
    },
    { do: 'settle' },
  ],
};

export const brokenScenarios: readonly Scenario[] = [noDecisionLog, forgetfulParticipant, impatientParticipant];
