// The checker's public surface: a breadth-first model checker over any `Model`, and its adapter
// to the simulator's worlds (`checkWorld`), with a fault budget per run; and seeded random walks
// with shrinking (`walkWorld`), a fast first pass for breaches too deep for the breadth-first search.
export { checkModel } from './check-model';
export { checkWorld, walkWorld, type SearchMethod, type WorldCheckOptions, type WorldCheckResult, type WorldWalkOptions, type WorldWalkResult } from './check-world';
export { ExploreError, progressEvery, type CheckOptions, type CheckResult, type Commuting, type Model, type ModelViolation, type SearchProgress } from './model';
export { timingWords, type Timing } from './timed';
