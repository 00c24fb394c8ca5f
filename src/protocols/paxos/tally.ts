// A learner's count of ACCEPTED messages: per ballot, the value and the acceptors that accepted
// it. A value is chosen when a majority accepted it in one ballot. Kept as plain JSON so it can
// live in a machine's context.
import type { NodeId } from '../../engine';
import { ballotKey, type Ballot } from './ballot';

export type Tally = { readonly [ballot: string]: { readonly value: string; readonly from: readonly NodeId[] } };

/** The tally with `from`'s acceptance of `value` in `ballot` added (a repeat changes nothing). */
export function tallied(tally: Tally, ballot: Ballot, value: string, from: NodeId): Tally {
  const key = ballotKey(ballot);
  const entry = tally[key];
  if (entry?.from.includes(from)) return tally;
  return { ...tally, [key]: { value, from: [...(entry?.from ?? []), from].sort((a, b) => a - b) } };
}

/** The value a majority accepted in one ballot, or null when there is none yet. */
export function learnedValue(tally: Tally, majority: number): string | null {
  for (const entry of Object.values(tally)) if (entry.from.length >= majority) return entry.value;
  return null;
}
