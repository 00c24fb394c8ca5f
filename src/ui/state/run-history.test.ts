import { describe, expect, it } from 'vitest';
import { nodeName, type Choice } from '../../engine';
import { twoPhaseCommit as protocol } from '../../protocols/two-phase-commit';
import { branchList, chooseAt, followRun, freshRun, lastStep, replayRun, runSpec, showBranch, worldAt, type RunHistory } from './run-history';

const settings = { protocol: protocol.id, variant: 'correct', config: protocol.defaults(), seed: 7 };
const system = () => protocol.build(settings.config, settings.variant);

function must(outcome: ReturnType<typeof chooseAt>): RunHistory {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.run;
}

/** Begin, then deliver the three PREPAREs. */
function prepared(): RunHistory {
  let run = must(chooseAt(freshRun(settings, system()), 0, { type: 'client', node: 0, op: 'begin' }));
  for (let i = 0; i < 3; i++) {
    const world = worldAt(run, lastStep(run));
    const prepare = world.messages.find((m) => m.body.type === 'PREPARE')!;
    run = must(chooseAt(run, lastStep(run), { type: 'deliver', id: prepare.id }));
  }
  return run;
}

describe('run history (the UI side of the engine history)', () => {
  it('a choice at the end extends the run', () => {
    const run = prepared();
    expect(lastStep(run)).toBe(4);
    expect(runSpec(run).choices[0]).toEqual({ type: 'client', node: 0, op: 'begin' });
  });

  it('a different choice in the past forks, and the old future stays a branch to return to', () => {
    const crashed = must(chooseAt(prepared(), 4, { type: 'crash', node: 0 }));
    const vote = worldAt(crashed, 4).messages.find((m) => m.body.type === 'VOTE')!;
    const forked = must(chooseAt(crashed, 4, { type: 'drop', id: vote.id }));
    expect(lastStep(forked)).toBe(5);
    expect(branchList(forked)).toHaveLength(2);
    expect(worldAt(forked, 5).nodes[0]!.up).toBe(true);

    const old = branchList(forked).find((b) => !b.current)!;
    const back = showBranch(forked, old.id);
    expect(back.ok && back.partsAt).toBe(4);
    if (!back.ok) return;
    expect(worldAt(back.run, 5).nodes[0]!.up).toBe(false);
  });

  it('an impossible choice comes back as a reason, not a throw', () => {
    const outcome = chooseAt(freshRun(settings, system()), 0, { type: 'deliver', id: 999 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('#999');
  });

  it('replaying a run that does not fit its protocol says at which step', () => {
    const choices: Choice[] = [{ type: 'client', node: 0, op: 'begin' }, { type: 'restart', node: 1 }];
    const outcome = replayRun({ ...settings, choices }, system());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/step 2/);
  });

  it('the world at a step is clamped to the run, so a stale cursor never throws', () => {
    const run = prepared();
    expect(worldAt(run, 99).step).toBe(4);
    expect(worldAt(run, -3).step).toBe(0);
    expect(nodeName(worldAt(run, 0), 1)).toBe('P1');
  });

  it('a found run opens as a branch where it parts from the one shown, and the earlier future is kept', () => {
    const run = prepared();
    const shown = runSpec(run).choices;
    const found = [...shown.slice(0, 2), { type: 'crash', node: 0 } as const];
    const opened = must(followRun(run, found));
    expect(runSpec(opened).choices).toEqual(found);
    expect(branchList(opened)).toHaveLength(2);
    expect(branchList(opened).find((b) => b.current)?.forkStep).toBe(2);
    // Opening it again, or a run already on the branch shown, changes nothing.
    expect(must(followRun(opened, found))).toBe(opened);
    expect(branchList(must(followRun(run, shown.slice(0, 3))))).toHaveLength(1);
  });

  it('a found run that goes on past the end of the branch shown extends it', () => {
    const run = prepared();
    const found = [...runSpec(run).choices, { type: 'crash', node: 1 } as const];
    const opened = must(followRun(run, found));
    expect(lastStep(opened)).toBe(5);
    expect(branchList(opened)).toHaveLength(1);
  });
});

