// Turns the actions XState's pure `transition` hands back into the engine's closed effect
// vocabulary. Anything else (an `invoke`, a `sendTo`, a custom function) is refused with a
// message naming the machine, because it would act outside the engine's control.
import type { Effect, NodeInput } from '../../engine';
import type { BroadcastParams, KitActionType } from './actions';

export interface ActionObject {
  readonly type: string;
  readonly params?: unknown;
}

export class MachineActionError extends Error {
  override readonly name = 'MachineActionError';
}

function broadcast(params: BroadcastParams, input: NodeInput): Effect[] {
  const targets = 'role' in params ? (input.peers[params.role] ?? []).filter((id) => id !== input.id) : params.to;
  return targets.map((to) => ({ type: 'send', to, body: params.body }));
}

function delayedRaise(machine: string, params: unknown): Effect {
  const { event, delay } = (params ?? {}) as { event?: { type?: unknown }; delay?: unknown };
  if (typeof delay !== 'number' || typeof event?.type !== 'string')
    throw new MachineActionError(`${machine}: raise() without a delay is not supported; use an eventless transition`);
  if (!Number.isInteger(delay) || delay < 0)
    throw new MachineActionError(`${machine}: the delay ${String(delay)} for ${event.type} is not a whole number of ticks`);
  return { type: 'setTimer', name: event.type, ticksMin: delay, ticksMax: delay };
}

function one(machine: string, action: ActionObject, input: NodeInput): Effect[] {
  const type = action.type as KitActionType | 'xstate.raise' | 'xstate.cancel';
  const params = action.params as never;
  switch (type) {
    case 'send':
    case 'setTimer':
    case 'cancelTimer':
    case 'persist':
    case 'observe':
    case 'note':
      return [{ type, ...(params as object) } as Effect];
    case 'broadcast':
      return broadcast(params, input);
    case 'xstate.raise':
      return [delayedRaise(machine, action.params)];
    case 'xstate.cancel':
      return [{ type: 'cancelTimer', name: String((action.params as { sendId?: unknown } | undefined)?.sendId) }];
    default:
      throw new MachineActionError(
        `${machine}: the action "${action.type}" is not one the engine can carry out ` +
          '(use send, broadcast, setTimer, cancelTimer, persist, observe, note, assign or after; no invoke, promises or real timers)',
      );
  }
}

/** The engine effects for a transition's actions, in order. */
export function toEffects(machine: string, actions: readonly ActionObject[], input: NodeInput): Effect[] {
  const out: Effect[] = [];
  for (const action of actions) out.push(...one(machine, action, input));
  return out;
}
