// The XState adapter: turns a machine into the engine's node contract. Machines are pure
// (`initialTransition` / `transition` return the next snapshot and the actions without running
// them), so a transition is a function of (state, event) alone and the adapter memoises it:
// XState's `transition` costs tens of microseconds, a memo hit a few hash lookups.
//
// States are interned (one object per canonical state text), so the memo can be keyed by object
// identity and most steps never build a key string for the state at all.
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import type { Effect, NodeBehaviour, NodeEvent, NodeInput, NodeStep, Persisted } from '../../engine';
import { toEffects, type ActionObject } from './effects';
import { toMachineEvent } from './events';
import { machineStateKey, stateLabel, canonicalJson, type MachineState, type StateValue } from './machine-state';

/** What every machine receives as input: who it is, and its log when it restarts after a crash. */
export interface MachineInput {
  readonly self: NodeInput;
  /** `null` on a fresh start; the persisted record (possibly empty) when recovering. */
  readonly log: Persisted | null;
}

export interface AdapterOptions {
  /** How many memoised transitions to keep before starting afresh. */
  readonly cacheLimit?: number;
}

type Step = NodeStep<MachineState>;

export function machineBehaviour(machine: AnyStateMachine, options: AdapterOptions = {}): NodeBehaviour<MachineState> {
  const limit = options.cacheLimit ?? 200_000;
  let interned = new Map<string, MachineState>();
  let keys = new WeakMap<MachineState, string>();
  let memo = new WeakMap<MachineState, Map<string, Step>>();
  let starts = new Map<string, Step>();
  let size = 0;
  const bodyKeys = new WeakMap<object, string>();
  const labels = new WeakMap<MachineState, string>();

  function grow(): void {
    if (++size <= limit) return;
    interned = new Map();
    keys = new WeakMap();
    memo = new WeakMap();
    starts = new Map();
    size = 0;
  }

  function intern(value: StateValue, context: MachineState['context']): MachineState {
    const candidate: MachineState = { value, context };
    const key = machineStateKey(candidate);
    const found = interned.get(key);
    if (found !== undefined) return found;
    interned.set(key, candidate);
    keys.set(candidate, key);
    return candidate;
  }

  function canonical(state: MachineState): MachineState {
    return keys.has(state) ? state : intern(state.value, state.context);
  }

  function finish(snapshot: { value: unknown; context: unknown }, actions: readonly ActionObject[], input: NodeInput): Step {
    const state = intern(snapshot.value as StateValue, snapshot.context as MachineState['context']);
    const effects: readonly Effect[] = toEffects(machine.id, actions, input);
    return [state, effects];
  }

  function start(input: NodeInput, log: Persisted | null): Step {
    const key = `${input.id}|${log === null ? 'fresh' : canonicalJson(log)}`;
    const found = starts.get(key);
    if (found !== undefined) return found;
    const machineInput: MachineInput = { self: input, log };
    const [snapshot, actions] = initialTransition(machine, machineInput);
    const step = finish(snapshot, actions, input);
    starts.set(key, step);
    grow();
    return step;
  }

  function eventKey(event: NodeEvent, node: number): string {
    if (event.kind === 'timer') return `${node}|t|${event.name}`;
    if (event.kind === 'client') return `${node}|c|${event.op}`;
    let body = bodyKeys.get(event.body);
    if (body === undefined) {
      body = JSON.stringify(event.body);
      bodyKeys.set(event.body, body);
    }
    return `${node}|m${event.from}|${body}`;
  }

  return {
    init: (input) => start(input, null),
    recover: (persisted, input) => start(input, persisted),
    receive(given, event, input) {
      const state = canonical(given);
      let table = memo.get(state);
      if (table === undefined) {
        table = new Map();
        memo.set(state, table);
      }
      const key = eventKey(event, input.id);
      const found = table.get(key);
      if (found !== undefined) return found;
      const snapshot = machine.resolveState({ value: state.value, context: state.context });
      const [next, actions] = transition(machine, snapshot, toMachineEvent(event) as never);
      const step = finish(next, actions, input);
      table.set(key, step);
      grow();
      return step;
    },
    label(state) {
      let label = labels.get(state);
      if (label === undefined) {
        label = stateLabel(state.value);
        labels.set(state, label);
      }
      return label;
    },
    key: (state) => keys.get(state) ?? machineStateKey(state),
  };
}
