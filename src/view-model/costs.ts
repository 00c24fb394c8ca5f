// The cost of a run, for any protocol that declares what it counts (`Protocol.costs`): totals of
// the declared counters (cache hits, database writes, messages...) and each client operation's
// latency in ticks. Built once per trace as a ledger; reading it at a step is a few binary
// searches, so scrubbing a long run costs nothing per frame.
import type { NodeId, Observation, TraceEvent } from '../engine';
import type { CostCounter } from '../protocols/kit/costs';
import { operationIntervals, type OperationInterval } from '../protocols/kit/operations';

export interface CostLedger {
  readonly counters: readonly CostCounter[];
  /** Per counter, the step of each thing it counted, in order. */
  readonly steps: readonly (readonly number[])[];
  /** Client operations, in invoke order. */
  readonly operations: readonly OperationInterval[];
  /** Per action, the successful returns in step order with the running total of their latencies. */
  readonly returns: ReadonlyMap<string, { readonly steps: readonly number[]; readonly ticks: readonly number[] }>;
}

function returnsOf(operations: readonly OperationInterval[]): CostLedger['returns'] {
  const done = operations.filter((op) => op.result?.ok === true).sort((a, b) => a.returnStep! - b.returnStep!);
  const returns = new Map<string, { steps: number[]; ticks: number[] }>();
  for (const op of done) {
    const entry = returns.get(op.invoke.action) ?? { steps: [], ticks: [] };
    entry.ticks.push((entry.ticks.at(-1) ?? 0) + op.returnTick! - op.invokeTick);
    entry.steps.push(op.returnStep!);
    returns.set(op.invoke.action, entry);
  }
  return returns;
}

function counts(counter: CostCounter, event: TraceEvent, roleOf: (node: NodeId) => string | undefined): boolean {
  const how = counter.count;
  if (how.kind === 'observed') {
    if (event.type !== 'observe' || typeof event.value !== 'object' || event.value === null || Array.isArray(event.value)) return false;
    return (event.value as { readonly [key: string]: unknown })[how.field] === how.equals;
  }
  if (event.type !== (how.kind === 'sent' ? 'send' : 'deliver')) return false;
  const { envelope } = event as Extract<TraceEvent, { type: 'send' | 'deliver' }>;
  return (how.types === undefined || how.types.includes(envelope.body.type)) && (how.toRole === undefined || roleOf(envelope.to) === how.toRole);
}

/** Everything the cost view needs from a trace, computed once per trace. */
export function costLedger(events: readonly TraceEvent[], counters: readonly CostCounter[], roleOf: (node: NodeId) => string | undefined): CostLedger {
  const steps = counters.map((): number[] => []);
  const observations: Observation[] = [];
  if (counters.length === 0) return { counters, steps, operations: [], returns: new Map() };
  for (const event of events) {
    if (event.type === 'observe') observations.push({ step: event.step, tick: event.tick, node: event.node, value: event.value });
    counters.forEach((counter, i) => {
      if (counts(counter, event, roleOf)) steps[i]!.push(event.step);
    });
  }
  const operations = operationIntervals(observations);
  return { counters, steps, operations, returns: returnsOf(operations) };
}

/** How many of the ascending `values` are at most `limit`. */
function countUpTo<T>(values: readonly T[], limit: number, of: (value: T) => number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (of(values[middle]!) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface CostTotal {
  readonly id: string;
  readonly label: string;
  readonly value: number;
}

export interface OperationCost {
  readonly id: string;
  readonly client: string;
  /** "write x=a1", "read x". */
  readonly text: string;
  readonly outcome: 'ok' | 'failed' | 'open';
  /** What it returned ("a1", "ok"), why it failed, or "waiting". */
  readonly result: string;
  /** Invoke to return; for an open operation, the ticks so far. */
  readonly latencyTicks: number;
}

export interface MeanLatency {
  readonly action: string;
  readonly operations: number;
  readonly ticks: number;
}

export interface CostView {
  readonly totals: readonly CostTotal[];
  /** The latest operations, newest first. */
  readonly recent: readonly OperationCost[];
  readonly operations: number;
  /** The mean latency of the operations that returned successfully, per action ("read", "write"). */
  readonly means: readonly MeanLatency[];
}

function operationCost(op: OperationInterval, step: number, tick: number, nameOf: (node: NodeId) => string): OperationCost {
  const { invoke } = op;
  const text = `${invoke.action}${invoke.key === undefined ? '' : ` ${invoke.key}`}${invoke.value === undefined ? '' : `=${invoke.value}`}`;
  const base = { id: invoke.id, client: nameOf(op.node), text };
  if (op.result === null || op.returnStep === null || op.returnStep > step) return { ...base, outcome: 'open', result: 'waiting', latencyTicks: tick - op.invokeTick };
  const latencyTicks = op.returnTick! - op.invokeTick;
  if (!op.result.ok) return { ...base, outcome: 'failed', result: op.result.error ?? 'failed', latencyTicks };
  return { ...base, outcome: 'ok', result: op.result.values?.join(', ') ?? 'ok', latencyTicks };
}

/** The costs as they stand after `step` (at `tick`), with at most `recentMax` operations listed. */
export function costsAt(ledger: CostLedger, step: number, tick: number, nameOf: (node: NodeId) => string, recentMax = 6): CostView {
  const totals = ledger.counters.map((counter, i) => ({ id: counter.id, label: counter.label, value: countUpTo(ledger.steps[i]!, step, (s) => s) }));
  const begun = countUpTo(ledger.operations, step, (op) => op.invokeStep);
  const recent: OperationCost[] = [];
  for (let i = begun - 1; i >= 0 && recent.length < recentMax; i--) recent.push(operationCost(ledger.operations[i]!, step, tick, nameOf));
  const means: MeanLatency[] = [];
  for (const [action, returned] of ledger.returns) {
    const operations = countUpTo(returned.steps, step, (s) => s);
    if (operations > 0) means.push({ action, operations, ticks: Math.round(returned.ticks[operations - 1]! / operations) });
  }
  return { totals, recent, operations: begun, means };
}
