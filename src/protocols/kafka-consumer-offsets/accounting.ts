// Where every record stands in a world: how many times the sink processed it, whether something
// still holds it on its way to being processed, and which ones are lost. The invariants, the
// conditions and the pictures all read this one account.
//
// A record is lost when it sits below its partition's committed offset (so no new owner will
// ever read it again), the sink never processed it, and nothing holds it any more: no live
// consumer has it in hand, no output or transaction carrying it is in flight, and the
// transaction coordinator has no committed write of it still to deliver.
//
// The rules run on every step of every run the checker explores, so each part is cached on the
// objects it comes from (the sink's list, the broker's state), which worlds share.
import type { NodeId, Persisted, System, World } from '../../engine';
// Imported from the kit's files rather than its index: these run on every step.
import { machineState, nodesWithRole } from '../kit/world-query';
import type { Group } from '../kafka/group';
import type { Logs } from '../kafka/log';
import type { Committed } from '../kafka/offsets';
import { asRecords, type KafkaRecord } from '../kafka/records';
import { brokerContext, type BrokerContext } from './broker-state';
import { settingsOf } from './config';
import type { ConsumerContext } from './consumer-state';
import { readProcessed } from './persisted';
import type { Semantics } from './semantics';
import type { Processed } from './sink';

export interface ConsumerView {
  readonly node: NodeId;
  readonly context: ConsumerContext;
}

interface Tally {
  /** Value -> how many times the sink processed it. */
  readonly counts: ReadonlyMap<string, number>;
  /** Values processed more than once, in the order they were first repeated. */
  readonly duplicates: readonly string[];
}

const tallies = new WeakMap<readonly Processed[], Tally>();

function tally(processed: readonly Processed[]): Tally {
  let known = tallies.get(processed);
  if (known === undefined) {
    const counts = new Map<string, number>();
    const duplicates: string[] = [];
    for (const [v] of processed) {
      const n = (counts.get(v) ?? 0) + 1;
      counts.set(v, n);
      if (n === 2) duplicates.push(v);
    }
    tallies.set(processed, (known = { counts, duplicates }));
  }
  return known;
}

const fromDisk = new WeakMap<Persisted, { broker?: BrokerContext; processed?: Processed[] }>();

function diskOf(persisted: Persisted) {
  let entry = fromDisk.get(persisted);
  if (entry === undefined) fromDisk.set(persisted, (entry = {}));
  return entry;
}

/** The broker's state: its machine's while it is up, what its log says while it is down. */
function brokerOf(world: World): { readonly context: BrokerContext; readonly up: boolean } {
  const broker = nodesWithRole(world, 'broker')[0]!;
  const state = machineState(world, broker);
  if (state !== null) return { context: state.context as unknown as BrokerContext, up: true };
  const disk = diskOf(world.nodes[broker]!.persisted);
  disk.broker ??= brokerContext({ self: world.system.inputs[broker]!, log: world.nodes[broker]!.persisted });
  return { context: disk.broker, up: false };
}

/** What the sink has processed, in order: its machine's list while up, its log's while down. */
export function processedOf(world: World): readonly Processed[] {
  const sink = nodesWithRole(world, 'sink')[0]!;
  const state = machineState(world, sink);
  if (state !== null) return state.context['processed'] as unknown as readonly Processed[];
  const disk = diskOf(world.nodes[sink]!.persisted);
  return (disk.processed ??= readProcessed(world.nodes[sink]!.persisted['processed']));
}

const consumerViews = new WeakMap<World['nodes'], readonly ConsumerView[]>();
const lastViews = new WeakMap<System, readonly ConsumerView[]>();

const sameViews = (a: readonly ConsumerView[], b: readonly ConsumerView[]) =>
  a.length === b.length && a.every((v, i) => v.node === b[i]!.node && v.context === b[i]!.context);

/**
 * The live consumers with their machine contexts, cached on the world's node list. While no
 * consumer changes, the very same list comes back, so rules can remember their answer by it.
 */
