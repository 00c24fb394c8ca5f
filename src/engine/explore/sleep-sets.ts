import type { Commuting } from './model';

// Sleep sets (Godefroid, "Partial-Order Methods for the Verification of Concurrent Systems", ch. 5),
// for a breadth-first search that keeps each state's sleep set from the parent that found it first.
//
// From a state p whose actions are u0, u1, ..., taking uj gives x = p·uj, and x's sleep set is every
// action v of p that is independent of uj and either asleep in p or taken from p before uj. From x
// the checker does not take those: x·v is found anyway, as p·v·uj.
//
// Why the search still finds every state, at the same depth and in the same order. Claim: for every
// state x and every action v asleep in x, x·v is found before x is expanded. By induction on when x
// was found (level first, then order within the level). Let p be the parent that found x by u.
// - v was taken from p before u: p·v was found before x, so it is expanded before x (the frontier is
//   first in, first out). From p·v, u is enabled (independence); either it is taken, finding
//   p·v·u = x·v while p·v is expanded, or it is asleep there and, by induction (p·v was found before
//   x), p·v·u is found before p·v is expanded. Either way, before x is expanded.
// - v was asleep in p: by induction p·v was found before p was expanded, so again before x, and
//   the same two cases follow.
// So every step skipped leads to a state already found; no state is found at a greater depth than
// without the sets; and since a skipped step never finds a state first, each state is found by the
// same parent and action as without them: the same counts, depths and counterexamples.

const none: readonly number[] = [];

/** The sleep sets of one state's successors, worked out while that state is expanded. */
export class SleepSets {
  private table: Commuting | null = null;
  private count = 0;
  /** 1 for the actions of the state being expanded that are asleep. */
  private asleepFlags = new Uint8Array(64);

  /** Starts expanding a state with `count` actions, the model's table for them, and its sleep set. */
  begin(table: Commuting | null, count: number, asleepKeys: readonly number[]): void {
    this.table = table;
    this.count = count;
    if (table === null) return;
    if (this.asleepFlags.length < count) this.asleepFlags = new Uint8Array(2 * count);
    const flags = this.asleepFlags;
    for (let i = 0; i < count; i++) {
      let asleep = 0;
      if (asleepKeys.length > 0) {
        const key = table.key(i);
        for (let k = 0; k < asleepKeys.length; k++)
          if (asleepKeys[k] === key) {
            asleep = 1;
            break;
          }
      }
      flags[i] = asleep;
    }
  }

  /** Whether action `j` of the state being expanded is asleep. */
  asleep(j: number): boolean {
    return this.table !== null && this.asleepFlags[j] === 1;
  }

  /** The sleep set of the state that action `j` found: call once it is known to be new. */
  after(j: number): readonly number[] {
    const table = this.table;
    if (table === null) return none;
    let keys: number[] | null = null;
    for (let i = 0; i < this.count; i++) {
      if (i === j || (i > j && this.asleepFlags[i] === 0)) continue;
      if (!table.independent(i, j)) continue;
      (keys ??= []).push(table.key(i));
    }
    return keys ?? none;
  }
}
