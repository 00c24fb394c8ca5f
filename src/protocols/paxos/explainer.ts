// The words shown beside the simulator: what Paxos does and what it teaches.
import type { Explainer } from '../kit';

export const explainer: Explainer = {
  intro: [
    'Single-decree Paxos lets a group of machines choose one value, even while some of them are down or messages are lost. Proposers (P1, P2, ...) each want their own value chosen: A for P1, B for P2, C for P3. Acceptors (A1, A2, ...) vote. A value is chosen once a majority of acceptors has accepted it in the same ballot. Here the proposers are also the learners: every acceptor tells every proposer what it accepted, and a proposer learns the value once it hears that a majority accepted it in one ballot.',
    'A ballot is a pair (round, proposer), so no two proposers ever share one. Phase one, prepare: a proposer sends PREPARE for its ballot. An acceptor that has promised nothing higher writes the promise to its log and answers PROMISE, reporting the highest ballot in which it accepted a value, and that value; otherwise it answers NACK with the higher ballot it promised. Phase two, accept: with promises from a majority, the proposer sends ACCEPT with the value of the highest reported acceptance, or its own value if no promise reports one. An acceptor accepts unless it has promised a higher ballot, writing the acceptance to its log before saying ACCEPTED.',
    'Any two majorities share an acceptor. So once a value is chosen, every later ballot hears of it in phase one and proposes the same value. A proposer that hears nothing in time, or is cut off by a higher ballot, retries with a higher round after its retry timeout.',
  ],
  lesson: [
    'Paxos differs from two-phase commit in what it waits for: a majority, not everyone. Two-phase commit needs every participant and blocks while its one coordinator is down; Paxos keeps deciding while a minority of acceptors is down, and any proposer can take over from one that crashed. Crash one acceptor of three and a value is still chosen.',
    'What Paxos cannot promise is progress. Two proposers can keep cutting each other off: each PREPARE makes the acceptors refuse the other one\'s ACCEPT, ballots keep rising and nothing is chosen (the dueling-proposers condition). Randomized backoff makes this unlikely; only a single leader makes it go away.',
    'Each broken variant removes one rule, and the checker finds a run where two different values are chosen. Forgetful acceptor: an acceptor that does not log forgets, after a crash, that it helped choose a value. Ignores accepted value: a proposer proposes its own value although a promise reported another already accepted. Minority quorum: a proposer proceeds with too few promises, so it may not hear of the value already chosen.',
  ],
};
