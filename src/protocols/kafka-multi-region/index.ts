// Multi-region Kafka, assembled from its parts and the Kafka building blocks in ../kafka.
import { listed } from '../catalogue';
import { defineProtocol } from '../kit';
import { checking } from './checking';
import { cluster } from './cluster';
import { options, settingsOf, topology } from './config';
import { consumer } from './consumer';
import { coordinator } from './coordinator';
import { database } from './database';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { variants } from './variants';

export const kafkaMultiRegion = defineProtocol({
  ...listed('kafka-multi-region'),
  // The picture's rows: the clusters on top (their streams drawn above them), the consumers, and
  // the coordinator beside the database at the bottom (its list drawn below it).
  roles: {
    cluster: { machine: cluster, title: 'Kafka cluster (stream, aggregate, replicator, checkpoints)', min: 2, max: 3 },
    consumer: { machine: consumer, title: 'Consumer (one per region)', min: 2, max: 3 },
    coordinator: { machine: coordinator, title: 'Coordinator (names the writer)', min: 1, max: 1 },
    sink: { machine: database, title: 'Shared database', min: 1, max: 1 },
  },
  config: options,
  topology,
  variants,
  invariants,
  conditions,
  clientOps: [
    { op: 'produce', role: 'cluster', label: 'Produce a record', phrase: 'produce a record in its region', offered: () => true },
    { op: 'fail-over', role: 'coordinator', label: 'Fail over to the next region', phrase: 'fail over to the next region', offered: () => true },
  ],
  describe,
  describeMessage,
  scenarios,
  explainer,
  checking,
  // The rules read the takeovers from the observations in their order (a later takeover of an
  // epoch replaces an earlier one): two orders of the same observations are two states. Without
  // this the checker's sleep sets missed a state after a crash (search-method.test.ts).
  orderedObservations: true,
});

export { settingsOf };
