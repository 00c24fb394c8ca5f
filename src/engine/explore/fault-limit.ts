import type { Model } from './model';

/** A model state paired with how many fault actions its run may still take. */
export interface Limited<S> {
  readonly state: S;
  readonly faultsLeft: number;
}

/**
 * Wraps a model so that no run takes more than `maxFaults` of the actions `model.isFault` marks.
 * The faults left are part of the key: reaching a state with more budget to spare is a different
 * state, because more can still go wrong from it.
 */
export function limitFaults<S, A>(model: Model<S, A>, maxFaults: number, key: (state: S) => string): Model<Limited<S>, A> {
  const isFault = model.isFault?.bind(model) ?? (() => false);
  return {
    initial: () => model.initial().map((state) => ({ state, faultsLeft: maxFaults })),
    actions(limited) {
      const all = model.actions(limited.state);
      return limited.faultsLeft > 0 ? all : all.filter((action) => !isFault(action));
    },
    step: (limited, action) => ({
      state: model.step(limited.state, action),
      faultsLeft: isFault(action) ? limited.faultsLeft - 1 : limited.faultsLeft,
    }),
    key: (limited) => `${key(limited.state)}\n%${limited.faultsLeft}`,
    violation: (limited) => model.violation(limited.state),
    isFault,
    retain: model.retain === undefined ? undefined : (limited) => ({ state: model.retain!(limited.state), faultsLeft: limited.faultsLeft }),
  };
}
