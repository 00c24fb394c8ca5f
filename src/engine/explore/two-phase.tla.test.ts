import { describe, expect, it } from 'vitest';
import { checkModel } from './check-model';
import { twoPhaseTla } from './testing/two-phase-tla';

// TLC reports, for TwoPhase.tla with RM = {r1, r2, r3} and invariants TPTypeOK and TPConsistent:
// "288 distinct states found", "The depth of the complete state graph search is 11".
describe('TwoPhase.tla cross-check against TLC', () => {
  it('finds exactly the 288 distinct states and depth 11 that TLC reports for 3 resource managers', () => {
    expect(checkModel(twoPhaseTla(3))).toEqual({ kind: 'none', distinctStates: 288, depth: 11, exhaustive: true, stoppedBy: null });
  });

  it('keeps TPConsistent: no resource manager commits while another aborts', () => {
    const result = checkModel(twoPhaseTla(3));
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && result.exhaustive).toBe(true);
  });

  it('catches a TM that commits without every Prepared, with a shortest run of 3 steps', () => {
    const result = checkModel(twoPhaseTla(3, 'commit-without-votes'));
    expect(result).toMatchObject({ kind: 'violation', rule: 'TPConsistent', depth: 4 });
    if (result.kind !== 'violation') return;
    expect(result.actions.map((a) => a.type)).toEqual(['TMCommit', 'RMChooseToAbort', 'RMRcvCommitMsg']);
    expect(result.states.at(-1)!.rmState).toEqual(['aborted', 'committed', 'working']);
  });

  it('catches a TM that may abort after committing, with a shortest run of 10 steps', () => {
    const result = checkModel(twoPhaseTla(3, 'abort-after-commit'));
    expect(result).toMatchObject({ kind: 'violation', rule: 'TPConsistent', depth: 11 });
    if (result.kind !== 'violation') return;
    expect(result.actions).toHaveLength(10);
    expect(result.actions.slice(6, 8).map((a) => a.type)).toEqual(['TMCommit', 'TMAbort']);
  });

  it('grows with the number of resource managers as the spec does', () => {
    // The same spec with 4 RMs: every state reachable, three more levels deep.
    expect(checkModel(twoPhaseTla(4))).toMatchObject({ kind: 'none', distinctStates: 1568, depth: 14, exhaustive: true });
  });
});
