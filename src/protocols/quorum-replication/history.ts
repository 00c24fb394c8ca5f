// The clients' history, read from their operation observations (the kit's one shape), as the
// register operations the engine's linearizability checker takes. A put that failed or never
// returned may still take effect (nothing is rolled back), so its return is unknown; a get that
// failed or never returned told nobody anything and is left out.
//
// The rules run after every step, in the model checker too, where many worlds have the same
// history: a verdict is kept per history (its text) as well as per observation list.
import { checkRegisterHistory, nodeName, type NodeId, type Observation, type RegisterOperation, type World } from '../../engine';
import { asOperation, operationIntervals, type OperationInterval } from '../kit/operations';
import { onObservations } from '../kit/world-query';
import type { Version } from './versions';

function asRegisterOperation(world: World, interval: OperationInterval): RegisterOperation | null {
  const { invoke, result } = interval;
  const client = nodeName(world, interval.node);
  const partition = invoke.key ?? '';
  // Literals written out whole rather than spread from a shared base: this runs for every
  // operation of every new history the checker meets, and a spread cost a twentieth of its time.
  if (invoke.action === 'put') {
    const done = result !== null && result.ok ? interval.returnStep : null;
    return { id: invoke.id, client, partition, invoke: interval.invokeStep, input: { kind: 'write', value: invoke.value ?? '' }, return: done };
  }
  if (result === null || !result.ok) return null;
  return { id: invoke.id, client, partition, invoke: interval.invokeStep, input: { kind: 'read', values: result.values ?? [] }, return: interval.returnStep };
}

/** The history read once per observation list: the intervals and the register operations. */
const histories = onObservations((world: World) => {
  const intervals = operationIntervals(world.observations);
  return { intervals, operations: intervals.flatMap((interval) => asRegisterOperation(world, interval) ?? []) };
});

const intervals = (world: World) => histories(world).intervals;

/** Every client operation so far, as register operations. */
export const registerHistory = (world: World): RegisterOperation[] => histories(world).operations;

export interface LinearizabilityBreach {
  readonly message: string;
  readonly nodes: readonly NodeId[];
  readonly operations: readonly string[];
}

const verdicts = new Map<string, LinearizabilityBreach | null>();
const verdictsMax = 100_000;

/** Whether an observation is an operation's return: the only kind that can change a verdict. */
const isReturn = (o: Observation) => asOperation(o.value)?.operation === 'return';

/**
 * Null while the history so far has a linearization; else its smallest contradiction. An
 * observation that is not a return keeps a linearizable history linearizable: a get still open is
 * left out, and a put still open may take effect last, after everything else.
 */
export const linearizability = onObservations((world: World): LinearizabilityBreach | null => {
  const history = registerHistory(world);
  // Only a return can break a history: an operation still open can always take effect last.
  if (!history.some((op) => op.return !== null)) return null;
  const text = history.map((op) => `${op.id}:${op.invoke}-${op.return ?? ''}=${JSON.stringify(op.input)}`).join(';');
  const known = verdicts.get(text);
  if (known !== undefined) return known;
  const verdict = checkRegisterHistory(history);
  let breach: LinearizabilityBreach | null = null;
  if (verdict.kind === 'not-linearizable') {
    const nodeOf = new Map(intervals(world).map((i) => [i.invoke.id, i.node]));
    const nodes = [...new Set(verdict.operations.map((id) => nodeOf.get(id)!))].sort((a, b) => a - b);
    breach = { message: verdict.message, nodes, operations: verdict.operations };
  }
  if (verdicts.size >= verdictsMax) verdicts.clear();
  verdicts.set(text, breach);
  return breach;
}, (before, newest) => (before === null && !isReturn(newest) ? null : undefined));

export interface AcknowledgedPut {
  readonly id: string;
  readonly node: NodeId;
  readonly key: string;
  readonly version: Version;
}

/** The puts the clients were told succeeded, with the version each got (only a return adds one). */
export const acknowledgedPuts = onObservations(
  (world: World): AcknowledgedPut[] =>
    intervals(world).flatMap(({ invoke, result, node }) => {
      const version = (result as unknown as { version?: Version } | null)?.version;
      if (invoke.action !== 'put' || result === null || !result.ok || version === undefined || invoke.key === undefined) return [];
      return [{ id: invoke.id, node, key: invoke.key, version }];
    }),
  (before, newest) => (isReturn(newest) ? undefined : before),
);
