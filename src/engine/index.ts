// The engine's public surface. Everything above the engine imports from here.
export * from './types';
export * from './choice';
export * from './fault-kinds';
export * from './network';
export * from './random';
export * from './system';
export * from './trace';
export { ObservationList } from './observations';
export * from './world';
export { apply, createWorld, ChoiceError } from './perform';
export { enabled, next, due } from './schedule';
export { replay, runToQuiet, type Replay } from './run';
export * from './codec';
export * from './history';
export { branches, switchBranch, type BranchInfo } from './history-branches';
export { choiceLabel, type ChoiceWords, type MessageNamer } from './choice-label';
export * from './explore';
export * from './linearizability';
