// The checker's public surface: a breadth-first model checker over any `Model`, and its adapter
// to the simulator's worlds (`checkWorld`), with fault budgets and optional symmetry reduction.
export { checkModel } from './check-model';
export { checkWorld, type WorldCheckOptions, type WorldCheckResult } from './check-world';
export { defaultMaxStates, ExploreError, type CheckOptions, type CheckResult, type Model, type ModelViolation } from './model';
export { leastKey, permutationsWithin, type Permutation } from './symmetry';
export { faultKind, worldModel, type BudgetedWorld, type FaultBudget } from './world-model';
export { renameWorld, symmetricWorldKey } from './world-symmetry';
