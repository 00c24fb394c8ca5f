// Single-decree Paxos, assembled from its parts.
import { defineProtocol, inState } from '../kit';
import { acceptor } from './acceptor';
import { options, topology } from './config';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { proposer } from './proposer';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { variants } from './variants';

export const paxos = defineProtocol({
  id: 'paxos',
  title: 'Paxos',
  summary:
    'Proposers and acceptors agree on one value even when messages are lost and a minority is down; forget to persist a promise and two values win.',
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
});
