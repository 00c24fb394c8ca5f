// The XState adapter: turns a machine into the engine's node contract. Machines are pure
// (`initialTransition` / `transition` return the next snapshot and the actions without running
// them), so the adapter memoises every transition: XState's `transition` costs tens of
// microseconds, a memo hit a few hash lookups (see transition-memo.ts).
import { createActor, initialTransition, type AnyActorScope, type AnyStateMachine } from 'xstate';
import type { MessageBody, NodeBehaviour, NodeEvent, NodeInput, NodeStep, Persisted } from '../../engine';
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
 * The memo keys of events for one behaviour. A key names the node because a transition's effects
 * depend on who takes it (a broadcast to a role skips the sender). Each key is made once and handed
 * out as the same string every time: a string built afresh for every step had to be hashed and
 * compared character by character at every memo lookup (a tenth of a quorum replication step).
 */
class EventKeys {
  /** Per message body: its JSON and the key of its first route (receiver and sender); a body
   * object is nearly always sent once, so other routes are rare and kept in a map. */
  private readonly bodies = new WeakMap<object, { readonly text: string; readonly route: number; readonly key: string; others: Map<number, string> | null }>();
  /** Per timer and per client operation: the key, by node. */
  private readonly timers = new Map<string, string[]>();
  private readonly operations = new Map<string, string[]>();

  of(event: NodeEvent, node: number, clocked: boolean): string {
    if (event.kind === 'timer') return this.name('t', event.name, node);
    if (event.kind === 'client') return this.name('c', event.op, node);
    const route = node * 65536 + event.from;
    let body = this.bodies.get(event.body);
    if (body === undefined) {
      const text = JSON.stringify(event.body);
      this.bodies.set(event.body, (body = { text, route, key: `${node}|m${event.from}|${text}`, others: null }));
    }
    // A clocked event's key carries the tick, so it is not kept.
    if (clocked) return `${node}|m${event.from}|${body.text}@${event.tick ?? 0}`;
    if (body.route === route) return body.key;
    let key = body.others?.get(route);
    if (key === undefined) (body.others ??= new Map()).set(route, (key = `${node}|m${event.from}|${body.text}`));
    return key;
  }

  private name(kind: 't' | 'c', name: string, node: number): string {
    const table = kind === 't' ? this.timers : this.operations;
    let byNode = table.get(name);
    if (byNode === undefined) {
      // Names made from counters ("wait.C1.3") keep coming in a long run: the table starts afresh.
      if (table.size >= 10_000) table.clear();
      table.set(name, (byNode = []));
    }
    return (byNode[node] ??= `${node}|${kind}|${name}`);
  }
}

/**
 * XState's `transition(machine, snapshot, event)` is pure, but builds a throwaway actor for every
 * call, and that actor computes (and here fails to compute: it has no input) the machine's
 * initial snapshot: most of the cost of a transition. The machines run no children, timers or
 * promises, and every action goes to `actionExecutor`, so one inert scope per machine serves
 * every call; it is the same scope XState builds, made once.
 */
function inertScope(machine: AnyStateMachine): { scope: AnyActorScope; collected: ActionObject[][] } {
  const self = createActor(machine);
  const collected: ActionObject[][] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: ActionObject) => collected.at(-1)!.push(action),
  } as unknown as AnyActorScope;
  return { scope, collected };
}

export function machineBehaviour(machine: AnyStateMachine, options: AdapterOptions = {}): NodeBehaviour<MachineState> {
  const memo = new TransitionMemo<Step>(options.cacheLimit ?? 200_000);
  const eventKeys = new EventKeys();
  const clock = new Set(options.clock ?? []);
  const clocked = (event: NodeEvent) => clock.size > 0 && event.kind === 'message' && clock.has(event.body.type);

  let inert: ReturnType<typeof inertScope> | null = null;
  const transition = (snapshot: unknown, event: unknown): [{ value: unknown; context: unknown }, ActionObject[]] => {
    inert ??= inertScope(machine);
    const actions: ActionObject[] = [];
    inert.collected.push(actions);
    try {
      return [machine.transition(snapshot as never, event as never, inert.scope), actions];
    } finally {
      inert.collected.pop();
    }
  };
  /** Kept beside each interned state: its XState snapshot, so the next transition need not
   * rebuild it with `resolveState` (a fifth of the cost of a transition not in the memo), and its label. */
  const extraOf = (state: MachineState) => memo.extraOf(state) as { snapshot: object; label: string | null } | null;
  const finish = (snapshot: { value: unknown; context: unknown }, actions: readonly ActionObject[], input: NodeInput): Step => [
    memo.intern(snapshot.value as StateValue, snapshot.context as MachineState['context'], { snapshot, label: null }),
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
      return memo.transition(state, eventKeys.of(event, input.id, withClock), () => {
        const snapshot = extraOf(state)?.snapshot ?? machine.resolveState({ value: state.value, context: state.context });
        const machineEvent = withClock ? { ...toMachineEvent(event), now: event.kind === 'message' ? (event.tick ?? 0) : 0 } : toMachineEvent(event);
        const [next, actions] = transition(snapshot, machineEvent);
        return finish(next, actions, input);
      });
    },
    label(state) {
      const extra = extraOf(state);
      if (extra === null) return stateLabel(state.value);
      return (extra.label ??= stateLabel(state.value));
    },
    key: (state) => memo.keyOf(state),
    ...(clock.size === 0 ? {} : { readsClock: (body: MessageBody) => clock.has(body.type) }),
  };
}