export function liveConsumers(world: World): readonly ConsumerView[] {
  let known = consumerViews.get(world.nodes);
  if (known === undefined) {
    const out: ConsumerView[] = [];
    for (const node of nodesWithRole(world, 'consumer')) {
      const state = machineState(world, node);
      if (state !== null) out.push({ node, context: state.context as unknown as ConsumerContext });
    }
    const previous = lastViews.get(world.system);
    known = previous !== undefined && sameViews(previous, out) ? previous : out;
    lastViews.set(world.system, known);
    consumerViews.set(world.nodes, known);
  }
  return known;
}

const carrying = new Set(['OUTPUT', 'WRITE', 'TXN']);

function heldValues(world: World, outbox: BrokerContext['outbox']): Set<string> {
  const held = new Set<string>();
  for (const w of outbox) for (const r of w.records) held.add(r.v);
  for (const c of liveConsumers(world)) for (const r of c.context.batch) held.add(r.v);
  for (const m of world.messages) if (carrying.has(m.body.type)) for (const r of asRecords(m.body['records'])) held.add(r.v);
  return held;
}

const unprocessedBelow = new WeakMap<BrokerContext, { readonly processed: readonly Processed[]; readonly records: readonly KafkaRecord[] }>();

/** Records below a committed offset that the sink has not processed (cached: both parts change rarely). */
function unprocessedOf(broker: BrokerContext, processed: readonly Processed[]): readonly KafkaRecord[] {
  const known = unprocessedBelow.get(broker);
  if (known !== undefined && known.processed === processed) return known.records;
  const { counts } = tally(processed);
  const records: KafkaRecord[] = [];
  broker.logs.forEach((log, p) => {
    const below = Math.min(broker.committed[p] ?? 0, log.length);
    for (let o = 0; o < below; o++) if (!counts.has(log[o]!)) records.push({ p, o, v: log[o]! });
  });
  unprocessedBelow.set(broker, { processed, records });
  return records;
}

/** The records lost in this world (usually none, found without looking at what anything holds). */
export function lostRecords(world: World): KafkaRecord[] {
  const { context } = brokerOf(world);
  const unprocessed = unprocessedOf(context, processedOf(world));
  if (unprocessed.length === 0) return [];
  const held = heldValues(world, context.outbox);
  return unprocessed.filter((r) => !held.has(r.v));
}

export interface Account {
  readonly logs: Logs;
  readonly committed: Committed;
  /** The sink's list, in the order it processed. */
  readonly processed: readonly Processed[];
  readonly counts: ReadonlyMap<string, number>;
  readonly duplicates: readonly string[];
  readonly lost: readonly KafkaRecord[];
  readonly consumers: readonly ConsumerView[];
  /** The coordinator's group, or null while the broker is down. */
  readonly group: Group | null;
  readonly broker: NodeId;
  readonly sink: NodeId;
}

const accounts = new WeakMap<World, Account>();

/** Everything at once, for the pictures and the messages of broken rules. */
export function account(world: World): Account {
  const known = accounts.get(world);
  if (known !== undefined) return known;
  const { context, up } = brokerOf(world);
  const processed = processedOf(world);
  const result: Account = {
    logs: context.logs,
    committed: context.committed,
    processed,
    ...tally(processed),
    lost: lostRecords(world),
    consumers: liveConsumers(world),
    group: up ? context.group : null,
    broker: nodesWithRole(world, 'broker')[0]!,
    sink: nodesWithRole(world, 'sink')[0]!,
  };
  accounts.set(world, result);
  return result;
}

/** The sink's duplicates (cheap: cached on the sink's list). */
export const duplicatesOf = (world: World): readonly string[] => tally(processedOf(world)).duplicates;

/** The group while the broker is up. */
export function groupOf(world: World): Group | null {
  const { context, up } = brokerOf(world);
  return up ? context.group : null;
}

/** The log ends, by partition. */
export const logsOf = (world: World): Logs => brokerOf(world).context.logs;

/** The committed offsets, by partition. */
export const committedOf = (world: World): Committed => brokerOf(world).context.committed;

const semantics = new WeakMap<System, Semantics>();

/** The semantics of the run (every node reads the same config). */
export function semanticsOf(world: World): Semantics {
  let known = semantics.get(world.system);
  if (known === undefined) semantics.set(world.system, (known = settingsOf(world.system.inputs[0]!.config).semantics));
  return known;
}
