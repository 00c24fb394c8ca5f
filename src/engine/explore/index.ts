// The checker's public surface: a breadth-first model checker over any `Model`, and its adapter
// to the simulator's worlds (`checkWorld`), with fault budgets and optional symmetry reduction.
export { check } from './check';
export { checkWorld, type WorldCheckOptions, type WorldCheckResult } from './check-world';
export { FingerprintSet, fingerprint } from './fingerprints';
export { defaultMaxStates, ExploreError, type CheckOptions, type CheckResult, type Model, type ModelViolation } from './model';
export { checkGroups, leastKey, permutationsWithin, type Permutation } from './symmetry';
export { faultKind, worldModel, type BudgetedWorld, type FaultBudget } from './world-model';
export { renameWorld, symmetricWorldKey } from './world-symmetry';
