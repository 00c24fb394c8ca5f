import type { Partition } from './network';
import type { Envelope, Json, NodeId, Timer } from './types';

export type DropReason = 'chosen' | 'loss' | 'node-down' | 'partition';

/** What happened, one fact at a time. `step` is the number of choices applied when it happened. */
export type TraceEvent = { readonly step: number; readonly tick: number } & (
  | { readonly type: 'send'; readonly envelope: Envelope }
  | { readonly type: 'deliver'; readonly envelope: Envelope }
  | { readonly type: 'drop'; readonly envelope: Envelope; readonly reason: DropReason }
  | { readonly type: 'duplicate'; readonly envelope: Envelope; readonly copy: Envelope; readonly network: boolean }
  | { readonly type: 'timer-set'; readonly timer: Timer }
  /**
   * `early`: a timer due sooner still waits; `late`: the clock had already passed its due tick
   * (a delivery moved it on). No clock allows either; a search that ignores due times may take
   * them. `overtakes`: messages due sooner are still in flight, so they arrive late, which an
   * asynchronous network allows.
   */
  | { readonly type: 'timer-fire'; readonly timer: Timer; readonly early: boolean; readonly late: boolean; readonly overtakes: boolean }
  | { readonly type: 'timer-cancel'; readonly timer: Timer }
  | { readonly type: 'crash'; readonly node: NodeId }
  | { readonly type: 'restart'; readonly node: NodeId }
  | { readonly type: 'partition'; readonly groups: NonNullable<Partition> }
  | { readonly type: 'heal' }
  | { readonly type: 'network'; readonly lossPercent: number; readonly duplicationPercent: number }
  | { readonly type: 'client'; readonly node: NodeId; readonly op: string }
  | { readonly type: 'state'; readonly node: NodeId; readonly from: string; readonly to: string }
  | { readonly type: 'persist'; readonly node: NodeId; readonly data: { readonly [key: string]: Json } }
  | { readonly type: 'observe'; readonly node: NodeId; readonly value: Json }
  | { readonly type: 'note'; readonly node: NodeId; readonly text: string }
  | {
      readonly type: 'violation';
      readonly rule: string;
      readonly message: string;
      readonly nodes: readonly NodeId[];
      /** The client operations the violation names, when it names any. */
      readonly operations?: readonly string[];
    }
  | {
      readonly type: 'condition';
      readonly rule: string;
      readonly active: boolean;
      readonly message: string;
      readonly nodes: readonly NodeId[];
    }
  | { readonly type: 'halt'; readonly message: string }
);

export type TraceEventType = TraceEvent['type'];

/**
 * The trace is a persistent list, newest first, so that every world shares its past with its
 * predecessors and appending costs O(1). `toArray` gives it oldest first.
 */
export interface TraceList {
  readonly event: TraceEvent;
  readonly previous: TraceList | null;
  readonly length: number;
}

export function appendTrace(list: TraceList | null, event: TraceEvent): TraceList {
  return { event, previous: list, length: (list?.length ?? 0) + 1 };
}

export function traceLength(list: TraceList | null): number {
  return list?.length ?? 0;
}

export function traceToArray(list: TraceList | null): TraceEvent[] {
  const out = new Array<TraceEvent>(traceLength(list));
  for (let link = list, i = out.length - 1; link !== null; link = link.previous, i--) out[i] = link.event;
  return out;
}

/** The events added after the first `since` events, oldest first. */
export function traceSince(list: TraceList | null, since: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let link = list; link !== null && link.length > since; link = link.previous) out.push(link.event);
  return out.reverse();
}
