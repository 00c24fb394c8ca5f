// A linearizability checker, written for Fault Lines and tied to no protocol: Wing & Gong's search
// with a memo of (linearized set, state), histories split by key, and the smallest contradiction
// in words. Protocols turn their client observations into `RegisterOperation`s.
export type { HistoryOperation, SequentialModel, SearchResult } from './types';
export { searchLinearization, searchCapDefault } from './search';
export { registerModel, type RegisterInput, type RegisterOperation, type RegisterState } from './register';
export { contradiction, truncated, type Contradiction } from './explain';
export { contradictionText, opName, valuesText } from './words';
export { checkRegisterHistory, byPartition, type RegisterVerdict } from './check';
