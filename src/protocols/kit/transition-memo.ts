// The adapter's memo. Machines are pure, so a transition is a function of (state, event) alone
// and can be remembered. States are interned (one object per canonical state text), so the
// memo is keyed by object identity and most steps never build a key string for the state.
// Everything is bounded: past `limit` entries the memo starts afresh.
import { machineStateKey, type MachineState, type StateValue } from './machine-state';

export class TransitionMemo<Step> {
  private interned = new Map<string, MachineState>();
  private keys = new WeakMap<MachineState, string>();
  private transitions = new WeakMap<MachineState, Map<string, Step>>();
  private starts = new Map<string, Step>();
  private size = 0;

  constructor(private readonly limit: number) {}

  /** The one shared object for a state with this value and context. */
  intern(value: StateValue, context: MachineState['context']): MachineState {
    const candidate: MachineState = { value, context };
    const key = machineStateKey(candidate);
    const found = this.interned.get(key);
    if (found !== undefined) return found;
    this.interned.set(key, candidate);
    this.keys.set(candidate, key);
    return candidate;
  }

  /** The interned twin of a state that may have come from elsewhere (a decoded world). */
  canonical(state: MachineState): MachineState {
    return this.keys.has(state) ? state : this.intern(state.value, state.context);
  }

  keyOf(state: MachineState): string {
    return this.keys.get(state) ?? machineStateKey(state);
  }

  start(key: string, compute: () => Step): Step {
    const found = this.starts.get(key);
    if (found !== undefined) return found;
    const step = compute();
    this.starts.set(key, step);
    this.grow();
    return step;
  }

  transition(state: MachineState, eventKey: string, compute: () => Step): Step {
    let table = this.transitions.get(state);
    if (table === undefined) {
      table = new Map();
      this.transitions.set(state, table);
    }
    const found = table.get(eventKey);
    if (found !== undefined) return found;
    const step = compute();
    table.set(eventKey, step);
    this.grow();
    return step;
  }

  private grow(): void {
    if (++this.size <= this.limit) return;
    this.interned = new Map();
    this.keys = new WeakMap();
    this.transitions = new WeakMap();
    this.starts = new Map();
    this.size = 0;
  }
}
