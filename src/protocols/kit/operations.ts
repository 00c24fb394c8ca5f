// Client operations as observations, in one shape every protocol uses: the timeline draws each as
// an interval on its client's lane (invoke to return), as Jepsen and Porcupine draw histories,
// and generic checkers (linearizability, cost) read them from the observations.
import type { Json, Observation } from '../../engine';

/** Observed by the client when it invokes an operation. */
export interface OperationInvoke {
  readonly operation: 'invoke';
  /** Unique within the run: the client's name and a counter ("C1.3"). */
  readonly id: string;
  /** The protocol's word for it: "put", "get", "read", "write", "produce". */
  readonly action: string;
  readonly key?: string;
  /** The value written, for writes. */
  readonly value?: string;
}

/** Observed by the client when the operation returns (or fails). */
export interface OperationReturn {
  readonly operation: 'return';
  readonly id: string;
  readonly ok: boolean;
  /** The value(s) read, for reads: several when a read returns concurrent siblings. */
  readonly values?: readonly string[];
  /** Why it failed, in words ("timed out: 1 of 2 acks"). */
  readonly error?: string;
}

export type OperationObservation = OperationInvoke | OperationReturn;

type Fields = { readonly [key: string]: Json };

function isRecord(value: Json): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isInvoke = (value: Fields): value is Fields & OperationInvoke =>
  value['operation'] === 'invoke' && typeof value['id'] === 'string' && typeof value['action'] === 'string';

const isReturn = (value: Fields): value is Fields & OperationReturn =>
  value['operation'] === 'return' && typeof value['id'] === 'string' && typeof value['ok'] === 'boolean';

/** The observation's operation part, or null for observations of other kinds. */
export function asOperation(value: Json): OperationObservation | null {
  return isRecord(value) && (isInvoke(value) || isReturn(value)) ? value : null;
}

/** One client operation with both ends (the return is null while it is still open). */
export interface OperationInterval {
  readonly node: number;
  readonly invoke: OperationInvoke;
  readonly invokeStep: number;
  readonly invokeTick: number;
  readonly result: OperationReturn | null;
  readonly returnStep: number | null;
  readonly returnTick: number | null;
}

/** Pairs invokes and returns from a list of observations, in invoke order. */
export function operationIntervals(observations: Iterable<Observation>): OperationInterval[] {
  const open = new Map<string, number>();
  const all: OperationInterval[] = [];
  for (const o of observations) {
    const op = asOperation(o.value);
    if (op === null) continue;
    if (op.operation === 'invoke') {
      const interval: OperationInterval = { node: o.node, invoke: op, invokeStep: o.step, invokeTick: o.tick, result: null, returnStep: null, returnTick: null };
      open.set(op.id, all.length);
      all.push(interval);
    } else {
      const index = open.get(op.id);
      if (index === undefined) continue;
      open.delete(op.id);
      all[index] = { ...all[index]!, result: op, returnStep: o.step, returnTick: o.tick };
    }
  }
  return all;
}
