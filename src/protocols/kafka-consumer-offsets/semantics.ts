// The three delivery semantics, each a configuration that declares what it promises. The
// invariants check exactly those promises; what a semantics does not promise shows as a
// condition instead (a lesson, not a bug): at-most-once may lose records, at-least-once may
// process some twice.

export type Semantics = 'at-most-once' | 'at-least-once' | 'exactly-once';

export interface Promise {
  /** Every record below a committed offset is processed. */
  readonly noLoss: boolean;
  /** No record is processed twice. */
  readonly noDuplicates: boolean;
  /** The order of the steps, in words. */
  readonly recipe: string;
}

export const promises: { readonly [S in Semantics]: Promise } = {
  'at-most-once': { noLoss: false, noDuplicates: true, recipe: 'commit the offsets, then process' },
  'at-least-once': { noLoss: true, noDuplicates: false, recipe: 'process, then commit the offsets' },
  'exactly-once': { noLoss: true, noDuplicates: true, recipe: 'write the output and the offsets in one transaction' },
};

export function promiseOf(semantics: unknown): Promise {
  return promises[semantics === 'at-most-once' || semantics === 'exactly-once' ? semantics : 'at-least-once'];
}
