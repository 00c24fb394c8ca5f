// A transcription, for tests only, of Lamport's TwoPhase.tla (the two-phase commit spec of the
// TLA+ video course), written as a checker `Model` so its state count can be compared with TLC's.
// Resource managers (RMs) are numbered 0..n-1. `msgs` is the set of messages ever sent: it only
// grows, and receiving a message does not remove it, exactly as in the spec. The invariant is
// TPConsistent: no RM has committed while another has aborted.
import type { Model } from '../model';

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
export type TmState = 'init' | 'committed' | 'aborted';

export interface TwoPhaseState {
  readonly rmState: readonly RmState[];
  readonly tmState: TmState;
  /** The RMs the TM knows are prepared, as a bit set. */
  readonly tmPrepared: number;
  /** Which RMs have sent "Prepared", as a bit set. */
  readonly preparedMsgs: number;
  readonly commitMsg: boolean;
  readonly abortMsg: boolean;
}

export type TwoPhaseAction =
  | { readonly type: 'TMCommit' }
  | { readonly type: 'TMAbort' }
  | { readonly type: 'TMRcvPrepared'; readonly rm: number }
  | { readonly type: 'RMPrepare'; readonly rm: number }
  | { readonly type: 'RMChooseToAbort'; readonly rm: number }
  | { readonly type: 'RMRcvCommitMsg'; readonly rm: number }
  | { readonly type: 'RMRcvAbortMsg'; readonly rm: number };

/**
 * Deliberate bugs for the checker to find. `commit-without-votes`: TMCommit no longer waits for
 * every RM to be prepared. `abort-after-commit`: TMAbort is also enabled once the TM committed.
 */
export type TwoPhaseBug = 'none' | 'commit-without-votes' | 'abort-after-commit';

const has = (set: number, rm: number) => (set & (1 << rm)) !== 0;

function withRm(state: TwoPhaseState, rm: number, value: RmState): readonly RmState[] {
  const rmState = state.rmState.slice();
  rmState[rm] = value;
  return rmState;
}

function enabledActions(state: TwoPhaseState, rmCount: number, bug: TwoPhaseBug): TwoPhaseAction[] {
  const all = (1 << rmCount) - 1;
  const out: TwoPhaseAction[] = [];
  if (state.tmState === 'init' && (state.tmPrepared === all || bug === 'commit-without-votes')) out.push({ type: 'TMCommit' });
  if (state.tmState === 'init' || (bug === 'abort-after-commit' && state.tmState === 'committed')) out.push({ type: 'TMAbort' });
  for (let rm = 0; rm < rmCount; rm++) {
    if (state.tmState === 'init' && has(state.preparedMsgs, rm)) out.push({ type: 'TMRcvPrepared', rm });
    if (state.rmState[rm] === 'working') out.push({ type: 'RMPrepare', rm }, { type: 'RMChooseToAbort', rm });
    if (state.commitMsg) out.push({ type: 'RMRcvCommitMsg', rm });
    if (state.abortMsg) out.push({ type: 'RMRcvAbortMsg', rm });
  }
  return out;
}

function next(state: TwoPhaseState, action: TwoPhaseAction): TwoPhaseState {
  switch (action.type) {
    case 'TMCommit':
      return { ...state, tmState: 'committed', commitMsg: true };
    case 'TMAbort':
      return { ...state, tmState: 'aborted', abortMsg: true };
    case 'TMRcvPrepared':
      return { ...state, tmPrepared: state.tmPrepared | (1 << action.rm) };
    case 'RMPrepare':
      return { ...state, rmState: withRm(state, action.rm, 'prepared'), preparedMsgs: state.preparedMsgs | (1 << action.rm) };
    case 'RMChooseToAbort':
    case 'RMRcvAbortMsg':
      return { ...state, rmState: withRm(state, action.rm, 'aborted') };
    case 'RMRcvCommitMsg':
      return { ...state, rmState: withRm(state, action.rm, 'committed') };
  }
}

/** The state as text: one letter per RM, then the TM, the prepared sets and the messages sent. */
function twoPhaseKey(state: TwoPhaseState): string {
  const rmState = state.rmState.map((value) => value[0]!).join('');
  return `${rmState}|${state.tmState}|${state.tmPrepared}|${state.preparedMsgs}${state.commitMsg ? 'C' : ''}${state.abortMsg ? 'A' : ''}`;
}

/** TwoPhase.tla with `rmCount` resource managers, optionally with a deliberate bug. */
export function twoPhaseTla(rmCount: number, bug: TwoPhaseBug = 'none'): Model<TwoPhaseState, TwoPhaseAction> {
  return {
    initial: () => [
      {
        rmState: Array.from({ length: rmCount }, () => 'working' as const),
        tmState: 'init',
        tmPrepared: 0,
        preparedMsgs: 0,
        commitMsg: false,
        abortMsg: false,
      },
    ],
    actions: (state) => enabledActions(state, rmCount, bug),
    step: next,
    key: twoPhaseKey,
    violation(state) {
      const committed = state.rmState.indexOf('committed');
      const aborted = state.rmState.indexOf('aborted');
      if (committed === -1 || aborted === -1) return null;
      return { rule: 'TPConsistent', message: `RM ${committed} committed while RM ${aborted} aborted` };
    },
  };
}
