// The space-time timeline as data, in the trace's own coordinates: x is a STEP (the number of
// choices applied), y is a LANE (one per node). No pixels here: the model is built once per
// trace, and scrubbing or zooming only re-projects the few marks inside the visible window
// (see timeline-window.ts and timeline-layout.ts).
//
// Why x is the step and not the tick: several events share a tick (a delivery, the state change
// it causes and the replies it sends), and a person seeks by step. One column per step makes
// every event visible and clickable and makes "the cursor" one column; ticks appear as
// secondary labels under the columns.
import type { DropReason, MessageBody, NodeId, TraceEvent } from '../engine';

export interface Lane {
  readonly node: NodeId;
  readonly name: string;
  readonly role: string;
  readonly index: number;
}

export type ArrowOutcome = 'delivered' | 'dropped' | 'pending';

/** One message: from its send (or, for a copy, its duplication) to its delivery or drop. */
export interface Arrow {
  /** The envelope id: stable, so it keys a `{#each}`. */
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  /** Plain words for the body ("VOTE yes"). */
  readonly label: string;
  readonly type: string;
  readonly sendStep: number;
  readonly sendTick: number;
  readonly deliverTick: number;
  /** The step of the delivery or drop, or null if the trace ends with it still in flight. */
  readonly endStep: number | null;
  readonly endTick: number | null;
  readonly outcome: ArrowOutcome;
  readonly dropReason: DropReason | null;
  /** The id of the message this one copies (a duplicate), or null for an original. */
  readonly copyOf: number | null;
  /** How many copies were made of this message. */
  readonly copies: number;
  /** Index of the event that ended it (deliver or drop), or of its send when pending. */
  readonly eventIndex: number;
  readonly sendEventIndex: number;
}

export type PointKind =
  | 'state'
  | 'note'
  | 'timer'
  | 'client'
  | 'crash'
  | 'restart'
  | 'observe'
  | 'persist'
  | 'duplicate'
  | 'partition'
  | 'heal'
  | 'network'
  | 'halt';

/** A mark at one step: on a node's lane, or across the whole diagram when `node` is null. */
export interface PointMark {
  /** `kind-eventIndex`: stable for a branch. */
  readonly key: string;
  readonly kind: PointKind;
  readonly step: number;
  readonly tick: number;
  readonly node: NodeId | null;
  /** A short label drawn beside the mark ("prepared", "retry"). */
  readonly text: string;
  /** Order among the marks of the same lane and step, so labels can stack: 0 is a state change, on the lane. */
  readonly slot: number;
  readonly eventIndex: number;
}

/** A node's time down: from its crash to its restart (or to the end of the trace: null). */
export interface CrashInterval {
  readonly key: string;
  readonly node: NodeId;
  readonly fromStep: number;
  readonly toStep: number | null;
}

/**
 * A violation (a point: the step that broke the rule) or a condition (an interval while it
 * holds), on the lanes of the nodes it names.
 */
export interface Alert {
  readonly key: string;
  readonly kind: 'violation' | 'condition';
  readonly rule: string;
  readonly message: string;
  readonly nodes: readonly NodeId[];
  readonly fromStep: number;
  /** The last step it held (same as fromStep for a violation); null while it still holds. */
  readonly toStep: number | null;
  readonly eventIndex: number;
}

export interface TimelineModel {
  readonly lanes: readonly Lane[];
  /** Sorted by sendStep, then id. */
  readonly arrows: readonly Arrow[];
  /** Arrows spanning many steps (or never ending), kept apart so windowing stays a bisection. */
  readonly longArrows: readonly Arrow[];
  /** Sorted by step. */
  readonly points: readonly PointMark[];
  readonly crashes: readonly CrashInterval[];
  readonly alerts: readonly Alert[];
  /** The last step that has any event. */
  readonly lastStep: number;
  /** The tick at each step (the tick of its last event), for secondary labels. */
  readonly tickAtStep: readonly number[];
  /** The span, in steps, above which an arrow goes to `longArrows`. */
  readonly shortSpanSteps: number;
}

/** What the model needs to know about the run besides its events. */
export interface TimelineNames {
  readonly nodes: readonly { readonly name: string; readonly role: string }[];
  /** Plain words for a message body; defaults to the body's type. */
  readonly describeMessage?: (body: MessageBody) => string;
  /** The protocol's sentence for any event (tooltips and the status line need it; the layout does not). */
  readonly narrate?: (event: TraceEvent) => string | null;
}
