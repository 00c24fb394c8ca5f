// The clients' history, read from their operation observations (the kit's one shape), as the
// register operations the engine's linearizability checker takes. A put that failed or never
// returned may still take effect (nothing is rolled back), so its return is unknown; a get that
// failed or never returned told nobody anything and is left out.
import { checkRegisterHistory, nodeName, type RegisterOperation, type RegisterVerdict, type World } from '../../engine';
import { operationIntervals, type OperationInterval } from '../kit/operations';
import { onObservations } from '../kit/world-query';

function asRegisterOperation(world: World, interval: OperationInterval): RegisterOperation | null {
  const { invoke, result } = interval;
  const base = { id: invoke.id, client: nodeName(world, interval.node), partition: invoke.key ?? '', invoke: interval.invokeStep };
  if (invoke.action === 'put') {
    const done = result !== null && result.ok ? interval.returnStep : null;
    return { ...base, input: { kind: 'write', value: invoke.value ?? '' }, return: done };
  }
  if (result === null || !result.ok) return null;
  return { ...base, input: { kind: 'read', values: result.values ?? [] }, return: interval.returnStep };
}

/** Every client operation so far, as register operations (recomputed only when something new is observed). */
export const registerHistory = onObservations((world: World): RegisterOperation[] =>
  operationIntervals(world.observations).flatMap((interval) => asRegisterOperation(world, interval) ?? []),
);

/** The intervals themselves, for rules that need the results (a put's version). */
export const intervals = onObservations((world: World) => operationIntervals(world.observations));

/** Whether the history so far has a linearization; if not, its smallest contradiction. */
export const linearizability = onObservations((world: World): RegisterVerdict => checkRegisterHistory(registerHistory(world)));
