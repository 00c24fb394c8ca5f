// The read/write register: the sequential object a replicated key should behave as. A read
// returns the list of values it saw; one register holds one value, so a read that returned two
// siblings at once can never be linearized.
import type { HistoryOperation, SequentialModel } from './types';

export type RegisterInput =
  | { readonly kind: 'write'; readonly value: string }
  /** What the read returned: no value for a register never written, else one. */
  | { readonly kind: 'read'; readonly values: readonly string[] };

export type RegisterOperation = HistoryOperation<RegisterInput>;

/** The register's value, or null before the first write. */
export type RegisterState = string | null;

export const registerModel: SequentialModel<RegisterState, RegisterInput> = {
  init: null,
  step(state, input) {
    if (input.kind === 'write') return input.value;
    const { values } = input;
    if (state === null) return values.length === 0 ? state : undefined;
    return values.length === 1 && values[0] === state ? state : undefined;
  },
  key: (state) => (state === null ? '' : `=${state}`),
};
