// The guided runs of Paxos. The same list feeds the tour picker, the unit tests (each is compiled
// and its narration snapshot-tested) and the end-to-end tests.
import { deliver, type Scenario } from '../kit';
import { brokenScenarios } from './scenarios-broken';


const chosen: Scenario = {
  id: 'chosen-no-failures',
  title: 'A value chosen, no failures',
  summary: 'P1 proposes A. Every acceptor promises, then accepts, and both proposers learn that A is chosen.',
  steps: [
    {
      do: 'client',
      node: 'P1',
      op: 'propose',
      caption: 'A client asks P1 to propose A. P1 picks ballot (1,P1), logs its round and sends PREPARE to every acceptor.',
    },
    { do: 'next', times: 3, caption: 'Each acceptor logs its promise, then answers PROMISE: it has accepted nothing yet.' },
    { do: 'next', times: 2, caption: 'Two promises are a majority of three: no value can have been chosen, so P1 may propose its own value A.' },
    { do: 'settle', caption: 'The acceptors log and accept A and tell every learner. A majority accepted A in one ballot: A is chosen, and P1 and P2 learn it.' },
  ],
};

const minorityDown: Scenario = {
  id: 'minority-crashed',
  title: 'A minority of acceptors down, still chosen',
  summary: 'A3 is down. A1 and A2 are still a majority of three, so P2 gets B chosen without it.',
  steps: [
    { do: 'crash', node: 'A3', caption: 'A3 crashes. One acceptor of three is a minority: Paxos does not need it.' },
    { do: 'client', node: 'P2', op: 'propose', caption: 'P2 proposes B with ballot (1,P2).' },
    { do: 'next', times: 3, caption: 'A1 and A2 promise; the PREPARE to A3 is lost.' },
    { do: 'settle', caption: 'Two promises and then two acceptances are a majority: B is chosen and both proposers learn it. Two-phase commit could not finish with a node down.' },
  ],
};

const proposerCrash: Scenario = {
  id: 'proposer-crash-after-phase-1',
  title: 'A proposer crashes, another finishes with the same value',
  summary: 'P1 gets its promises and starts phase 2, but crashes when only A1 has accepted A. P2 takes over, hears of A, and gets A chosen, not its own B.',
  steps: [
    { do: 'client', node: 'P1', op: 'propose' },
    { do: 'next', times: 5, caption: 'P1 collects two promises and sends ACCEPT A to every acceptor.' },
    deliver('ACCEPT', 'P1', 'A1', 'A1 accepts A in ballot (1,P1). One acceptance is not a majority: nothing is chosen yet.'),
    { do: 'crash', node: 'P1', caption: 'P1 crashes.' },
    { do: 'drop', message: { type: 'ACCEPT', to: 'A2' } },
    { do: 'drop', message: { type: 'ACCEPT', to: 'A3' }, caption: 'Its other ACCEPT messages are lost.' },
    { do: 'client', node: 'P2', op: 'propose', caption: 'A client asks P2 to propose B. P2 starts ballot (1,P2), higher than (1,P1).' },
    deliver('PREPARE', 'P2', 'A1', 'A1 promises (1,P2) and reports that it accepted A in (1,P1).'),
    deliver('PREPARE', 'P2', 'A2'),
    deliver('PROMISE', 'A1', 'P2'),
    deliver('PROMISE', 'A2', 'P2', 'With a majority of promises, one reporting A, P2 must propose A instead of its own B: A might already be chosen.'),
    { do: 'settle', caption: 'A is chosen in ballot (1,P2). P2 finished what P1 started.' },
  ],
};

