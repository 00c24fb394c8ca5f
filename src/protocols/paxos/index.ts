// Single-decree Paxos, assembled from its parts.
import { listed } from '../catalogue';
import { defineProtocol, inState } from '../kit';
import { acceptor } from './acceptor';
import { options, topology } from './config';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { proposer } from './proposer';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { checkingStartSteps } from './scenarios-broken';
import { variants } from './variants';

export const paxos = defineProtocol({
  ...listed('paxos'),
  roles: {
    proposer: { machine: proposer, title: 'Proposer (and learner)', min: 1, max: 3 },
    acceptor: { machine: acceptor, title: 'Acceptor', min: 3, max: 7 },
  },
  config: options,
  topology,
  variants,
  invariants,
  conditions,
  clientOps: [
    {
      op: 'propose',
      role: 'proposer',
      label: 'Propose its value',
      phrase: 'propose its own value',
      offered: (state) => inState(state, 'idle'),
    },
  ],
  describe,
  describeMessage,
  scenarios,
  explainer,
  // A Paxos run needs a dozen steps before anything is chosen, and every order of them is a
  // state, so the search starts where it gets interesting: A is chosen by A1 and A2, P1 has
  // learned it and the news to P2 is lost. The checker must find, on its own, whether a second
  // ballot can choose anything else with at most one crash.
  checking: {
    config: {},
    prefix: { summary: 'A chosen by A1 and A2 in ballot (1,P1); P2 has not heard', steps: checkingStartSteps },
    maxDepth: 10,
    budget: { crashes: 1 },
  },
});
