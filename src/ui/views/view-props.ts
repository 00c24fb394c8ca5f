// The props every view of a simulation takes (DESIGN.md §4): plain values and callbacks, so the
// views know nothing of the state classes that own the run.
import type { BranchInfo, Choice, NodeId, TraceEvent, World } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';

export interface ViewProps {
  readonly protocol: Protocol;
  /** The world at the cursor. */
  readonly world: World;
  /** The whole current branch's trace; events past the cursor are its future. */
  readonly events: readonly TraceEvent[];
  /** The cursor: how many choices have been applied. */
  readonly step: number;
  readonly selected: NodeId | null;
  readonly onseek: (step: number) => void;
  readonly onselect: (node: NodeId) => void;
  /** A person's action, applied at the cursor (forking when the cursor is in the past). */
  readonly onchoose: (choice: Choice) => void;
  /** The run's kept branches, and switching to one (the timeline marks where each forked). */
  readonly branches?: readonly BranchInfo[];
  readonly onbranch?: (id: number) => void;
  /**
   * The box to lay out in before it can be measured: only a picture rendered to markup at build
   * time (scripts/widget-pictures.ts) has no box to measure. A measured box always wins.
   */
  readonly presize?: { readonly width: number; readonly height: number };
}
