// What the application servers' clients saw, read from their observations (the kit's shared
// invoke/return shape): the writes acknowledged to them, and the first read that returned an
// older version than a write the same server had acknowledged before the read began. Folded one
// observation at a time (the kit's foldObservations), so a long run costs O(1) per step.
import type { Json, NodeId, Observation } from '../../engine';
import { foldObservations } from '../kit/observation-fold';
import { asOperation } from '../kit/operations';

export interface AckedWrite {
  readonly node: NodeId;
  readonly id: string;
  readonly key: string;
  readonly value: string;
  readonly version: number;
  readonly step: number;
}

export interface StaleRead {
  readonly node: NodeId;
  readonly key: string;
  readonly wrote: AckedWrite;
  readonly read: string;
  readonly readVersion: number;
  readonly step: number;
}

/** An operation invoked and not yet returned; a read remembers its server's last write of the key. */
interface Open {
  readonly node: NodeId;
  readonly action: string;
  readonly key: string;
  readonly value: string | null;
  readonly after: AckedWrite | null;
}

export interface ClientHistory {
  /** Key -> the acknowledged write with the highest version. */
  readonly newest: Map<string, AckedWrite>;
  /** "node|key" -> that server's last acknowledged write of the key. */
  readonly lastWrites: Map<string, AckedWrite>;
  /** The first read that missed its own server's acknowledged write, if any. */
  staleRead: StaleRead | null;
  /** Operations invoked and not returned (perhaps never: their server crashed), by id. */
  readonly pending: Map<string, Open>;
}

const versionOf = (value: Json): number | null => {
  const version = (value as { readonly version?: Json }).version;
  return typeof version === 'number' ? version : null;
};

function returned(history: ClientHistory, o: Observation, id: string, ok: boolean): void {
  const op = history.pending.get(id);
  if (op === undefined) return;
  history.pending.delete(id);
  const version = versionOf(o.value);
  if (!ok || version === null) return;
  if (op.action === 'write' && op.value !== null) {
    const write = { node: op.node, id, key: op.key, value: op.value, version, step: o.step };
    if ((history.newest.get(op.key)?.version ?? -1) < version) history.newest.set(op.key, write);
    history.lastWrites.set(`${op.node}|${op.key}`, write);
  } else if (op.action === 'read' && history.staleRead === null && op.after !== null && version < op.after.version) {
    const read = ((o.value as { readonly values?: readonly string[] }).values ?? ['?'])[0] ?? '?';
    history.staleRead = { node: op.node, key: op.key, wrote: op.after, read, readVersion: version, step: o.step };
  }
}

/** The clients' history so far: read what is needed from it at once (the kit's fold reuses it). */
export const clientHistory = foldObservations<ClientHistory>({
  start: () => ({ newest: new Map(), lastWrites: new Map(), staleRead: null, pending: new Map() }),
  add(history, o) {
    const op = asOperation(o.value);
    if (op === null) return;
    if (op.operation === 'return') return returned(history, o, op.id, op.ok);
    const key = op.key ?? '';
    history.pending.set(op.id, { node: o.node, action: op.action, key, value: op.value ?? null, after: history.lastWrites.get(`${o.node}|${key}`) ?? null });
  },
  copy: (history) => ({ newest: new Map(history.newest), lastWrites: new Map(history.lastWrites), staleRead: history.staleRead, pending: new Map(history.pending) }),
});

/** Whether some operation is still open: invoked and not returned (perhaps never, its server crashed). */
export const operationOpen = (world: Parameters<typeof clientHistory>[0]): boolean => clientHistory(world).pending.size > 0;
