// The options of multi-region Kafka (the kit adds the shared network options) and its topology:
// per region a Kafka cluster (the region's stream, where the region's producers append, the
// aggregate stream, the replicator and the checkpoints) and a consumer; one coordinator that says
// which region's consumer writes, and the shared database (the sink) the writer writes to.
import type { Config, ConfigOption, Placement } from '../kit';
import type { Source } from '../kafka/offset-mapping';

export type Arrangement = 'active-passive' | 'active-active';

const ticks = (key: string, label: string, help: string, value: number): ConfigOption => ({
  key,
  label,
  help,
  kind: 'int',
  default: value,
  min: 5,
  max: 1000,
  message: '5 to 1000 ticks',
});

export const options: readonly ConfigOption[] = [
  {
    key: 'arrangement',
    label: 'Arrangement',
    help: 'Active-passive: one consumer works and checkpoints; another takes over in a failover. Active-active: every region works, and the coordinator says whose output counts.',
    kind: 'enum',
    default: 'active-passive',
    values: ['active-passive', 'active-active'],
    message: 'active-passive or active-active',
  },
  { key: 'regions', label: 'Regions', help: 'How many regions there are.', kind: 'int', default: 2, min: 2, max: 3, message: '2 or 3 regions' },
  ticks('replicationTicks', 'Replication interval (ticks)', 'How often each region copies the other regions\' streams into its aggregate stream.', 40),
  ticks('checkpointTicks', 'Checkpoint shipping (ticks)', 'How often a region sends its consumer\'s latest checkpoint to the other regions.', 60),
  ticks('processTicks', 'Processing time (ticks)', 'How long a consumer takes to process what it polled.', 5),
  { key: 'maxPollRecords', label: 'max.poll.records', help: 'The most records one poll returns.', kind: 'int', default: 2, min: 1, max: 5, message: '1 to 5 records' },
];

export interface Settings {
  readonly arrangement: Arrangement;
  readonly regions: number;
  readonly replicationTicks: number;
  readonly checkpointTicks: number;
  readonly processTicks: number;
  readonly maxPollRecords: number;
  readonly requestTimeoutTicks: number;
  readonly pollTicks: number;
}

type ConfigInput = { readonly [key: string]: unknown };
const int = (config: ConfigInput, key: string, fallback: number) => (typeof config[key] === 'number' ? (config[key] as number) : fallback);

export function settingsOf(config: ConfigInput): Settings {
  return {
    arrangement: config['arrangement'] === 'active-active' ? 'active-active' : 'active-passive',
    regions: int(config, 'regions', 2),
    replicationTicks: int(config, 'replicationTicks', 40),
    checkpointTicks: int(config, 'checkpointTicks', 60),
    processTicks: int(config, 'processTicks', 5),
    maxPollRecords: int(config, 'maxPollRecords', 2),
    requestTimeoutTicks: 4 * int(config, 'latencyTicksMax', 16),
    pollTicks: 30,
  };
}

/** "A", "B", "C". */
export const regionName = (region: number): string => String.fromCharCode(65 + region);

/** Region A's records are a1, a2...: the value says where it came from. */
export const recordPrefix = (region: number): string => String.fromCharCode(97 + region);

/** The source of a record value ("a3" is region A's record at offset 2), or null for anything else. */
export function sourceOf(value: string): Source | null {
  const match = /^([a-c])(\d+)$/.exec(value);
  return match === null ? null : { region: match[1]!.charCodeAt(0) - 97, offset: Number(match[2]) - 1 };
}

/** The region a node of a per-region role belongs to, by its place among that role's nodes. */
export const regionOf = (peers: { readonly [role: string]: readonly number[] }, role: string, id: number): number => (peers[role] ?? []).indexOf(id);

export function topology(config: Config): Placement[] {
  const regions = Array.from({ length: Number(config['regions']) }, (_, i) => regionName(i));
  return [
    ...regions.map((r) => ({ role: 'cluster', name: r })),
    ...regions.map((r) => ({ role: 'consumer', name: `C${r}` })),
    { role: 'coordinator', name: 'coordinator' },
    { role: 'sink', name: 'database' },
  ];
}
