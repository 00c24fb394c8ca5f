// A transcription, for tests only, of Lamport's Paxos.tla (single-decree Paxos, the version with
// variables maxBal, maxVBal, maxVal and msgs), written as a checker `Model` so that its state count
// can be compared with TLC's. Acceptors are numbered 0..n-1, values 0..v-1, ballots 0..b-1; -1
// stands for "no ballot" and null for the spec's None. `msgs` is the set of messages ever sent:
// it only grows and receiving a message does not remove it, exactly as in the spec. Quorums are
// the majorities of the acceptors. The invariant is the spec's consistency: at most one value is
// chosen, where chosen means a quorum sent "2b" for it in one ballot.
import type { Model } from '../model';

export type PaxosTlaMessage =
  | { readonly type: '1a'; readonly bal: number }
  | { readonly type: '1b'; readonly acc: number; readonly bal: number; readonly mbal: number; readonly mval: number | null }
  | { readonly type: '2a'; readonly bal: number; readonly val: number }
  | { readonly type: '2b'; readonly acc: number; readonly bal: number; readonly val: number };

export interface PaxosTlaState {
  readonly maxBal: readonly number[];
  readonly maxVBal: readonly number[];
  readonly maxVal: readonly (number | null)[];
  /** The messages sent so far, by their key, in key order. */
  readonly msgs: ReadonlyMap<string, PaxosTlaMessage>;
}

export type PaxosTlaAction =
  | { readonly type: 'Phase1a'; readonly bal: number }
  | { readonly type: 'Phase2a'; readonly bal: number; readonly val: number }
  | { readonly type: 'Phase1b'; readonly acc: number; readonly msg: string }
  | { readonly type: 'Phase2b'; readonly acc: number; readonly msg: string };

export interface PaxosTlaSize {
  readonly acceptors: number;
  readonly values: number;
  readonly ballots: number;
}

/** A deliberate bug for the checker to find. `any-value`: Phase2a ignores the values the 1b messages report. */
export type PaxosTlaBug = 'none' | 'any-value';

const messageKey = (m: PaxosTlaMessage): string => {
  switch (m.type) {
    case '1a':
      return `1a:${m.bal}`;
    case '1b':
      return `1b:${m.acc}:${m.bal}:${m.mbal}:${m.mval ?? 'None'}`;
    case '2a':
      return `2a:${m.bal}:${m.val}`;
    case '2b':
      return `2b:${m.acc}:${m.bal}:${m.val}`;
  }
};

