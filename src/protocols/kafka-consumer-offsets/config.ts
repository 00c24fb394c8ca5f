// The options of Kafka consumer offsets (the kit adds the shared network options) and the
// topology: one broker (the topic's partitions and the group coordinator), one producer, the
// consumers C1..Cn of one group, and the sink their output goes to.
import type { Config, ConfigOption, Placement } from '../kit';
import type { Assignor } from '../kafka/assignors';
import type { OffsetReset } from '../kafka/offsets';
import type { Semantics } from './semantics';

const ticks = (key: string, label: string, help: string, value: number, min: number, max: number): ConfigOption => ({
  key,
  label,
  help,
  kind: 'int',
  default: value,
  min,
  max,
  message: `${min} to ${max} ticks`,
});

export const options: readonly ConfigOption[] = [
  {
    key: 'semantics',
    label: 'Delivery semantics',
    help: 'At-most-once commits before processing (no duplicates); at-least-once processes before committing (no loss); exactly-once puts the output and the offsets in one transaction (neither).',
    kind: 'enum',
    default: 'at-least-once',
    values: ['at-most-once', 'at-least-once', 'exactly-once'],
    message: 'at-most-once, at-least-once or exactly-once',
  },
  {
    key: 'commit',
    label: 'Offset commit',
    help: 'How at-least-once commits after processing: sync waits for the coordinator to confirm, async does not wait, auto commits on a timer. At-most-once always waits for its commit before processing; exactly-once commits inside its transaction.',
    kind: 'enum',
    default: 'sync',
    values: ['sync', 'async', 'auto'],
    message: 'sync, async or auto',
  },
  {
    key: 'autoOffsetReset',
    label: 'auto.offset.reset',
    help: 'Where a consumer starts on a partition the group has never committed: the first record (earliest) or the log end (latest).',
    kind: 'enum',
    default: 'earliest',
    values: ['earliest', 'latest'],
    message: 'earliest or latest',
  },
  { key: 'partitions', label: 'Partitions', help: 'How many partitions the topic has.', kind: 'int', default: 2, min: 1, max: 4, message: '1 to 4 partitions' },
  { key: 'consumers', label: 'Consumers', help: 'How many consumers are in the group.', kind: 'int', default: 2, min: 1, max: 3, message: '1 to 3 consumers' },
  {
    key: 'assignor',
    label: 'Assignor',
    help: 'How the group leader shares the partitions out: contiguous ranges, or dealt one at a time.',
    kind: 'enum',
    default: 'range',
    values: ['range', 'round-robin'],
    message: 'range or round-robin',
  },
  {
    key: 'maxPollRecords',
    label: 'max.poll.records',
    help: 'The most records one poll returns.',
    kind: 'int',
    default: 2,
    min: 1,
    max: 5,
    message: '1 to 5 records',
  },
  ticks('heartbeatTicks', 'Heartbeat interval (ticks)', 'How often a consumer tells the coordinator it is alive.', 30, 5, 1000),
  ticks('sessionTimeoutTicks', 'Session timeout (ticks)', 'How long the coordinator waits for a heartbeat before it removes the consumer and rebalances.', 100, 10, 5000),
  ticks('processTicks', 'Processing time (ticks)', 'How long a consumer takes to process what it polled.', 5, 1, 1000),
  ticks('autoCommitTicks', 'Auto-commit interval (ticks)', 'How often auto-commit commits the offsets, when commit is auto.', 50, 5, 1000),
];

/** The typed settings every role reads from its input's config. */
export interface Settings {
  readonly semantics: Semantics;
  readonly commit: 'sync' | 'async' | 'auto';
  readonly reset: OffsetReset;
  readonly partitions: number;
  readonly assignor: Assignor;
  readonly maxPollRecords: number;
  readonly heartbeatTicks: number;
  readonly sessionTimeoutTicks: number;
  readonly processTicks: number;
  readonly autoCommitTicks: number;
  /** How long a request waits for its answer before it is sent again. */
  readonly requestTimeoutTicks: number;
  /** How long an idle consumer waits before it polls again. */
  readonly pollTicks: number;
  /** How long a forming group waits for more members before the first generation. */
  readonly initialDelayTicks: number;
}

type ConfigInput = { readonly [key: string]: unknown };

const text = (config: ConfigInput, key: string, fallback: string): string => (typeof config[key] === 'string' ? (config[key] as string) : fallback);
const int = (config: ConfigInput, key: string, fallback: number): number => (typeof config[key] === 'number' ? (config[key] as number) : fallback);

export function settingsOf(config: ConfigInput): Settings {
  const latencyMax = int(config, 'latencyTicksMax', 16);
  return {
    semantics: text(config, 'semantics', 'at-least-once') as Semantics,
    commit: text(config, 'commit', 'sync') as Settings['commit'],
    reset: text(config, 'autoOffsetReset', 'earliest') as OffsetReset,
    partitions: int(config, 'partitions', 2),
    assignor: text(config, 'assignor', 'range') as Assignor,
    maxPollRecords: int(config, 'maxPollRecords', 2),
    heartbeatTicks: int(config, 'heartbeatTicks', 30),
    sessionTimeoutTicks: int(config, 'sessionTimeoutTicks', 100),
    processTicks: int(config, 'processTicks', 5),
    autoCommitTicks: int(config, 'autoCommitTicks', 50),
    requestTimeoutTicks: 4 * latencyMax,
    pollTicks: 40,
    initialDelayTicks: 2 * latencyMax,
  };
}

/** The consumers' member names: "C1", "C2"... by their place among the consumers. */
export const consumerName = (index: number): string => `C${index + 1}`;

export function topology(config: Config): Placement[] {
  const consumers = Number(config['consumers']);
  return [
    { role: 'broker', name: 'broker' },
    { role: 'producer', name: 'producer' },
    ...Array.from({ length: consumers }, (_, i) => ({ role: 'consumer', name: consumerName(i) })),
    { role: 'sink', name: 'sink' },
  ];
}
