// Where every record stands in a world: which clusters hold it, whether the database counted it
// (from which region, in which epoch), which writer took over from what, and which records are
// lost. The rules and the pictures read this one account, cached per world.
import type { NodeId, System, World } from '../../engine';
import { machineState, nodesWithRole, onObservations } from '../kit/world-query';
import type { Stream } from '../kafka/log';
import { isDone, type Progress } from '../kafka/offset-mapping';
import type { ClusterContext } from './cluster';
import { settingsOf, sourceOf, type Settings } from './config';
import type { ConsumerContext } from './consumer-setup';
import type { Counted, DatabaseContext } from './database';

export interface ClusterView {
  readonly node: NodeId;
  readonly up: boolean;
  readonly stream: Stream;
  readonly aggregate: Stream;
  readonly context: ClusterContext | null;
}

export interface ConsumerView {
  readonly node: NodeId;
  readonly context: ConsumerContext;
  readonly state: string;
}

const settingsCache = new WeakMap<System, Settings>();
export function settingsOfWorld(world: World): Settings {
  let known = settingsCache.get(world.system);
  if (known === undefined) settingsCache.set(world.system, (known = settingsOf(world.system.inputs[0]!.config)));
  return known;
}

const words = (text: unknown): string[] => (typeof text === 'string' && text !== '' ? text.split(' ') : []);

/**
 * Remembers a reading of the world for the last world asked about: the rules and the pictures ask
 * for the same account several times per step, on one world. (A table of every world met made
 * the garbage collector a fifth of a step.)
 */
export function lastWorld<T>(compute: (world: World) => T): (world: World) => T {
  let last: World | null = null;
  let value: T;
  return (world) => {
    if (world !== last) {
      value = compute(world);
      last = world;
    }
    return value;
  };
}

/** A down node's log read once per log object: its text is split only when the log changes. */
function fromLog<T>(read: (log: World['nodes'][number]['persisted']) => T): (log: World['nodes'][number]['persisted']) => T {
  const known = new WeakMap<object, T>();
  return (log) => {
    let value = known.get(log);
    if (value === undefined) known.set(log, (value = read(log)));
    return value;
  };
}

const streamsOfLog = fromLog((log) => ({ stream: words(log['stream']), aggregate: words(log['aggregate']) }));

export const clusters = lastWorld((world: World): readonly ClusterView[] =>
  nodesWithRole(world, 'cluster').map((node) => {
    const state = machineState(world, node);
    if (state !== null) {
      const context = state.context as unknown as ClusterContext;
      return { node, up: true, stream: context.stream, aggregate: context.aggregate, context };
    }
    const { stream, aggregate } = streamsOfLog(world.nodes[node]!.persisted);
    return { node, up: false, stream, aggregate, context: null };
  }),
);

/** The consumers that are up. */
export const consumers = lastWorld((world: World): readonly ConsumerView[] => {
  const out: ConsumerView[] = [];
  for (const node of nodesWithRole(world, 'consumer')) {
    const state = machineState(world, node);
    if (state !== null) out.push({ node, context: state.context as unknown as ConsumerContext, state: world.nodes[node]!.label });
  }
  return out;
});

/** The database's state, or null while it is down. */
export function database(world: World): DatabaseContext | null {
  const state = machineState(world, nodesWithRole(world, 'sink')[0]!);
  return state === null ? null : (state.context as unknown as DatabaseContext);
}

const countedOfLog = fromLog((log): readonly Counted[] => {
  const text = log['counted'];
  if (typeof text !== 'string' || text === '') return [];
  return text.split(', ').flatMap((item) => {
    const match = /^(\S+) from ([A-C]) e(\d+)$/.exec(item);
    return match === null ? [] : [[match[1]!, match[2]!.charCodeAt(0) - 65, Number(match[3])] as const];
  });
});

/** What the database counted, up or down (from its log while down). */
export function counted(world: World): readonly Counted[] {
  const db = database(world);
  if (db !== null) return db.counted;
  return countedOfLog(world.nodes[nodesWithRole(world, 'sink')[0]!]!.persisted);
}

/** Each takeover by epoch: the progress the new writer started from. */
export const takeovers = onObservations((world: World): ReadonlyMap<number, { readonly region: number; readonly progress: Progress }> => {
  const out = new Map<number, { region: number; progress: Progress }>();
  for (const o of world.observations) {
    const v = o.value as { tookOver?: unknown; epoch?: unknown; progress?: unknown };
    if (typeof v === 'object' && v !== null && typeof v.tookOver === 'number' && typeof v.epoch === 'number' && Array.isArray(v.progress))
      out.set(v.epoch, { region: v.tookOver, progress: v.progress as number[] });
  }
  return out;
});

const carrying = (world: World): Set<string> => {
  const held = new Set<string>();
  for (const m of world.messages) if (m.body.type === 'OUTPUT' && Array.isArray(m.body['values'])) for (const v of m.body['values']) if (typeof v === 'string') held.add(v);
  return held;
};

/**
 * Records the writer has gone past in its aggregate that the database never counted and nothing
 * holds: lost. The writer is the consumer the database counts, while it works.
 */
export function lostRecords(world: World): string[] {
  const db = database(world);
  if (db === null) return [];
  const writer = consumers(world).find((c) => c.context.region === db.writer && c.context.writer && c.context.epoch === db.epoch);
  if (writer === undefined || writer.state === 'claiming' || writer.state === 'resuming') return [];
  const aggregate = clusters(world)[writer.context.region]!.aggregate;
  const seen = new Set(db.counted.map(([v]) => v));
  const passed = aggregate.slice(0, writer.context.position).filter((v) => !seen.has(v));
  if (passed.length === 0) return [];
  const held = carrying(world);
  for (const r of writer.context.batch) held.add(r.value);
  return passed.filter((v) => !held.has(v));
}

export interface Repeat {
  readonly value: string;
  readonly first: Counted;
  readonly again: Counted;
  /** Whether the takeover's starting point left it not done, so doing it again was expected. */
  readonly withinBound: boolean;
}

/** Every record the database counted more than once, with whether the repeat was within the bound. */
export function repeats(world: World): Repeat[] {
  const list = counted(world);
  if (list.length < 2) return [];
  const starts = takeovers(world);
  const firstOf = new Map<string, Counted>();
  const out: Repeat[] = [];
  for (const entry of list) {
    const first = firstOf.get(entry[0]);
    if (first === undefined) {
      firstOf.set(entry[0], entry);
      continue;
    }
    const start = starts.get(entry[2]);
    const source = sourceOf(entry[0]);
    const withinBound = entry[2] > first[2] && start !== undefined && source !== null && !isDone(start.progress, source);
    out.push({ value: entry[0], first, again: entry, withinBound });
  }
  return out;
}
