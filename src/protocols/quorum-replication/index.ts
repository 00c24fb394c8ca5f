// Quorum replication, assembled from its parts.
import { listed } from '../catalogue';
import { defineProtocol, inState, type ClientOpDefinition, type MachineState } from '../kit';
import { checking } from './checking';
import { client, type ClientContext } from './client';
import { crossCheck, keyNames, options, topology } from './config';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { storage } from './storage';
import { variants } from './variants';

const clientOps: ClientOpDefinition<'client', ClientContext>[] = keyNames.flatMap((key, index) =>
  (['put', 'get'] as const).map((action) => ({
    op: `${action}-${key}`,
    role: 'client' as const,
    label: action === 'put' ? `Put ${key}` : `Get ${key}`,
    phrase: action === 'put' ? `put its next value into ${key}` : `get ${key}`,
    offered: (state: MachineState<ClientContext>) => inState(state, 'idle') && index < state.context.keys && state.context.ops < state.context.opsMax,
  })),
);

export const quorumReplication = defineProtocol({
  ...listed('quorum-replication'),
  roles: {
    client: { machine: client, title: 'Client', min: 2, max: 3 },
    storage: { machine: storage, title: 'Storage node', min: 3, max: 7 },
  },
  config: options,
  topology,
  crossCheck,
  orderedObservations: true,
  variants,
  invariants,
  conditions,
  clientOps,
  describe,
  describeMessage,
  scenarios,
  explainer,
  checking,
});
