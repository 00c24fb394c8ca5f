import { FingerprintSet } from './fingerprint-set';
import { defaultMaxStates, ExploreError, progressEvery, type CheckOptions, type CheckResult, type Model, type ModelViolation } from './model';
import { SleepSets } from './sleep-sets';

// Breadth-first search, level by level, so the first violation found lies on a shortest run.
// Only fingerprints of visited states are kept, plus, for each state, the index of its parent and
// of the action that led to it; the states themselves live only while they are on the frontier.
// A counterexample is rebuilt by replaying those action indices from the initial state.

/** Where each discovered state came from: parent id (-1 for an initial state) and action index. */
class Origins {
  private parents = new Int32Array(1024);
  private actionIndices = new Int32Array(1024);
  size = 0;

  add(parent: number, actionIndex: number): number {
    if (this.size === this.parents.length) {
      const parents = new Int32Array(this.size * 2);
      parents.set(this.parents);
      this.parents = parents;
      const actionIndices = new Int32Array(this.size * 2);
      actionIndices.set(this.actionIndices);
      this.actionIndices = actionIndices;
    }
    this.parents[this.size] = parent;
    this.actionIndices[this.size] = actionIndex;
    return this.size++;
  }

  /** The action indices from an initial state to `id`; the first is the initial state's index. */
  pathTo(id: number): number[] {
    const path: number[] = [];
    for (let at = id; at !== -1; at = this.parents[at]!) path.push(this.actionIndices[at]!);
    return path.reverse();
  }
}

function checkOptions(options: CheckOptions): { maxDepth: number; maxStates: number } {
  const maxDepth = options.maxDepth ?? Infinity;
  const maxStates = options.maxStates ?? defaultMaxStates;
  if (!(maxDepth >= 1) || (Number.isFinite(maxDepth) && !Number.isInteger(maxDepth)))
    throw new ExploreError(`maxDepth must be a whole number of states, at least 1 (the initial state); got ${maxDepth}`);
  if (!Number.isInteger(maxStates) || maxStates < 1)
    throw new ExploreError(`maxStates must be a whole number, at least 1; got ${maxStates}`);
  return { maxDepth, maxStates };
}

/**
 * Searches every state reachable from the model's initial states, breadth first, and returns the
 * shortest run to a state that breaks an invariant, or says that none was found within the bounds.
 */
export function checkModel<S, A>(model: Model<S, A>, options: CheckOptions = {}): CheckResult<S, A> {
  const bounds = checkOptions(options);
  const seen = new FingerprintSet();
  const memory = model.fingerprint === undefined ? byKey(seen, (state: S) => model.key(state)) : byFingerprint(seen, model.fingerprint.bind(model));
  return search(model, bounds.maxDepth, bounds.maxStates, memory, options.onProgress);
}

/** The states seen so far, remembered by the fingerprint of their key or one the model computes. */
interface Seen<S> {
  add(state: S): boolean;
  has(state: S): boolean;
}

function byKey<S>(set: FingerprintSet, keyOf: (s: S) => string): Seen<S> {
  return { add: (state) => set.add(keyOf(state)), has: (state) => set.has(keyOf(state)) };
}

function byFingerprint<S>(set: FingerprintSet, fingerprintOf: (s: S, out: Uint32Array) => void): Seen<S> {
  const out = new Uint32Array(2);
  return {
    add(state) {
      fingerprintOf(state, out);
      return set.addPair(out[0]!, out[1]!);
    },
    has(state) {
      fingerprintOf(state, out);
      return set.hasPair(out[0]!, out[1]!);
    },
  };
}

type Progress = CheckOptions['onProgress'];

/** No action asleep: shared by every state that has none. */
const awake: readonly number[] = [];

