// Two-phase commit, assembled from its parts.
import { listed } from '../catalogue';
import { defineProtocol, inState } from '../kit';
import { options, topology } from './config';
import { coordinator } from './coordinator';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { participant } from './participant';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { variants } from './variants';

export const twoPhaseCommit = defineProtocol({
  ...listed('two-phase-commit'),
  roles: {
    coordinator: { machine: coordinator, title: 'Coordinator', min: 1, max: 1 },
    participant: { machine: participant, title: 'Participant', min: 2, max: 7 },
  },
  config: options,
  topology,
  variants,
  invariants,
  conditions,
  clientOps: [
    {
      op: 'begin',
      role: 'coordinator',
      label: 'Begin a transaction',
      phrase: 'begin a transaction',
      offered: (state) => inState(state, 'idle'),
    },
    {
      op: 'vote-no',
      role: 'participant',
      label: 'Vote NO when asked',
      phrase: 'vote NO when asked',
      offered: (state) => inState(state, 'working') && !state.context.willVoteNo,
    },
  ],
  describe,
  describeMessage,
  scenarios,
  explainer,
  // Two participants already show every broken variant (in 7 to 9 steps); three make the
  // correct protocol's search to the same depth about twenty times larger.
  checking: { config: { participants: 2 }, maxDepth: 12, budget: { crashes: 1, losses: 1 } },
});
