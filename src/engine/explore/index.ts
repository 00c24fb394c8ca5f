// The checker's public surface: a breadth-first model checker over any `Model`, and its adapter
// to the simulator's worlds (`checkWorld`), with a fault budget per run.
export { checkModel } from './check-model';
export { checkWorld, type SearchMethod, type WorldCheckOptions, type WorldCheckResult } from './check-world';
export { ExploreError, progressEvery, type CheckOptions, type CheckResult, type Commuting, type Model, type ModelViolation, type SearchProgress } from './model';