function send(msgs: PaxosTlaState['msgs'], m: PaxosTlaMessage): PaxosTlaState['msgs'] {
  const key = messageKey(m);
  if (msgs.has(key)) return msgs;
  return new Map([...msgs, [key, m] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const set = <T>(list: readonly T[], at: number, value: T): readonly T[] => list.map((old, i) => (i === at ? value : old));

/** Every subset of 0..n-1 with more than n/2 members, as member lists. */
function majorities(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const members = Array.from({ length: n }, (_, a) => a).filter((a) => (mask & (1 << a)) !== 0);
    if (2 * members.length > n) out.push(members);
  }
  return out;
}

/** Phase2a(b, v)'s guard: no 2a with ballot b yet, and some quorum's 1b messages for b allow v. */
function phase2aEnabled(state: PaxosTlaState, quorums: readonly number[][], bal: number, val: number, bug: PaxosTlaBug): boolean {
  const all = [...state.msgs.values()];
  if (all.some((m) => m.type === '2a' && m.bal === bal)) return false;
  return quorums.some((quorum) => {
    const q1b = all.filter((m): m is Extract<PaxosTlaMessage, { type: '1b' }> => m.type === '1b' && quorum.includes(m.acc) && m.bal === bal);
    if (!quorum.every((a) => q1b.some((m) => m.acc === a))) return false;
    const q1bv = q1b.filter((m) => m.mbal >= 0);
    return bug === 'any-value' || q1bv.length === 0 || q1bv.some((m) => m.mval === val && q1bv.every((mm) => m.mbal >= mm.mbal));
  });
}

function enabledActions(state: PaxosTlaState, size: PaxosTlaSize, quorums: readonly number[][], bug: PaxosTlaBug): PaxosTlaAction[] {
  const out: PaxosTlaAction[] = [];
  for (let bal = 0; bal < size.ballots; bal++) {
    out.push({ type: 'Phase1a', bal });
    for (let val = 0; val < size.values; val++) if (phase2aEnabled(state, quorums, bal, val, bug)) out.push({ type: 'Phase2a', bal, val });
  }
  for (let acc = 0; acc < size.acceptors; acc++)
    for (const [key, m] of state.msgs) {
      if (m.type === '1a' && m.bal > state.maxBal[acc]!) out.push({ type: 'Phase1b', acc, msg: key });
      if (m.type === '2a' && m.bal >= state.maxBal[acc]!) out.push({ type: 'Phase2b', acc, msg: key });
    }
  return out;
}

function next(state: PaxosTlaState, action: PaxosTlaAction): PaxosTlaState {
  switch (action.type) {
    case 'Phase1a':
      return { ...state, msgs: send(state.msgs, { type: '1a', bal: action.bal }) };
    case 'Phase2a':
      return { ...state, msgs: send(state.msgs, { type: '2a', bal: action.bal, val: action.val }) };
    case 'Phase1b': {
      const m = state.msgs.get(action.msg)!;
      const a = action.acc;
      const promise: PaxosTlaMessage = { type: '1b', acc: a, bal: m.bal, mbal: state.maxVBal[a]!, mval: state.maxVal[a]! };
      return { ...state, maxBal: set(state.maxBal, a, m.bal), msgs: send(state.msgs, promise) };
    }
    case 'Phase2b': {
      const m = state.msgs.get(action.msg) as Extract<PaxosTlaMessage, { type: '2a' }>;
      const a = action.acc;
      return {
        maxBal: set(state.maxBal, a, m.bal),
        maxVBal: set(state.maxVBal, a, m.bal),
        maxVal: set(state.maxVal, a, m.val),
        msgs: send(state.msgs, { type: '2b', acc: a, bal: m.bal, val: m.val }),
      };
    }
  }
}

/** The values chosen in a state: some quorum sent "2b" for the value in one ballot. */
export function chosenValues(state: PaxosTlaState, quorums: readonly number[][]): number[] {
  const voted = [...state.msgs.values()].filter((m): m is Extract<PaxosTlaMessage, { type: '2b' }> => m.type === '2b');
  const chosen = new Set<number>();
  for (const m of voted)
    if (quorums.some((q) => q.every((a) => voted.some((v) => v.acc === a && v.bal === m.bal && v.val === m.val)))) chosen.add(m.val);
  return [...chosen].sort((a, b) => a - b);
}

/** Paxos.tla for the given numbers of acceptors, values and ballots, with majority quorums. */
export function paxosTla(size: PaxosTlaSize, bug: PaxosTlaBug = 'none'): Model<PaxosTlaState, PaxosTlaAction> {
  const quorums = majorities(size.acceptors);
  const each = <T>(value: T) => Array.from({ length: size.acceptors }, () => value);
  return {
    initial: () => [{ maxBal: each(-1), maxVBal: each(-1), maxVal: each<number | null>(null), msgs: new Map() }],
    actions: (state) => enabledActions(state, size, quorums, bug),
    step: next,
    key: (state) => `${state.maxBal.join(',')}|${state.maxVBal.join(',')}|${state.maxVal.map((v) => v ?? 'N').join(',')}|${[...state.msgs.keys()].join(' ')}`,
    violation(state) {
      const chosen = chosenValues(state, quorums);
      return chosen.length > 1 ? { rule: 'Consistency', message: `values ${chosen.join(' and ')} are both chosen` } : null;
    },
  };
}
