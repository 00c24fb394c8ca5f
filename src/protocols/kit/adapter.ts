// The XState adapter: turns a machine into the engine's node contract. Machines are pure
// (`initialTransition` / `transition` return the next snapshot and the actions without running
// them), so the adapter memoises every transition: XState's `transition` costs tens of
// microseconds, a memo hit a few hash lookups (see transition-memo.ts).
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import type { NodeBehaviour, NodeEvent, NodeInput, NodeStep, Persisted } from '../../engine';
import { toEffects, type ActionObject } from './effects';
import { toMachineEvent } from './events';
import { canonicalJson, stateLabel, type MachineState, type StateValue } from './machine-state';
import { TransitionMemo } from './transition-memo';

/**
 * What every machine receives as input: who it is, and its log when it restarts after a crash.
 * `Config` is the protocol's validated config, typed as its options declare it
 * (`MachineInput<ConfigOf<typeof options>>`), so a machine reads `input.self.config.retryTicks`.
 */
export interface MachineInput<Config = NodeInput['config']> {
  readonly self: Omit<NodeInput, 'config'> & { readonly config: Config };
  /** `null` on a fresh start; the persisted record (possibly empty) when recovering. */
  readonly log: Persisted | null;
}

export interface AdapterOptions {
  /** How many memoised transitions to keep before starting afresh. */
  readonly cacheLimit?: number;
  /** Message types whose machine event carries the tick as `now` (see `RoleDefinition.clock`). */
  readonly clock?: readonly string[];
}

type Step = NodeStep<MachineState>;

/**
 * The memo key of an event for one node. The node id is part of it because a transition's
 * effects depend on who takes it (a broadcast to a role skips the sender).
 */
function eventKeyOf(bodyKeys: WeakMap<object, string>, event: NodeEvent, node: number, clocked: boolean): string {
  if (event.kind === 'timer') return `${node}|t|${event.name}`;
  if (event.kind === 'client') return `${node}|c|${event.op}`;
  let body = bodyKeys.get(event.body);
  if (body === undefined) {
    body = JSON.stringify(event.body);
    bodyKeys.set(event.body, body);
  }
  return clocked ? `${node}|m${event.from}|${body}@${event.tick ?? 0}` : `${node}|m${event.from}|${body}`;
}

export function machineBehaviour(machine: AnyStateMachine, options: AdapterOptions = {}): NodeBehaviour<MachineState> {
  const memo = new TransitionMemo<Step>(options.cacheLimit ?? 200_000);
  const bodyKeys = new WeakMap<object, string>();
  const labels = new WeakMap<MachineState, string>();
  const clock = new Set(options.clock ?? []);
  const clocked = (event: NodeEvent) => clock.size > 0 && event.kind === 'message' && clock.has(event.body.type);

  const finish = (snapshot: { value: unknown; context: unknown }, actions: readonly ActionObject[], input: NodeInput): Step => [
    memo.intern(snapshot.value as StateValue, snapshot.context as MachineState['context']),
    toEffects(machine.id, actions, input),
  ];

  const start = (input: NodeInput, log: Persisted | null): Step =>
    memo.start(`${input.id}|${log === null ? 'fresh' : canonicalJson(log)}`, () => {
      const machineInput: MachineInput = { self: input, log };
      const [snapshot, actions] = initialTransition(machine, machineInput);
      return finish(snapshot, actions, input);
    });

  return {
    init: (input) => start(input, null),
    recover: (persisted, input) => start(input, persisted),
    receive(given, event, input) {
      const state = memo.canonical(given);
      const withClock = clocked(event);
      return memo.transition(state, eventKeyOf(bodyKeys, event, input.id, withClock), () => {
        const snapshot = machine.resolveState({ value: state.value, context: state.context });
        const machineEvent = withClock ? { ...toMachineEvent(event), now: event.kind === 'message' ? (event.tick ?? 0) : 0 } : toMachineEvent(event);
        const [next, actions] = transition(machine, snapshot, machineEvent as never);
        return finish(next, actions, input);
      });
    },
    label(state) {
      let label = labels.get(state);
      if (label === undefined) {
        label = stateLabel(state.value);
        labels.set(state, label);
      }
      return label;
    },
    key: (state) => memo.keyOf(state),
  };
}
