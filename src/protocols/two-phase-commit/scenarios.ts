// The guided runs of two-phase commit. The same list feeds the tour picker, the unit tests
// (each is compiled and its narration snapshot-tested) and the end-to-end tests.
import type { Scenario } from '../kit';
import { brokenScenarios } from './scenarios-broken';

const prepareAll = [
  { do: 'deliver', message: { type: 'PREPARE', to: 'P1' } },
  { do: 'deliver', message: { type: 'PREPARE', to: 'P2' } },
  { do: 'deliver', message: { type: 'PREPARE', to: 'P3' } },
] as const;

const happyCommit: Scenario = {
  id: 'happy-commit',
  title: 'Everyone votes YES',
  summary: 'The coordinator collects three YES votes, logs COMMIT, sends it, and finishes once every participant has acknowledged.',
  steps: [
    {
      do: 'client',
      node: 'coordinator',
      op: 'begin',
      caption: 'A client asks the coordinator to commit. It logs the start of the transaction and sends PREPARE to every participant.',
    },
    {
      do: 'deliver',
      message: { type: 'PREPARE', to: 'P1' },
      caption: 'P1 can commit. It writes its YES vote to its log before answering: from now on it is in doubt and must wait for the decision.',
    },
    { do: 'deliver', message: { type: 'PREPARE', to: 'P2' } },
    { do: 'deliver', message: { type: 'PREPARE', to: 'P3' }, caption: 'P2 and P3 vote YES too.' },
    { do: 'next', times: 3, caption: 'With the third YES the coordinator decides COMMIT, writes it to its log, and only then sends it.' },
    { do: 'settle', caption: 'Each participant commits, logs its outcome and acknowledges. With every ACK in, the coordinator is finished.' },
  ],
};

const oneNoVote: Scenario = {
  id: 'one-no-vote',
  title: 'One participant votes NO',
  summary: 'P2 cannot commit. One NO vote is enough: the coordinator decides ABORT and every participant aborts.',
  steps: [
    { do: 'client', node: 'P2', op: 'vote-no', caption: 'P2 will not be able to commit its part of the transaction: it will vote NO.' },
    { do: 'client', node: 'coordinator', op: 'begin', caption: 'The coordinator starts the transaction and asks for votes.' },
    ...prepareAll.slice(0, 2),
    {
      ...prepareAll[2],
      caption: 'P2 votes NO and aborts at once: a NO vote promises nothing, so it need not wait. P1 and P3 voted YES and are in doubt.',
    },
    { do: 'deliver', message: { type: 'VOTE', from: 'P2' }, caption: 'A single NO is enough: the coordinator decides ABORT, logs it and sends it.' },
    { do: 'settle', caption: 'P1 and P3 abort too. Everyone agrees, even though most voted YES.' },
  ],
};

const coordinatorCrashAfterPrepare: Scenario = {
  id: 'coordinator-crash-after-prepare',
  title: 'The coordinator crashes after PREPARE',
  summary: 'Every participant votes YES, then the coordinator crashes. The participants are blocked in doubt until it comes back.',
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll,
    {
      do: 'crash',
      node: 'coordinator',
      caption: 'Every participant has voted YES, and the coordinator crashes before it hears the votes. The participants are now blocked.',
    },
    {
      do: 'next',
      times: 6,
      caption: 'The votes are lost. Each participant keeps asking the coordinator, but nobody answers: having voted YES, none may decide alone.',
    },
    {
      do: 'restart',
      node: 'coordinator',
      caption: 'The coordinator restarts. Its log shows a started transaction but no decision, so it presumes ABORT, logs it and sends it.',
    },
    { do: 'settle', caption: 'The participants learn the decision and abort. They were blocked for as long as the coordinator was down.' },
  ],
};

const coordinatorCrashAfterCommit: Scenario = {
  id: 'coordinator-crash-after-commit-logged',
  title: 'The coordinator crashes after logging COMMIT',
  summary: 'The coordinator logs COMMIT and crashes while telling the participants. Its log lets it finish the job when it restarts.',
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll,
    { do: 'next', times: 3, caption: 'Every vote is YES: the coordinator logs COMMIT and starts sending it.' },
    { do: 'crash', node: 'coordinator', caption: 'The coordinator crashes. The decision survives in its log.' },
    { do: 'deliver', message: { type: 'COMMIT', to: 'P1' }, caption: 'P1 receives COMMIT and commits; its ACK will find nobody.' },
    { do: 'drop', message: { type: 'COMMIT', to: 'P2' } },
    { do: 'drop', message: { type: 'COMMIT', to: 'P3' }, caption: 'The COMMITs to P2 and P3 are lost. They stay in doubt.' },
    { do: 'next', times: 3 },
    {
      do: 'restart',
      node: 'coordinator',
      caption: 'The coordinator restarts, finds COMMIT in its log and sends it again. It could never presume ABORT here.',
    },
    { do: 'settle', caption: 'P2 and P3 commit, P1 acknowledges again, and the transaction is finished: all three committed.' },
  ],
};

const lostVote: Scenario = {
  id: 'lost-vote-timeout',
  title: 'A lost vote leads to ABORT',
  summary: "P2's YES vote is lost. The coordinator cannot wait forever: its vote timeout fires and it decides ABORT.",
  steps: [
    { do: 'client', node: 'coordinator', op: 'begin' },
    ...prepareAll,
    { do: 'drop', message: { type: 'VOTE', from: 'P2' }, caption: "P2's YES vote is lost in the network." },
    { do: 'next', times: 2, caption: 'The coordinator has two YES votes and waits for the third.' },
    {
      do: 'fire',
      node: 'coordinator',
      timer: 'voteTimeout',
      caption: 'The vote timeout fires. Without every vote the coordinator may not commit, so it decides ABORT.',
    },
    { do: 'settle', caption: 'Every participant aborts. P2 voted YES, but a YES vote is a promise to obey, not a decision.' },
  ],
};

export const scenarios: readonly Scenario[] = [
  happyCommit,
  oneNoVote,
  coordinatorCrashAfterPrepare,
  coordinatorCrashAfterCommit,
  lostVote,
  ...brokenScenarios,
];
