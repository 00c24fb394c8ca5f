import { describe, expect, it } from 'vitest';
import { checkModel } from './check-model';
import { ExploreError, type Model } from './model';

/** A model over a small directed graph: states are vertices, actions are the edges' targets. */
function graph(edges: { readonly [from: string]: readonly string[] }, bad: readonly string[]): Model<string, string> {
  return {
    initial: () => ['start'],
    actions: (state) => edges[state] ?? [],
    step: (_state, target) => target,
    key: (state) => state,
    violation: (state) => (bad.includes(state) ? { rule: 'no-bad', message: `reached ${state}` } : null),
  };
}

/** Counts up forever from 0: every state is new. */
const counting: Model<number, 'inc'> = {
  initial: () => [0],
  actions: () => ['inc'],
  step: (n) => n + 1,
  key: (n) => String(n),
  violation: () => null,
};

/** A full binary tree, unbounded: state n has children 2n+1 and 2n+2. */
const tree: Model<number, number> = {
  initial: () => [0],
  actions: () => [1, 2],
  step: (n, k) => 2 * n + k,
  key: (n) => String(n),
  violation: () => null,
};

describe('checkModel', () => {
  it('returns the shortest run to a violation even when a longer one is listed first', () => {
    // Depth-first order would follow a -> b -> c -> bad; the short way is start -> d -> bad.
    const model = graph({ start: ['a', 'd'], a: ['b'], b: ['c'], c: ['bad'], d: ['bad'] }, ['bad']);
    const result = checkModel(model);
    expect(result).toMatchObject({ kind: 'violation', rule: 'no-bad', message: 'reached bad', depth: 3 });
    if (result.kind !== 'violation') return;
    expect(result.actions).toEqual(['d', 'bad']);
    expect(result.states).toEqual(['start', 'd', 'bad']);
  });

  it('counts depth as TLC does: the initial state alone is depth 1', () => {
    expect(checkModel(graph({}, []))).toEqual({ kind: 'none', distinctStates: 1, depth: 1, exhaustive: true, stoppedBy: null });
    expect(checkModel(graph({ start: ['a'], a: ['b'] }, []))).toMatchObject({ distinctStates: 3, depth: 3, exhaustive: true });
  });

  it('reports a violation in an initial state as a run of no actions at depth 1', () => {
    const result = checkModel(graph({ start: ['a'] }, ['start']));
    expect(result).toMatchObject({ kind: 'violation', depth: 1, actions: [], states: ['start'], distinctStates: 1 });
  });

  it('visits a state reached by two paths once', () => {
    const diamond = graph({ start: ['a', 'b'], a: ['end'], b: ['end'], end: ['start'] }, []);
    expect(checkModel(diamond)).toEqual({ kind: 'none', distinctStates: 4, depth: 3, exhaustive: true, stoppedBy: null });
  });

  it('stops at the depth bound and says so, not claiming to be exhaustive', () => {
    const result = checkModel(counting, { maxDepth: 5 });
    expect(result).toMatchObject({ kind: 'none', distinctStates: 5, depth: 5, exhaustive: false });
    if (result.kind === 'none') expect(result.stoppedBy).toMatch(/depth bound of 5 states \(4 steps\).*maxDepth/);
  });

  it('is still exhaustive when the depth bound is exactly the deepest state', () => {
    const chain = graph({ start: ['a'], a: ['b'], b: ['a'] }, []);
    expect(checkModel(chain, { maxDepth: 3 })).toEqual({ kind: 'none', distinctStates: 3, depth: 3, exhaustive: true, stoppedBy: null });
    expect(checkModel(chain, { maxDepth: 2 })).toMatchObject({ exhaustive: false, depth: 2 });
  });

  it('does not look for violations beyond the depth bound', () => {
    const model = graph({ start: ['a'], a: ['bad'] }, ['bad']);
    expect(checkModel(model, { maxDepth: 2 })).toMatchObject({ kind: 'none', exhaustive: false });
    expect(checkModel(model, { maxDepth: 3 })).toMatchObject({ kind: 'violation', depth: 3 });
  });

  it('stops at the state cap and says so, not claiming to be exhaustive', () => {
    const result = checkModel(tree, { maxStates: 10 });
    expect(result).toMatchObject({ kind: 'none', distinctStates: 10, exhaustive: false });
    if (result.kind === 'none') expect(result.stoppedBy).toMatch(/cap of 10 distinct states.*maxStates/);
  });

  it('completes a space exactly as large as the state cap', () => {
    expect(checkModel(graph({ start: ['a'], a: ['b'] }, []), { maxStates: 3 })).toMatchObject({ exhaustive: true, distinctStates: 3 });
  });

  it('expands the retained form of each state but reports the run with the states themselves', () => {
    // States carry a history the checker does not need; `retain` drops it.
    type S = { readonly n: number; readonly history: readonly number[] };
    const expanded: S[] = [];
    const model: Model<S, 'inc'> = {
      initial: () => [{ n: 0, history: [] }],
      actions: (s) => (expanded.push(s), s.n < 3 ? ['inc'] : []),
      step: (s) => ({ n: s.n + 1, history: [...s.history, s.n] }),
      key: (s) => String(s.n),
      violation: (s) => (s.n === 3 ? { rule: 'small', message: 'reached 3' } : null),
      retain: (s) => ({ n: s.n, history: [] }),
    };
    const result = checkModel(model);
    expect(expanded.slice(0, 3).map((s) => s.history)).toEqual([[], [], []]);
    expect(result).toMatchObject({ kind: 'violation', depth: 4 });
    if (result.kind === 'violation') expect(result.states.at(-1)).toEqual({ n: 3, history: [0, 1, 2] });
  });

  it('rejects bad bounds with a message naming the option', () => {
    expect(() => checkModel(counting, { maxDepth: 0 })).toThrow(ExploreError);
    expect(() => checkModel(counting, { maxDepth: 0 })).toThrow(/maxDepth must be a whole number/);
    expect(() => checkModel(counting, { maxDepth: 2.5 })).toThrow(/maxDepth/);
    expect(() => checkModel(counting, { maxStates: -1 })).toThrow(/maxStates must be a whole number/);
  });

  it('notices a model whose actions change between calls', () => {
    let calls = 0;
    const fickle = graph({}, ['b']);
    const model: Model<string, string> = { ...fickle, actions: (s) => (s === 'start' ? (calls++ === 0 ? ['a', 'b'] : ['a']) : []) };
    expect(() => checkModel(model)).toThrow(/not deterministic/);
  });
});
