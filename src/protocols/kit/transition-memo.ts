// The adapter's memo. Machines are pure, so a transition is a function of (state, event) alone
// and can be remembered. States are interned (one object per canonical state text), so the
// memo is keyed by object identity and most steps never build a key string for the state.
// Everything is bounded: past `limit` entries the memo starts afresh.
import { machineStateKey, type MachineState, type StateValue } from './machine-state';

/** What the memo knows of one interned state. */
interface Entry<Step> {
  /** The canonical text, made when first asked for (the checker's fingerprints ask for it). */
  key: string | null;
  /** The first event taken from this state and its step; a map only from the second event on,
   * since most states of a long run are left by one event only. */
  firstEvent: string | null;
  firstStep: Step | null;
  transitions: Map<string, Step> | null;
  /** Whatever the adapter keeps beside the state (its XState snapshot). */
  extra: object | null;
}

export class TransitionMemo<Step> {
  private interned = new Map<string, MachineState>();
  private starts = new Map<string, Step>();
  // Each state's entry sits on the state object itself, under a private, non-enumerable symbol
  // (spreads, JSON and test equality never see it). Tables keyed by state (WeakMaps) did the
  // same, but a long Paxos run makes a new state with every ballot, and the garbage collector
  // spent more time on those tables than the run spent on everything else. A fresh symbol on
  // every reset forgets all entries at once.
  private slot = Symbol('memo entry');
  private size = 0;

  constructor(private readonly limit: number) {}

  private entry(state: MachineState): Entry<Step> | undefined {
    return (state as unknown as Record<symbol, Entry<Step> | undefined>)[this.slot];
  }

  /** The one shared object for a state with this value and context. */
  intern(value: StateValue, context: MachineState['context'], extra: object | null = null): MachineState {
    const candidate: MachineState = { value, context };
    // Interned by plain JSON, about four times cheaper than the canonical text: the same
    // machine builds its contexts with their fields in the same order, so equal states meet
    // here; two that differ only in field order stay apart, which costs a memo entry, not a
    // wrong answer, since the canonical key (keyOf) is still the same for both.
    const text = JSON.stringify([value, context]);
    const found = this.interned.get(text);
    if (found !== undefined) return found;
    this.interned.set(text, candidate);
    const entry: Entry<Step> = { key: null, firstEvent: null, firstStep: null, transitions: null, extra };
    Object.defineProperty(candidate, this.slot, { value: entry });
    return candidate;
  }

  /** The interned twin of a state that may have come from elsewhere (a decoded world). */
  canonical(state: MachineState): MachineState {
    return this.entry(state) !== undefined ? state : this.intern(state.value, state.context);
  }

  keyOf(state: MachineState): string {
    const entry = this.entry(state);
    if (entry === undefined) return machineStateKey(state);
    return (entry.key ??= machineStateKey(state));
  }

  /** What was kept beside an interned state, or null. */
  extraOf(state: MachineState): object | null {
    return this.entry(state)?.extra ?? null;
  }

  start(key: string, compute: () => Step): Step {
    const found = this.starts.get(key);
    if (found !== undefined) return found;
    const step = compute();
    this.starts.set(key, step);
    this.grow();
    return step;
  }

  /** The remembered step for an interned state (see `canonical`) and an event, or `compute`'s. */
  transition(state: MachineState, eventKey: string, compute: () => Step): Step {
    const entry = this.entry(state);
    if (entry === undefined) return compute();
    if (entry.firstEvent === eventKey) return entry.firstStep!;
    const found = entry.transitions?.get(eventKey);
    if (found !== undefined) return found;
    const step = compute();
    // `compute` may have reset the memo (see grow): an entry of the old generation stays unused.
    if (entry.firstEvent === null) {
      entry.firstEvent = eventKey;
      entry.firstStep = step;
    } else (entry.transitions ??= new Map()).set(eventKey, step);
    this.grow();
    return step;
  }

  private grow(): void {
    if (++this.size <= this.limit) return;
    this.interned = new Map();
    this.starts = new Map();
    this.slot = Symbol('memo entry');
    this.size = 0;
  }
}