const lostAccept: Scenario = {
  id: 'lost-accept-retry',
  title: 'Lost ACCEPTs and a retry',
  summary: 'Two of P1’s ACCEPT messages are lost. Its retry timer fires and it tries again with a higher ballot, proposing A once more.',
  steps: [
    { do: 'client', node: 'P1', op: 'propose' },
    { do: 'next', times: 5, caption: 'P1 has a majority of promises and sends ACCEPT A.' },
    { do: 'drop', message: { type: 'ACCEPT', to: 'A1' } },
    { do: 'drop', message: { type: 'ACCEPT', to: 'A2' }, caption: 'The ACCEPTs to A1 and A2 are lost. Only A3 can accept: not a majority.' },
    { do: 'next', times: 4, caption: 'A3 accepts A. No learner hears from a majority, so nothing is known to be chosen.' },
    { do: 'fire', node: 'P1', timer: 'retry', caption: 'P1’s retry timer fires. It starts the higher ballot (2,P1).' },
    { do: 'next', times: 5, caption: 'A3’s promise reports A accepted in (1,P1), so P1 proposes A again in (2,P1).' },
    { do: 'settle', caption: 'This time a majority accepts A: it is chosen and learned.' },
  ],
};

const duel: Scenario = {
  id: 'dueling-proposers',
  title: 'Dueling proposers',
  summary: 'P1 and P2 keep cutting each other off: each new PREPARE makes the acceptors refuse the other’s ACCEPT. Ballots rise and nothing is chosen.',
  steps: [
    { do: 'client', node: 'P1', op: 'propose' },
    deliver('PREPARE', 'P1', 'A1'),
    deliver('PREPARE', 'P1', 'A2'),
    deliver('PREPARE', 'P1', 'A3'),
    deliver('PROMISE', 'A1', 'P1'),
    deliver('PROMISE', 'A2', 'P1', 'P1 has a majority of promises for (1,P1) and sends ACCEPT A.'),
    { do: 'client', node: 'P2', op: 'propose' },
    deliver('PREPARE', 'P2', 'A1'),
    deliver('PREPARE', 'P2', 'A2'),
    deliver('PREPARE', 'P2', 'A3', 'Before P1’s ACCEPTs arrive, P2’s PREPARE (1,P2) gets every acceptor to promise the higher ballot.'),
    deliver('ACCEPT', 'P1', 'A1'),
    deliver('ACCEPT', 'P1', 'A2'),
    deliver('ACCEPT', 'P1', 'A3'),
    deliver('NACK', 'A1', 'P1', 'Every acceptor refuses ACCEPT (1,P1). P1 backs off until its retry timer fires.'),
    deliver('PROMISE', 'A1', 'P2'),
    deliver('PROMISE', 'A2', 'P2', 'P2 has its majority and sends ACCEPT B in (1,P2).'),
    { do: 'fire', node: 'P1', timer: 'retry', caption: 'P1 retries with (2,P1), before P2’s ACCEPTs arrive.' },
    deliver('PREPARE', 'P1', 'A1'),
    deliver('PREPARE', 'P1', 'A2'),
    deliver('PREPARE', 'P1', 'A3'),
    deliver('ACCEPT', 'P2', 'A1'),
    deliver('ACCEPT', 'P2', 'A2'),
    deliver('ACCEPT', 'P2', 'A3'),
    deliver('NACK', 'A1', 'P2', 'Now P2’s ACCEPT is refused. Three ballots, nothing chosen: the proposers are dueling.'),
    deliver('PROMISE', 'A1', 'P1'),
    deliver('PROMISE', 'A2', 'P1'),
    { do: 'fire', node: 'P2', timer: 'retry', caption: 'P1 sends ACCEPT A in (2,P1), but P2 retries first, with (3,P2): above the (2,P1) it was refused for. And so on. Nothing forces this to end; randomized backoff makes it unlikely.' },
    deliver('PREPARE', 'P2', 'A1'),
    deliver('PREPARE', 'P2', 'A2'),
    deliver('PREPARE', 'P2', 'A3'),
    deliver('ACCEPT', 'P1', 'A1'),
    deliver('ACCEPT', 'P1', 'A2'),
    deliver('ACCEPT', 'P1', 'A3', 'P1’s ACCEPT (2,P1) is refused in turn. Four ballots, and still nothing chosen.'),
  ],
};

export const scenarios: readonly Scenario[] = [chosen, minorityDown, proposerCrash, lostAccept, duel, ...brokenScenarios];
