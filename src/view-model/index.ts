// The view-model's public surface: pure functions from a trace and a world to lanes, arrows,
// marks and positions. No DOM, no Svelte; the components in src/ui/views only render these.
export type * from './timeline-types';
export { buildTimeline, SHORT_SPAN_STEPS } from './timeline-model';
export { stepScale, type StepScale } from './step-scale';
export { windowTimeline, windowSize, type TimelineWindow } from './timeline-window';
export {
  timelineFrame,
  contentFrame,
  panShift,
  initialDomain,
  stepAtX,
  laneAtY,
  stepTicks,
  defaultTimelineSize,
  type TimelineFrame,
  type TimelineSize,
} from './timeline-frame';
export {
  layoutTimeline,
  arrowShape,
  alertShape,
  bandLimits,
  flightProgress,
  type ArrowShape,
  type ArrowStatus,
  type AlertShape,
  type BandShape,
  type Cap,
  type CrashShape,
  type PointShape,
  type Segment,
  type TimelineShapes,
} from './timeline-layout';
export { denseStrokes, liveSpan, liveSvgArrows, LIVE_SVG_ARROWS_MAX, type DenseStrokes } from './dense-strokes';
export { nearestArrow, nearestPoint, distanceSquaredToSegment, eventsAtStep, firstEventIndexAtStep } from './timeline-hit';
export { describeEvent, describeArrow, describeStep, messageButtonLabel, type TextNames } from './event-text';
export { captionChars, captionLines, captionWidth } from './cluster-words';
export { clusterLayout, clusterWordsHeight, type ClusterInput, type ClusterLayout, type Point, type Region } from './cluster-layout';
export { StableSlots } from './stable-slots';
export { placeChips, type ChipSize, type Rect } from './chip-spread';
export { clusterMessages, messageSpots, messageProgress, CLUSTER_CHIPS_MAX, type ClusterMessages, type HiddenKind, type MessageSpot } from './cluster-messages';
export { layoutStatechart, edgeLabel, type StateBox, type EdgeShape, type StatechartLayout, type StatechartOptions } from './statechart-layout';
export { rankStates, representative, type Ranking } from './statechart-rank';
export { lastTransition, stateChanges, statesNamed, type TakenTransition } from './statechart-taken';
export { statusLook, rulesByNode, ruleWords, type StatusLook, type NodeRules } from './node-status';
export { headPath, crossPath, glyphPath, glyphFilled } from './glyphs';
export { applyDelta, clampDomain, followDomain, includeStep, zoomAbout, type Domain, type DomainLimits } from './timeline-view';
export { actionsFor, buttonLabel, type ActionItem, type ActionTarget, type ActionGroup } from './choice-menu';
export { textNames } from './text-names';
export { placeAlertLabels, placeLabels, shortForms, type PlacedLabel } from './timeline-labels';
export { operationBars, barsBetween, type OperationBar, type OperationOutcome } from './operation-bars';
export { costLedger, costsAt, type CostLedger, type CostView, type CostTotal, type OperationCost, type MeanLatency } from './costs';
export { costComparison, type ComparisonTable, type ComparisonColumn, type ComparisonRow } from './cost-comparison';
export { hasOperations } from './has-operations';
