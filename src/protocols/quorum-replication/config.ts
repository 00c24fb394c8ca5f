// The options of quorum replication (the kit adds the shared network options), the checks
// between them (R is at most N...), and the topology: clients C1..Cc, then storage nodes S1..Sn
// in ring order.
import type { Config, ConfigOption, Placement } from '../kit';

const int = (key: string, label: string, help: string, value: number, min: number, max: number, message: string): ConfigOption => ({
  key,
  label,
  help,
  kind: 'int',
  default: value,
  min,
  max,
  message,
});

export const options: readonly ConfigOption[] = [
  {
    key: 'consistency',
    label: 'Consistency (what the store promises)',
    help: 'linearizable: every read sees the latest completed write (the ABD register; R + W must be more than N). dynamo: concurrent writes are kept as siblings under version vectors; it promises that no acknowledged write is lost and that replicas converge, not linearizability.',
    kind: 'enum',
    default: 'linearizable',
    values: ['linearizable', 'dynamo'],
    message: 'linearizable or dynamo',
  },
  int('clients', 'Clients', 'How many clients send gets and puts.', 2, 2, 3, '2 to 3 clients'),
  int('nodes', 'Storage nodes', 'How many storage nodes sit on the ring.', 4, 3, 7, '3 to 7 storage nodes'),
  int('n', 'Replicas per key (N)', 'How many nodes hold each key: its home replicas, the next N nodes on the ring.', 3, 1, 7, '1 to 7 replicas'),
  int('r', 'Read quorum (R)', 'How many replicas must answer before a read returns.', 2, 1, 7, '1 to 7 replies'),
  int('w', 'Write quorum (W)', 'How many replicas must acknowledge before a write returns.', 2, 1, 7, '1 to 7 acknowledgements'),
  int('opsPerClient', 'Operations per client', 'Each client stops after this many gets and puts: a bound that keeps a model checker’s search finite.', 50, 1, 1000, '1 to 1000 operations'),
  int('keys', 'Keys', 'How many keys clients read and write: x, then y, then z.', 1, 1, 3, '1 to 3 keys'),
  {
    key: 'coordinator',
    label: 'Coordinator choice',
    help: 'fixed: each client always asks the same node (C1 asks S1, C2 asks S2). round-robin: each new request goes to the next node on the ring.',
    kind: 'enum',
    default: 'fixed',
    values: ['fixed', 'round-robin'],
    message: 'fixed or round-robin',
  },
  { key: 'readRepair', label: 'Read repair', help: 'Under dynamo, a coordinator writes the newest versions back to the replicas it heard were stale.', kind: 'boolean', default: true },
  { key: 'antiEntropy', label: 'Anti-entropy', help: 'After its data changes, a node compares digests with each peer in turn and pulls what it lacks, until a whole round finds nothing to exchange.', kind: 'boolean', default: true },
  int('antiEntropyTicks', 'Anti-entropy period (ticks)', 'How long a node waits between two digest exchanges.', 60, 10, 1000, '10 to 1000 ticks'),
  { key: 'sloppyQuorum', label: 'Sloppy quorum', help: 'Under dynamo, when home replicas do not answer in time, the next nodes on the ring stand in for them and keep the write as a hint.', kind: 'boolean', default: false },
  int('handoffTicks', 'Hinted handoff period (ticks)', 'How often a stand-in tries to hand its hints to their home nodes.', 50, 10, 1000, '10 to 1000 ticks'),
  int('timeoutTicks', 'Quorum timeout (ticks)', 'How long a coordinator waits for a quorum before it gives up (or, with a sloppy quorum, asks stand-ins).', 40, 10, 1000, '10 to 1000 ticks'),
  int('clockSkewTicks', 'Clock skew (ticks)', 'How far each node’s clock runs ahead of the previous node’s on the ring: S1 is exact, S2 this much ahead, S3 twice as much. Only timestamps (last-write-wins) read the clocks.', 0, -500, 500, '-500 to 500 ticks'),
];

/** The keys, in order. */
export const keyNames = ['x', 'y', 'z'] as const;

/** Each client's letter for the values it writes: C1 writes a1, a2...; C2 writes b1... */
export const clientLetter = (client: number): string => String.fromCharCode(96 + client);

const num = (config: Config, key: string) => Number(config[key]);

/** Problems between options that are each in range. */
export function crossCheck(config: Config): string[] {
  const [nodes, n, r, w] = [num(config, 'nodes'), num(config, 'n'), num(config, 'r'), num(config, 'w')];
  const problems: string[] = [];
  if (n > nodes) problems.push(`N is ${n}, but there are only ${nodes} storage nodes to hold the replicas`);
  if (r > n) problems.push(`R is ${r}, more than N = ${n}: a read would wait for more replies than there are replicas`);
  if (w > n) problems.push(`W is ${w}, more than N = ${n}: a write would wait for more acknowledgements than there are replicas`);
  if (config['consistency'] !== 'linearizable') return problems;
  if (r + w <= n)
    problems.push(`a linearizable register needs R + W above N, but ${r} + ${w} ≤ ${n}: a read quorum could miss the latest write (the variant r-plus-w-not-above-n shows it)`);
  if (config['sloppyQuorum'] === true)
    problems.push('a sloppy quorum cannot keep the linearizable promise: stand-ins need not meet a later read quorum (the variant sloppy-quorum shows it); choose consistency dynamo');
  return problems;
}

export function topology(config: Config): Placement[] {
  return [
    ...Array.from({ length: num(config, 'clients') }, (_, i) => ({ role: 'client', name: `C${i + 1}` })),
    ...Array.from({ length: num(config, 'nodes') }, (_, i) => ({ role: 'storage', name: `S${i + 1}` })),
  ];
}

/** The ring positions (0-based) of key `k`'s home replicas: the N nodes from position k. */
export function homePositions(keyIndex: number, n: number, nodes: number): number[] {
  return Array.from({ length: n }, (_, i) => (keyIndex + i) % nodes);
}

/** The positions after the home replicas on the ring: where stand-ins are found, nearest first. */
export function standInPositions(keyIndex: number, n: number, nodes: number): number[] {
  return Array.from({ length: nodes - n }, (_, i) => (keyIndex + n + i) % nodes);
}
