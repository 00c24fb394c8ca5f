import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkModel } from './check-model';
import type { Commuting, Model } from './model';

// A product of small processes: each has a local state, and an action moves the processes it
// names along their own edges. Actions that name disjoint processes commute, which is exactly what
// the model tells the checker; an action naming several processes depends on all of theirs.

interface Action {
  /** Which processes move, and from which local state to which. */
  readonly moves: readonly { readonly process: number; readonly from: number; readonly to: number }[];
  readonly name: number;
}

function product(processes: number, actions: readonly Action[], bad: (state: readonly number[]) => boolean, tell: boolean): Model<readonly number[], Action> {
  const enabledIn = (state: readonly number[], a: Action) => a.moves.every((m) => state[m.process] === m.from);
  const touches = (a: Action) => a.moves.reduce((mask, m) => mask | (1 << m.process), 0);
  return {
    initial: () => [new Array<number>(processes).fill(0)],
    actions: (state) => actions.filter((a) => enabledIn(state, a)),
    step: (state, a) => state.map((local, p) => a.moves.find((m) => m.process === p)?.to ?? local),
    key: (state) => state.join(','),
    violation: (state) => (bad(state) ? { rule: 'bad', message: `reached ${state.join(',')}` } : null),
    ...(tell
      ? {
          commuting: (_state: readonly number[], enabled: readonly Action[]): Commuting => ({
            key: (i) => enabled[i]!.name,
            independent: (i, j) => (touches(enabled[i]!) & touches(enabled[j]!)) === 0,
          }),
        }
      : {}),
  };
}

/** Counts the steps a model takes. */
function counted<S, A>(model: Model<S, A>): { model: Model<S, A>; steps: () => number } {
  let steps = 0;
  return { model: { ...model, step: (s, a) => (steps++, model.step(s, a)) }, steps: () => steps };
}

/** Three counters 0..3 that count up on their own, and one action that resets all three. */
function counters(tell: boolean, bad: (state: readonly number[]) => boolean) {
  const actions: Action[] = [];
  for (let p = 0; p < 3; p++) for (let v = 0; v < 3; v++) actions.push({ moves: [{ process: p, from: v, to: v + 1 }], name: actions.length });
  actions.push({ moves: [0, 1, 2].map((process) => ({ process, from: 3, to: 0 })), name: actions.length });
  return product(3, actions, bad, tell);
}

describe('sleep sets', () => {
  it('find the same states at the same depths, and take fewer steps', () => {
    const plain = counted(counters(false, () => false));
    const slept = counted(counters(true, () => false));
    const a = checkModel(plain.model);
    const b = checkModel(slept.model);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ kind: 'none', distinctStates: 64, depth: 10, exhaustive: true });
    expect(slept.steps()).toBeLessThan(plain.steps() / 2);
  });

  it('find the same shortest run to a violation', () => {
    const bad = (state: readonly number[]) => state[0] === 2 && state[2] === 3;
    const a = checkModel(counters(false, bad));
    const b = checkModel(counters(true, bad));
    expect(b).toEqual(a);
    expect(a).toMatchObject({ kind: 'violation', depth: 6 });
  });

  it('stop at the same state cap and depth bound with the same counts', () => {
    for (const options of [{ maxStates: 20 }, { maxDepth: 4 }]) expect(checkModel(counters(true, () => false), options)).toEqual(checkModel(counters(false, () => false), options));
  });

  it('change nothing in any product of small processes, whatever their edges, joint actions and bad states', () => {
    const move = fc.record({ process: fc.nat(2), from: fc.nat(2), to: fc.nat(2) });
    const action = fc.uniqueArray(move, { minLength: 1, maxLength: 2, selector: (m) => m.process });
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 9 }), fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)), { maxLength: 3 }), fc.integer({ min: 1, max: 8 }), (moves, bads, maxDepth) => {
        const actions = moves.map((m, name) => ({ moves: m, name }));
        const bad = (state: readonly number[]) => bads.some((b) => b.every((v, i) => state[i] === v));
        expect(checkModel(product(3, actions, bad, true), { maxDepth })).toEqual(checkModel(product(3, actions, bad, false), { maxDepth }));
      }),
      { numRuns: 300 },
    );
  });
});
