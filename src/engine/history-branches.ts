import { quoted } from './quote';
import { ChoiceError } from './perform';
import { sameChoice, type Choice } from './choice';
import type { BranchRecord, History } from './history';

// The branches of a history: listing them, switching between them, and forgetting the least
// recently shown ones when a cap is reached.

/** What a person (or a picker) needs to know about one branch. */
export interface BranchInfo {
  readonly id: number;
  /** The branch it forked from, or null for one that starts the history. */
  readonly parent: number | null;
  /** The step where it leaves its parent: the choices before it are shared. */
  readonly forkStep: number;
  readonly length: number;
  /** A few words for the choice that started it ("drop VOTE #7"); "start" for the first. */
  readonly label: string;
  readonly current: boolean;
  /** Why the branch's run stopped, if a bound halted it. */
  readonly halted: string | null;
}

/** Every stored branch, oldest first. */
export function branches(h: History): BranchInfo[] {
  return h.branchRecords.map((b) => ({
    id: b.id,
    parent: b.parent,
    forkStep: b.forkStep,
    length: b.choices.length,
    label: b.label,
    current: b.id === h.current,
    halted: b.tip.halted,
  }));
}

/** Shows another stored branch. Throws RangeError for an id that is not stored. */
export function switchBranch(h: History, id: number): History {
  if (!h.branchRecords.some((b) => b.id === id)) throw new RangeError(`there is no branch ${id} in this history`);
  return touch(h, id);
}

/** Makes branch `id` the one shown and marks it as just used. */
export function touch(h: History, id: number): History {
  const clock = h.clock + 1;
  const branchRecords = h.branchRecords.map((b) => (b.id === id ? { ...b, usedAt: clock } : b));
  return { ...h, branchRecords, current: id, clock, notice: null };
}

/**
 * Whether two choice lists agree on their first `length` choices. Forks copy their parent's
 * choices by reference, so identical objects are compared first and JSON only where they differ.
 */
export function samePrefix(a: readonly Choice[], b: readonly Choice[], length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i] && !sameChoice(a[i]!, b[i]!)) return false;
  return true;
}

function commonPrefix(a: readonly Choice[], b: readonly Choice[]): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && (a[i] === b[i] || sameChoice(a[i]!, b[i]!))) i++;
  return i;
}

/**
 * Drops one branch; its children now hang from its parent, forking where they really part. A
 * child of a first run that is let go starts the history now, but keeps its fork step: that is
 * still where its own story starts, and what a person remembers it by.
 */
function forget(h: History, gone: BranchRecord): History {
  const parent = gone.parent === null ? undefined : h.branchRecords.find((b) => b.id === gone.parent);
  const branchRecords = h.branchRecords
    .filter((b) => b !== gone)
    .map((b) => {
      if (b.parent !== gone.id) return b;
      if (parent === undefined) return { ...b, parent: null };
      return { ...b, parent: parent.id, forkStep: commonPrefix(b.choices, parent.choices) };
    });
  return { ...h, branchRecords };
}

const storedSteps = (h: History): number => h.branchRecords.reduce((sum, b) => sum + b.choices.length, 0);

/**
 * Keeps a history within its caps by forgetting the least recently shown branches other than
 * the current one, and says so in `notice`. If the current branch alone holds more choices than
 * the cap, nothing can be forgotten: that is a ChoiceError.
 */
export function fitLimits(h: History): History {
  const { maxBranches, maxStoredSteps } = h.limits;
  let fitted = { ...h, notice: null as string | null };
  const forgotten: string[] = [];
  while (fitted.branchRecords.length > maxBranches || storedSteps(fitted) > maxStoredSteps) {
    const others = fitted.branchRecords.filter((b) => b.id !== fitted.current);
    if (others.length === 0)
      throw new ChoiceError(`this run would hold more than ${maxStoredSteps} steps, the most a history keeps`);
    const oldest = others.reduce((a, b) => (b.usedAt < a.usedAt ? b : a));
    forgotten.push(`${quoted(oldest.label)} (from step ${oldest.forkStep})`);
    fitted = forget(fitted, oldest);
  }
  if (forgotten.length > 0) {
    const cap = `at most ${maxBranches} branches and ${maxStoredSteps} steps`;
    fitted = { ...fitted, notice: `History keeps ${cap}, so it let go of the branch ${forgotten.join(', ')}.` };
  }
  return fitted;
}
