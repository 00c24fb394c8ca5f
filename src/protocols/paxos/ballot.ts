// Ballots: unique (round, proposer) pairs, ordered by round and then by proposer number, so two
// proposers can never use the same ballot and every ballot can be beaten by a higher round.
import type { Json } from '../../engine';

export type Ballot = {
  readonly round: number;
  /** The proposer's number: 1 for P1, 2 for P2. */
  readonly proposer: number;
};

/** Negative when `a` is lower than `b`, zero when equal, positive when higher; null is below every ballot. */
export function compareBallots(a: Ballot | null, b: Ballot | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return a.round - b.round || a.proposer - b.proposer;
}

/** "(2,P1)", or "none" for no ballot. */
export function ballotText(ballot: Ballot | null): string {
  return ballot === null ? 'none' : `(${ballot.round},P${ballot.proposer})`;
}

/** A short key for grouping acceptances by ballot: "2.1". */
export function ballotKey(ballot: Ballot): string {
  return `${ballot.round}.${ballot.proposer}`;
}

/** Reads a ballot out of a message, a log or a context; anything malformed is no ballot. */
export function asBallot(value: Json | undefined): Ballot | null {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return null;
  const { round, proposer } = value as { readonly [key: string]: Json };
  return typeof round === 'number' && typeof proposer === 'number' ? { round, proposer } : null;
}

/** Reads a ballot back from its text "(2,P1)", as acceptors write it to their logs; anything else is no ballot. */
export function parseBallot(value: Json | undefined): Ballot | null {
  if (typeof value !== 'string') return null;
  const match = /^\((\d+),P(\d+)\)$/.exec(value);
  return match === null ? null : { round: Number(match[1]), proposer: Number(match[2]) };
}
