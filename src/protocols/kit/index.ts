// The kit's public surface, for protocol authors. Consumers above the protocols use `Protocol`.
export * from './types';
export { defineProtocol } from './define-protocol';
export type {
  CheckingDefinition,
  ClientOpDefinition,
  ClientOpOf,
  ContextOf,
  DescribedNode,
  DescribeNode,
  DescribeRoles,
  NodeView,
  Placement,
  ProtocolDefinition,
  RoleDefinition,
  RoleDefinitions,
  VariantDefinition,
} from './definition';
export { kitActions, type BroadcastParams, type SendParams, type SetTimerParams, type PersistParams, type ObserveParams, type NoteParams } from './actions';
export { machineBehaviour, type MachineInput, type AdapterOptions } from './adapter';
export { toEffects, MachineActionError } from './effects';
export { toMachineEvent, timerTitle, afterDelay, type MachineEvent } from './events';
export { activeStateIds, stateLabel, inState, canonicalJson, machineStateKey, type MachineContext, type MachineState, type StateValue } from './machine-state';
export { describeStatechart, eventName, guardName } from './statechart';
export { networkOptions, defaultConfig, validateConfig, configFromText, networkFromConfig } from './config';
export { narrate, formatRecord, stateWords, dropReasonWords, type NarrationWords } from './narrate';
export { narrateStep, narrateSteps, sentence, firstEventAt, type NarratedStep, type Narrator } from './narrate-steps';
export { checkingBoundsOf, checkingPrefix, checkingStart, checkingStartOf, crashableNodes, type CheckingStart } from './checking';
export { deliver, runUntil } from './scenario-steps';
export { compileScenario, nodeId, playScenario, ScenarioError, settleStepsMax, type PlayedScenario } from './scenario';
export { nodesWithRole, machineState, nodeIn, contextField, observationsOf, observed, nameList, onObservations } from './world-query';
export { foldObservations, type ObservationFold } from './observation-fold';
export { asOperation, operationIntervals, type OperationObservation, type OperationInvoke, type OperationReturn, type OperationInterval } from './operations';
