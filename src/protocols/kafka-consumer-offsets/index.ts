// Kafka consumer offsets, assembled from its parts and the Kafka building blocks in ../kafka.
import { listed } from '../catalogue';
import { defineProtocol, inState } from '../kit';
import { broker } from './broker';
import { checking } from './checking';
import { options, topology } from './config';
import { consumer } from './consumer';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { producerMachine } from '../kafka/producer';
import { settingsOf } from './config';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { sink } from './sink';
import { variants } from './variants';

const producer = producerMachine((input) => {
  const settings = settingsOf(input.self.config);
  return { broker: input.self.peers['broker']?.[0] ?? -1, prefix: 'r', partitions: settings.partitions, retryTicks: settings.requestTimeoutTicks };
});

export const kafkaConsumerOffsets = defineProtocol({
  ...listed('kafka-consumer-offsets'),
  // In the order the data flows, which is also the order of the picture's rows (the producer and
  // the broker, each a role of one node, share the top row).
  roles: {
    producer: { machine: producer, title: 'Producer', min: 1, max: 1 },
    broker: { machine: broker, title: 'Broker (partitions and group coordinator)', min: 1, max: 1 },
    consumer: { machine: consumer, title: 'Consumer', min: 1, max: 3 },
    sink: { machine: sink, title: 'Sink (where the output goes)', min: 1, max: 1 },
  },
  config: options,
  topology,
  variants,
  invariants,
  conditions,
  clientOps: [
    {
      op: 'produce',
      role: 'producer',
      label: 'Produce a record',
      phrase: 'produce a record',
      offered: (state) => inState(state, 'idle'),
    },
  ],
  describe,
  describeMessage,
  scenarios,
  explainer,
  checking,
});