function search<S, A>(model: Model<S, A>, maxDepth: number, maxStates: number, seen: Seen<S>, onProgress: Progress): CheckResult<S, A> {
  const origins = new Origins();
  const retain = model.retain?.bind(model);
  const stopped = (stoppedBy: string) => ({ kind: 'none' as const, distinctStates: origins.size, depth, exhaustive: false, stoppedBy });
  const stateCap = () => stopped(`the search reached its cap of ${maxStates} distinct states; raise maxStates to search further`);
  // A level's states are let go one by one as they are expanded, so at most about two levels
  // are held at once. Beside each, its sleep set: the keys of the actions not to take from it.
  let frontier: (S | undefined)[] = [];
  let frontierIds: number[] = [];
  let frontierAsleep: (readonly number[])[] = [];
  let depth = 0;
  const initial = model.initial();
  for (let i = 0; i < initial.length; i++) {
    const state = initial[i]!;
    if (!seen.add(state)) continue;
    if (origins.size >= maxStates) return stateCap();
    depth = 1;
    const id = origins.add(-1, i);
    const broken = model.violation(state);
    if (broken !== null) return counterexample(model, origins, id, broken);
    frontier.push(retain === undefined ? state : retain(state));
    frontierIds.push(id);
    frontierAsleep.push(awake);
  }
  const sleeper = new SleepSets();
  while (frontier.length > 0) {
    if (depth >= maxDepth) return depthBound(model, frontier as S[], seen, origins.size, depth);
    const next: S[] = [];
    const nextIds: number[] = [];
    const nextAsleep: (readonly number[])[] = [];
    for (let i = 0; i < frontier.length; i++) {
      const state = frontier[i]!;
      frontier[i] = undefined;
      const actions = model.actions(state);
      const table = model.commuting === undefined ? null : model.commuting(state, actions);
      sleeper.begin(table, actions.length, frontierAsleep[i]!);
      for (let j = 0; j < actions.length; j++) {
        if (sleeper.asleep(j)) continue;
        const successor = model.step(state, actions[j]!);
        if (!seen.add(successor)) continue;
        if (origins.size >= maxStates) return stateCap();
        const id = origins.add(frontierIds[i]!, j);
        if (next.length === 0) depth++;
        if (onProgress !== undefined && origins.size % progressEvery === 0) {
          const reason = onProgress({ distinctStates: origins.size, depth, frontier: next.length + 1 });
          if (reason !== null) return stopped(reason);
        }
        const broken = model.violation(successor);
        if (broken !== null) return counterexample(model, origins, id, broken);
        next.push(retain === undefined ? successor : retain(successor));
        nextIds.push(id);
        nextAsleep.push(sleeper.after(j));
      }
    }
    frontier = next;
    frontierIds = nextIds;
    frontierAsleep = nextAsleep;
  }
  return { kind: 'none', distinctStates: origins.size, depth, exhaustive: true, stoppedBy: null };
}

/**
 * The frontier sits at the depth bound. The search is still exhaustive if no state there has an
 * unseen successor, so look for one (without storing it) before saying the bound cut it short.
 */
function depthBound<S, A>(
  model: Model<S, A>,
  frontier: readonly S[],
  seen: Seen<S>,
  distinctStates: number,
  depth: number,
): CheckResult<S, A> {
  for (const state of frontier)
    for (const action of model.actions(state))
      if (!seen.has(model.step(state, action)))
        return {
          kind: 'none',
          distinctStates,
          depth,
          exhaustive: false,
          stoppedBy: `the search reached its depth bound of ${depth} states (${depth - 1} steps); raise maxDepth to search deeper`,
        };
  return { kind: 'none', distinctStates, depth, exhaustive: true, stoppedBy: null };
}

/** Rebuilds the run to state `id` by replaying the recorded action indices. */
function counterexample<S, A>(model: Model<S, A>, origins: Origins, id: number, broken: ModelViolation): CheckResult<S, A> {
  const [first, ...steps] = origins.pathTo(id);
  let state = model.initial()[first!] as S;
  const states: S[] = [state];
  const actions: A[] = [];
  for (const index of steps) {
    const action = model.actions(state)[index];
    if (action === undefined) throw new Error('the model is not deterministic: replaying the counterexample found fewer actions');
    state = model.step(state, action);
    actions.push(action);
    states.push(state);
  }
  const replayed = model.violation(state);
  if (replayed === null || replayed.rule !== broken.rule)
    throw new Error('the model is not deterministic: replaying the counterexample did not break the invariant again');
  return { kind: 'violation', ...broken, actions, states, distinctStates: origins.size, depth: states.length };
}
