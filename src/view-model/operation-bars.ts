// Client operations as bars on their client's lane, from invoke to return, as Jepsen and
// Porcupine draw histories. Read from the trace's observations in the kit's one operation shape,
// so every protocol whose clients observe operations gets them: no protocol rule here. A bar is
// labelled with what was written or read and marked when a violation names its operation.
import type { NodeId, Observation, TraceEvent } from '../engine';
import { operationIntervals, type OperationInterval } from '../protocols/kit/operations';

export type OperationOutcome = 'ok' | 'failed' | 'open';

export interface OperationBar {
  /** The operation's id ("C1.3"): stable, so it keys a `{#each}`. */
  readonly id: string;
  readonly node: NodeId;
  /** Bars of one lane that overlap (a client that gave up and began another) take rows 0, 1... */
  readonly row: number;
  readonly fromStep: number;
  /** The step it returned, or null when the trace ends with it open. */
  readonly toStep: number | null;
  readonly outcome: OperationOutcome;
  /** Short words while it is open ("put x=a1") and once it has returned ("get x → a1|b1"). */
  readonly openLabel: string;
  readonly label: string;
  /** The whole story, with the error: for the tooltip and the text alternative. */
  readonly detail: string;
  /** The step of the first violation that names this operation, or null. */
  readonly namedAt: number | null;
}

function labels(interval: OperationInterval): Pick<OperationBar, 'openLabel' | 'label' | 'detail' | 'outcome'> {
  const { invoke, result } = interval;
  const call = `${invoke.action}${invoke.key === undefined ? '' : ` ${invoke.key}`}${invoke.value === undefined ? '' : `=${invoke.value}`}`;
  const openLabel = `${call} …`;
  if (result === null) return { openLabel, label: openLabel, detail: `${call}: no answer yet`, outcome: 'open' };
  if (!result.ok) return { openLabel, label: `${call} failed`, detail: `${call} failed: ${result.error ?? 'no reason given'}`, outcome: 'failed' };
  const values = result.values;
  const got = values === undefined ? '' : ` → ${values.length === 0 ? 'nothing' : values.join('|')}`;
  return { openLabel, label: `${call}${got}`, detail: `${call}${got}: ok`, outcome: 'ok' };
}

/** Every client operation of the trace as a bar, in invoke order. */
export function operationBars(events: readonly TraceEvent[]): OperationBar[] {
  const observations: Observation[] = [];
  const named = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'observe') observations.push({ step: event.step, tick: event.tick, node: event.node, value: event.value });
    else if (event.type === 'violation') for (const id of event.operations ?? []) if (!named.has(id)) named.set(id, event.step);
  }
  const openUntil = new Map<NodeId, number[]>();
  return operationIntervals(observations).map((interval) => {
    const rows = openUntil.get(interval.node) ?? [];
    let row = rows.findIndex((until) => until < interval.invokeStep);
    if (row < 0) row = rows.length;
    rows[row] = interval.returnStep ?? Infinity;
    openUntil.set(interval.node, rows);
    return {
      id: interval.invoke.id,
      node: interval.node,
      row,
      fromStep: interval.invokeStep,
      toStep: interval.returnStep,
      ...labels(interval),
      namedAt: named.get(interval.invoke.id) ?? null,
    };
  });
}

/** The bars that overlap the steps [from, to]. */
export const barsBetween = (bars: readonly OperationBar[], from: number, to: number) =>
  bars.filter((bar) => bar.fromStep <= to && (bar.toStep ?? Infinity) >= from);
