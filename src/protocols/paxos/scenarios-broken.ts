// The failing run of each broken variant: the shortest story that shows two values chosen.
import { deliver, type Scenario, type ScenarioStep } from '../kit';


/** P1 gets A chosen by A1 and A2; A3 hears nothing. The ACCEPTED messages stay in flight. */
export const chooseAWithoutA3: readonly ScenarioStep[] = [
  { do: 'client', node: 'P1', op: 'propose' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('PREPARE', 'P1', 'A2'),
  { do: 'drop', message: { type: 'PREPARE', to: 'A3' } },
  deliver('PROMISE', 'A1', 'P1'),
  deliver('PROMISE', 'A2', 'P1'),
  deliver('ACCEPT', 'P1', 'A1'),
  deliver('ACCEPT', 'P1', 'A2', 'A1 and A2 accept A in ballot (1,P1): a majority, so A is chosen.'),
  { do: 'drop', message: { type: 'ACCEPT', to: 'A3' } },
];

/**
 * A accepted by A1 alone in (1,P1); B chosen by A2 and A3 in the higher (1,P2); neither proposer
 * has heard of the other's value, and the news of B is lost. P1's retry timer is still pending:
 * its next ballot will hear of A from A1 and of B from A2 or A3.
 */
export const splitAcceptances: readonly ScenarioStep[] = [
  { do: 'client', node: 'P1', op: 'propose' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('PREPARE', 'P1', 'A2'),
  { do: 'drop', message: { type: 'PREPARE', to: 'A3' } },
  deliver('PROMISE', 'A1', 'P1'),
  deliver('PROMISE', 'A2', 'P1'),
  deliver('ACCEPT', 'P1', 'A1', 'A1 accepts A in ballot (1,P1). One acceptance of three: nothing is chosen.'),
  { do: 'drop', message: { type: 'ACCEPT', to: 'A2' } },
  { do: 'drop', message: { type: 'ACCEPT', to: 'A3' }, caption: 'P1’s other ACCEPT messages are lost.' },
  { do: 'drop', message: { type: 'ACCEPTED', from: 'A1', to: 'P1' } },
  { do: 'drop', message: { type: 'ACCEPTED', from: 'A1', to: 'P2' } },
  { do: 'client', node: 'P2', op: 'propose' },
  { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A1' } },
  deliver('PREPARE', 'P2', 'A2'),
  deliver('PREPARE', 'P2', 'A3'),
  deliver('PROMISE', 'A2', 'P2'),
  deliver('PROMISE', 'A3', 'P2', 'Neither promise reports an accepted value, so P2 proposes its own B.'),
  { do: 'drop', message: { type: 'ACCEPT', from: 'P2', to: 'A1' } },
  deliver('ACCEPT', 'P2', 'A2'),
  deliver('ACCEPT', 'P2', 'A3', 'A2 and A3 accept B in ballot (1,P2): B is chosen.'),
  { do: 'drop', message: { type: 'ACCEPTED', to: 'P1' } },
  { do: 'drop', message: { type: 'ACCEPTED', to: 'P1' } },
  { do: 'drop', message: { type: 'ACCEPTED', to: 'P2' } },
  { do: 'drop', message: { type: 'ACCEPTED', to: 'P2' }, caption: 'The news that B is chosen is lost on its way to both proposers.' },
];

const lowest: Scenario = {
  id: 'adopts-lowest-ballot-two-values',
  title: 'Adopts the lowest ballot: two values chosen',
  summary: 'B is chosen in ballot (1,P2), after A1 alone accepted A in (1,P1). P1 tries again, hears of both, and proposes A, the value of the lower ballot.',
  variant: 'adopts-lowest-ballot',
  steps: [
    ...splitAcceptances,
    { do: 'fire', node: 'P1', timer: 'retry', caption: 'P1’s retry timer fires. It starts the higher ballot (2,P1).' },
    deliver('PREPARE', 'P1', 'A1'),
    deliver('PREPARE', 'P1', 'A2'),
    deliver('PROMISE', 'A1', 'P1'),
    deliver('PROMISE', 'A2', 'P1', 'A1 reports A accepted in (1,P1), A2 reports B in (1,P2). B, the higher, may be chosen (it is); this proposer takes A, the lower.'),
    deliver('ACCEPT', 'P1', 'A1'),
    deliver('ACCEPT', 'P1', 'A2', 'A1 and A2 accept A in ballot (2,P1): a second value is chosen. Agreement is broken.'),
  ],
};

const forgetful: Scenario = {
  id: 'forgetful-acceptor-two-values',
  title: 'Forgetful acceptor: two values chosen',
  summary: 'A is chosen by A1 and A2. A1 does not log, crashes and forgets; then P2 gets B accepted by A1 and A3, another majority.',
  variant: 'forgetful-acceptor',
  steps: [
    ...chooseAWithoutA3,
    { do: 'crash', node: 'A1', caption: 'A1 crashes. It never wrote its promise or its acceptance to its log.' },
    { do: 'restart', node: 'A1', caption: 'A1 restarts with an empty log: it has forgotten that it accepted A.' },
    { do: 'client', node: 'P2', op: 'propose' },
    deliver('PREPARE', 'P2', 'A1'),
    deliver('PREPARE', 'P2', 'A3'),
    deliver('PROMISE', 'A1', 'P2'),
    deliver('PROMISE', 'A3', 'P2', 'Neither promise reports an accepted value, so P2 proposes its own B.'),
    deliver('ACCEPT', 'P2', 'A1'),
    deliver('ACCEPT', 'P2', 'A3', 'A1 and A3 accept B: a second majority, a second value. Agreement is broken.'),
  ],
};

const ignores: Scenario = {
  id: 'ignores-accepted-value-two-values',
  title: 'Ignores accepted value: two values chosen',
  summary: 'A is chosen by A1 and A2. A2 tells P2 so in its promise, but P2 proposes its own B anyway, and A2 and A3 accept it.',
  variant: 'ignores-accepted-value',
  steps: [
    ...chooseAWithoutA3,
    { do: 'client', node: 'P2', op: 'propose' },
    deliver('PREPARE', 'P2', 'A2'),
    deliver('PREPARE', 'P2', 'A3'),
    deliver('PROMISE', 'A2', 'P2'),
    deliver('PROMISE', 'A3', 'P2', 'A2’s promise reports A accepted in (1,P1). This proposer ignores it and proposes its own B.'),
    deliver('ACCEPT', 'P2', 'A2'),
    deliver('ACCEPT', 'P2', 'A3', 'A2 and A3 accept B in the higher ballot (1,P2): a second value is chosen. Agreement is broken.'),
  ],
};

const minority: Scenario = {
  id: 'minority-quorum-two-values',
  title: 'Minority quorum: two values chosen',
  summary: 'Each proposer goes ahead with one promise out of three. The two "quorums" do not overlap, so neither hears of the other’s value.',
  variant: 'minority-quorum',
  steps: [
    { do: 'client', node: 'P1', op: 'propose' },
    deliver('PREPARE', 'P1', 'A1'),
    deliver('PROMISE', 'A1', 'P1', 'A1 promises (1,P1). One promise is enough for this proposer: it sends ACCEPT A.'),
    deliver('ACCEPT', 'P1', 'A1'),
    deliver('ACCEPT', 'P1', 'A2', 'A1 and A2 accept A: A is chosen.'),
    { do: 'client', node: 'P2', op: 'propose' },
    deliver('PREPARE', 'P2', 'A3'),
    deliver('PROMISE', 'A3', 'P2', 'A3 promises (1,P2) and has accepted nothing. On that one promise, P2 proposes its own B.'),
    deliver('ACCEPT', 'P2', 'A2'),
    deliver('ACCEPT', 'P2', 'A3', 'A2 and A3 accept B in the higher ballot (1,P2): two values are chosen. Agreement is broken.'),
  ],
};

export const brokenScenarios: readonly Scenario[] = [forgetful, ignores, lowest, minority];
