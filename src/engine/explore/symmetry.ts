import { ExploreError } from './model';

// Symmetry reduction. When some processes are interchangeable (three resource managers that run
// the same code), a state and the same state with two of them swapped have the same futures up
// to that swap, so the checker need visit only one of them. A caller gives the checker a
// `canonical` key that is equal for all renamings of a state; the helpers here build such keys
// from groups of interchangeable ids. The reduction is sound only when the system and its
// invariants really are symmetric in those ids.

/** A renaming of ids: `permutation[id]` is the id's new name. */
export type Permutation = readonly number[];

/** Checks that the groups are disjoint sets of ids in [0, size); throws a clear message if not. */
export function checkGroups(groups: readonly (readonly number[])[], size: number): void {
  const seen = new Set<number>();
  for (const group of groups)
    for (const id of group) {
      if (!Number.isInteger(id) || id < 0 || id >= size)
        throw new ExploreError(`symmetry group [${group.join(', ')}] names ${id}, which is not an id from 0 to ${size - 1}`);
      if (seen.has(id)) throw new ExploreError(`id ${id} is in two symmetry groups (or twice in one)`);
      seen.add(id);
    }
}

/** Every ordering of `items`. */
function orderings(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  const out: number[][] = [];
  items.forEach((item, i) => {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of orderings(rest)) out.push([item, ...tail]);
  });
  return out;
}

/**
 * Every renaming of ids 0..size-1 that maps each group onto itself and leaves other ids alone,
 * the identity first. There are (product of group sizes factorial) of them, so this suits small
 * groups; throws past `limit`.
 */
export function permutationsWithin(groups: readonly (readonly number[])[], size: number, limit = 40_320): Permutation[] {
  checkGroups(groups, size);
  let count = 1;
  for (const group of groups) for (let k = 2; k <= group.length; k++) count *= k;
  if (count > limit) throw new ExploreError(`the symmetry groups allow ${count} renamings, more than the limit of ${limit}`);
  let out: number[][] = [Array.from({ length: size }, (_, i) => i)];
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a - b);
    const grown: number[][] = [];
    for (const base of out)
      for (const order of orderings(sorted)) {
        const permutation = base.slice();
        sorted.forEach((id, i) => (permutation[id] = order[i]!));
        grown.push(permutation);
      }
    out = grown;
  }
  return out;
}

/** A canonical key: the least key among all renamings of the state. */
export function leastKey<S>(permutations: readonly Permutation[], keyUnder: (state: S, permutation: Permutation) => string): (state: S) => string {
  return (state) => {
    let least: string | null = null;
    for (const permutation of permutations) {
      const key = keyUnder(state, permutation);
      if (least === null || key < least) least = key;
    }
    return least ?? '';
  };
}
