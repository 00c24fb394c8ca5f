// Single-decree Paxos, assembled from its parts.
import { listed } from '../catalogue';
import { defineProtocol, inState, type VariantDefinition } from '../kit';
import { acceptor } from './acceptor';
import { options, topology } from './config';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { proposer } from './proposer';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { checkingStartFor } from './checking-start';
import { variants } from './variants';

/** Paxos; with `extra` variants beside its own for tests that plant bugs the catalogue leaves out (testing/planted.ts). */
export const definePaxos = (extra: readonly VariantDefinition[] = []) =>
  defineProtocol({
    ...listed('paxos'),
    roles: {
      proposer: { machine: proposer, title: 'Proposer (and learner)', min: 1, max: 3 },
      acceptor: { machine: acceptor, title: 'Acceptor', min: 3, max: 7 },
    },
    config: options,
    topology,
    variants: [...variants, ...extra],
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
    // state, so the search starts where it gets interesting (checking-start.ts): A is chosen by a
    // majority, P1 has learned it and the news to the other proposers is lost. The checker must
    // find, on its own, whether a second ballot can choose anything else with at most one crash.
    checking: {
      config: {},
      prefixFor: checkingStartFor,
      maxDepth: 10,
      budget: { crashes: 1 },
    },
  });

export const paxos = definePaxos();
