// What a storage node holds: its replicas' data for the keys it is home for, the hints it keeps
// for others as a stand-in, the requests it coordinates, and its anti-entropy round. Plain JSON in
// a canonical order, so equal nodes are equal states for the checker.
import type { NodeId } from '../../engine';
import type { MachineInput } from '../kit';
import { homePositions, keyNames, standInPositions } from './config';
import { readLog } from './log-text';
import type { Version } from './versions';

export interface Settings {
  readonly consistency: 'linearizable' | 'dynamo';
  readonly n: number;
  readonly r: number;
  readonly w: number;
  readonly readRepair: boolean;
  readonly antiEntropy: boolean;
  readonly antiEntropyTicks: number;
  readonly sloppyQuorum: boolean;
  readonly handoffTicks: number;
  readonly timeoutTicks: number;
  /** How far this node's clock runs ahead of true time, in ticks. */
  readonly skew: number;
}

/** A write kept by a stand-in for a home node that did not answer. */
export interface Hint {
  readonly key: string;
  /** The home node's name ("S2"). */
  readonly for: string;
  readonly versions: readonly Version[];
}

/** One client operation this node coordinates. */
export interface Request {
  readonly op: string;
  readonly client: NodeId;
  readonly action: 'put' | 'get';
  readonly key: string;
  /** Waiting for VALUE replies (a read, or a put asking for the highest tag) or for ACKs. */
  readonly phase: 'read' | 'write';
  /** The value a put writes (its version once chosen), or the version a read writes back. */
  readonly value: string | null;
  readonly version: Version | null;
  /** What each replica answered in the read phase, in node order. */
  readonly replies: readonly { readonly from: NodeId; readonly versions: readonly Version[] }[];
  readonly acks: readonly NodeId[];
  /** Whether stand-ins were asked for the home replicas that did not answer. */
  readonly sloppy: boolean;
}

export interface SyncRound {
  readonly running: boolean;
  /** The index, among the peers, of the next one to compare with. */
  readonly next: number;
  /** How many peers in a row were found in step: a whole round of them ends it. */
  readonly clean: number;
  /** The peer asked last, until it answers. */
  readonly awaiting: NodeId | null;
}

export interface StorageContext {
  readonly self: NodeId;
  readonly name: string;
  /** This node's place on the ring (0 for S1), and every storage node's id in ring order. */
  readonly position: number;
  readonly storage: readonly NodeId[];
  readonly clients: readonly NodeId[];
  readonly keys: number;
  readonly settings: Settings;
  readonly data: { readonly [key: string]: readonly Version[] };
  readonly hints: readonly Hint[];
  readonly requests: { readonly [op: string]: Request };
  /**
   * The newest request number taken from each client ("C1" -> 3): a duplicated or late GET or PUT
   * is not run twice (a second run of a put would write it again, later, over newer writes).
   */
  readonly taken: { readonly [client: string]: number };
  readonly sync: SyncRound;
  readonly handingOff: boolean;
  /** Set on a restart until the node has resumed its background work. */
  readonly recovered: boolean;
}

export const storageName = (position: number) => `S${position + 1}`;

/** The id of the storage node with this name, or null. */
export function storageId(ctx: StorageContext, name: string): NodeId | null {
  const position = Number(name.slice(1)) - 1;
  return ctx.storage[position] ?? null;
}

export const nameOf = (ctx: StorageContext, id: NodeId): string => {
  const position = ctx.storage.indexOf(id);
  if (position >= 0) return storageName(position);
  const client = ctx.clients.indexOf(id);
  return client >= 0 ? `C${client + 1}` : `node ${id}`;
};

const keyIndex = (key: string) => keyNames.indexOf(key as (typeof keyNames)[number]);

/** The ids of the key's home replicas, in ring order. */
export function homeOf(ctx: StorageContext, key: string): NodeId[] {
  return homePositions(keyIndex(key), ctx.settings.n, ctx.storage.length).map((p) => ctx.storage[p]!);
}

/** The ids of the nodes that may stand in for the key's home replicas, nearest first. */
export function standInsOf(ctx: StorageContext, key: string): NodeId[] {
  return standInPositions(keyIndex(key), ctx.settings.n, ctx.storage.length).map((p) => ctx.storage[p]!);
}

/** The keys this node is a home replica of. */
export function homeKeys(ctx: StorageContext): string[] {
  return keyNames.slice(0, ctx.keys).filter((key) => homeOf(ctx, key).includes(ctx.self));
}

function settingsFrom(config: { readonly [key: string]: unknown }, position: number): Settings {
  return {
    consistency: config['consistency'] === 'dynamo' ? 'dynamo' : 'linearizable',
    n: Number(config['n']),
    r: Number(config['r']),
    w: Number(config['w']),
    readRepair: config['readRepair'] === true,
    antiEntropy: config['antiEntropy'] === true,
    antiEntropyTicks: Number(config['antiEntropyTicks']),
    sloppyQuorum: config['sloppyQuorum'] === true,
    handoffTicks: Number(config['handoffTicks']),
    timeoutTicks: Number(config['timeoutTicks']),
    skew: position * Number(config['clockSkewTicks'] ?? 0),
  };
}

export function initialStorage({ self, log }: MachineInput): StorageContext {
  const storage = self.peers['storage'] ?? [];
  const position = storage.indexOf(self.id);
  return {
    self: self.id,
    name: storageName(position),
    position,
    storage,
    clients: self.peers['client'] ?? [],
    keys: Number(self.config['keys']),
    settings: settingsFrom(self.config, position),
    data: readLog(log).data,
    hints: readLog(log).hints,
    requests: {},
    taken: readLog(log).taken,
    sync: { running: false, next: 0, clean: 0, awaiting: null },
    handingOff: false,
    recovered: log !== null,
  };
}
