import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  branches,
  choose,
  ChoiceError,
  createHistory,
  createWorld,
  extend,
  historyChoices,
  historyLength,
  play,
  replay,
  runToQuiet,
  switchBranch,
  worldAt,
  type Choice,
  type History,
} from './index';
import { gossipSystem } from './testing/gossip';
import { pingSystem } from './testing/ping';
import { pickChoice, randomRun, worldData } from './testing/schedules';

const start: Choice = { type: 'client', node: 0, op: 'start' };
const ranged = { network: { latencyTicksMin: 3, latencyTicksMax: 30 } };

/** Ping started and played to the end: start, deliver PING #0, deliver PONG #2. */
function pingHistory(every = 2): History {
  return play(createHistory(pingSystem(), 1, [start], { checkpointEverySteps: every }), 100);
}

/** Every step of the branch shown equals a straight replay of its choices up to that step. */
function expectSeeksMatchReplay(h: History): void {
  const choices = historyChoices(h);
  for (let step = 0; step <= choices.length; step++) {
    const straight = replay(h.system, h.seed, choices.slice(0, step));
    expect(straight.ok).toBe(true);
    expect(worldData(worldAt(h, step))).toEqual(worldData(straight.world));
  }
}

describe('seeking', () => {
  it('any step of a run equals replaying its choices from the start (1,000 random runs)', () => {
    const run = fc.record({ seed: fc.nat(), every: fc.integer({ min: 1, max: 9 }), picks: fc.array(fc.nat(), { maxLength: 40 }) });
    fc.assert(
      fc.property(run, ({ seed, every, picks }) => {
        const system = gossipSystem(3, ranged);
        const { choices } = randomRun(createWorld(system, seed), picks);
        const h = createHistory(system, seed, choices, { checkpointEverySteps: every });
        expect(historyLength(h)).toBe(choices.length);
        expectSeeksMatchReplay(h);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps one checkpoint world per interval, so a seek replays fewer choices than the interval', () => {
    const h = play(createHistory(pingSystem({ network: { lossPercent: 100 } }), 1, [start], { checkpointEverySteps: 4 }), 40);
    expect(historyLength(h)).toBe(41);
    const branch = h.branchRecords[0]!;
    expect(branch.checkpoints.map((w) => w.step)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
    expect(branch.tip.step).toBe(41);
    expect(worldAt(h, 41)).toBe(branch.tip);
    expect(worldAt(h, 8)).toBe(branch.checkpoints[2]);
  });

  it('a step outside the run is a RangeError', () => {
    const h = pingHistory();
    expect(() => worldAt(h, 4)).toThrow(RangeError);
    expect(() => worldAt(h, -1)).toThrow('step -1 is outside this run, which has 3 steps');
    expect(() => worldAt(h, 1.5)).toThrow(RangeError);
  });
});

describe('choosing', () => {
  it('at the end appends the choice', () => {
    const h = choose(createHistory(pingSystem(), 1), 0, start);
    expect(historyChoices(h)).toEqual([start]);
    expect(branches(h)).toHaveLength(1);
  });

  it('the choice the run already has at that step only moves forward: no fork', () => {
    const h = pingHistory();
    expect(choose(h, 1, { type: 'deliver', id: 0 })).toBe(h);
  });

  it('a different choice in the past forks, and the old future is kept as a branch', () => {
    const h = pingHistory();
    const old = historyChoices(h);
    const forked = choose(h, 1, { type: 'drop', id: 0 });
    expect(historyChoices(forked)).toEqual([start, { type: 'drop', id: 0 }]);
    expect(branches(forked)).toEqual([
      { id: 0, parent: null, forkStep: 0, length: 3, label: 'start', current: false, halted: null },
      { id: 1, parent: 0, forkStep: 1, length: 2, label: 'drop PING #0', current: true, halted: null },
    ]);
    expect(historyChoices(switchBranch(forked, 0))).toEqual(old);
    expectSeeksMatchReplay(forked);
    expectSeeksMatchReplay(switchBranch(forked, 0));
  });

  it("making the old branch's choice again at the fork switches back to it, future and all", () => {
    const h = pingHistory();
    const forked = choose(h, 1, { type: 'crash', node: 1 });
    const back = choose(forked, 1, { type: 'deliver', id: 0 });
    expect(back.current).toBe(0);
    expect(historyChoices(back)).toEqual(historyChoices(h));
    expect(branches(back)).toHaveLength(2);
  });

  it('switching back and forth between branches shows each one exactly', () => {
    let h = pingHistory();
    h = choose(h, 1, { type: 'drop', id: 0 });
    h = play(h, 10);
    h = choose(h, 2, { type: 'crash', node: 0 });
    expect(branches(h).map((b) => [b.id, b.parent, b.forkStep])).toEqual([
      [0, null, 0],
      [1, 0, 1],
      [2, 1, 2],
    ]);
    for (const id of [0, 2, 1, 0, 1]) {
      h = switchBranch(h, id);
      expect(h.current).toBe(id);
      expectSeeksMatchReplay(h);
    }
    expect(() => switchBranch(h, 9)).toThrow('there is no branch 9 in this history');
  });

  it('an impossible choice is a ChoiceError and leaves the history as it was', () => {
    const h = pingHistory();
    expect(() => choose(h, 1, { type: 'deliver', id: 42 })).toThrow(ChoiceError);
    expect(() => choose(h, 3, { type: 'restart', node: 0 })).toThrow('pinger is not down');
    expect(branches(h)).toHaveLength(1);
    expectSeeksMatchReplay(h);
  });

  it('forks at random points keep every branch equal to a straight replay of its choices', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 5 }), edits, (seed, every, steps) => {
        let h = createHistory(gossipSystem(3, ranged), seed, [], { checkpointEverySteps: every });
        const seen: Choice[][] = [];
        for (const [cursorPick, choicePick] of steps) {
          const cursor = cursorPick % (historyLength(h) + 1);
          const choice = pickChoice(worldAt(h, cursor), choicePick);
          if (choice === null) continue;
          const before = [...historyChoices(h)];
          seen.push(before);
          h = choose(h, cursor, choice);
          expect(historyChoices(h).slice(0, cursor + 1)).toEqual([...before.slice(0, cursor), choice]);
        }
        const stored = branches(h).map((b) => historyChoices(switchBranch(h, b.id)));
        // No future is lost: every line the person stood on is a prefix of some stored branch.
        for (const line of seen) expect(stored.some((s) => line.every((c, i) => JSON.stringify(c) === JSON.stringify(s[i])))).toBe(true);
        for (const info of branches(h)) {
          const shown = switchBranch(h, info.id);
          expectSeeksMatchReplay(shown);
          if (info.parent === null) continue;
          const mine = historyChoices(shown);
          const theirs = historyChoices(switchBranch(h, info.parent));
          expect(mine.slice(0, info.forkStep)).toEqual(theirs.slice(0, info.forkStep));
          expect(mine[info.forkStep]).not.toEqual(theirs[info.forkStep]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('extending and playing', () => {
  it('extend appends many choices at once, the same as choosing them one by one', () => {
    const { choices } = randomRun(createWorld(gossipSystem(4, ranged), 9), Array.from({ length: 80 }, (_, i) => i * 31));
    const empty = createHistory(gossipSystem(4, ranged), 9, [], { checkpointEverySteps: 8 });
    const oneByOne = choices.reduce((h, choice, i) => choose(h, i, choice), empty);
    const atOnce = extend(empty, choices);
    expect(historyChoices(atOnce)).toEqual(choices);
    expect(atOnce.branchRecords[0]!.checkpoints.map((w) => w.step)).toEqual(oneByOne.branchRecords[0]!.checkpoints.map((w) => w.step));
    expect(worldData(worldAt(atOnce, choices.length))).toEqual(worldData(worldAt(oneByOne, choices.length)));
  });

  it('extend with an impossible choice is a ChoiceError naming the step', () => {
    const h = pingHistory();
    expect(() => extend(h, [{ type: 'crash', node: 0 }, { type: 'crash', node: 0 }])).toThrow('step 5: pinger is already down');
    expect(() => createHistory(pingSystem(), 1, [start, { type: 'fire', id: 7 }])).toThrow('step 2: no timer #7 is pending');
  });

  it('play lets the default scheduler choose, and stops when nothing is pending', () => {
    const h = play(createHistory(pingSystem(), 4, [start]), 1000);
    const straight = runToQuiet(worldAt(h, 1));
    expect(historyChoices(h).slice(1)).toEqual(straight.choices);
    expect(play(h, 1000)).toBe(h);
  });

  it('a run halted by a bound takes no more choices', () => {
    const h = play(createHistory(pingSystem({ network: { lossPercent: 100 }, bounds: { maxSteps: 6 } }), 1, [start]), 100);
    expect(historyLength(h)).toBe(6);
    expect(branches(h)[0]!.halted).toBe('the run reached its cap of 6 steps');
    expect(() => choose(h, 6, { type: 'crash', node: 0 })).toThrow('the run has stopped: the run reached its cap of 6 steps');
  });
});

describe('caps', () => {
  it('past maxBranches the least recently shown branch is let go, with a notice saying which', () => {
    let h = pingHistory();
    h = { ...h, limits: { ...h.limits, maxBranches: 2 } };
    h = choose(h, 1, { type: 'drop', id: 0 });
    expect(h.notice).toBeNull();
    h = switchBranch(h, 0);
    h = choose(h, 1, { type: 'crash', node: 1 });
    expect(branches(h).map((b) => b.label)).toEqual(['start', 'crash ponger']);
    expect(h.notice).toBe('History keeps at most 2 branches and 1000000 steps, so it let go of the branch "drop PING #0" (from step 1).');
    h = choose(h, 0, { type: 'crash', node: 0 });
    expect(branches(h).map((b) => b.label)).toEqual(['crash ponger', 'crash pinger']);
  });

  it('a branch whose parent is let go hangs from the parent before it, where it really parts', () => {
    let h = createHistory(pingSystem(), 1, [start], { maxBranches: 3 });
    h = play(h, 10);
    h = play(choose(h, 2, { type: 'crash', node: 0 }), 10);
    expect(historyChoices(h)).toEqual([start, { type: 'deliver', id: 0 }, { type: 'crash', node: 0 }, { type: 'deliver', id: 2 }]);
    h = choose(h, 3, { type: 'restart', node: 0 });
    h = switchBranch(h, 0);
    h = choose(h, 1, { type: 'crash', node: 1 });
    expect(branches(h).map((b) => [b.id, b.parent, b.forkStep])).toEqual([
      [0, null, 0],
      [2, 0, 2],
      [3, 0, 1],
    ]);
  });

  it('a branch whose first run is let go still says where it forked, not "from step 0"', () => {
    let h = createHistory(pingSystem({ network: { lossPercent: 100 } }), 1, [start], { maxBranches: 2 });
    h = play(h, 20);
    h = choose(h, 6, { type: 'crash', node: 1 });
    h = switchBranch(h, 1);
    h = choose(h, 4, { type: 'crash', node: 0 });
    expect(branches(h).map((b) => [b.id, b.parent, b.forkStep])).toEqual([
      [1, null, 6],
      [2, 1, 4],
    ]);
    h = choose(h, 2, { type: 'crash', node: 1 });
    expect(h.notice).toContain('let go of the branch "crash ponger" (from step 6)');
  });

  it('the current branch alone beyond maxStoredSteps is a ChoiceError', () => {
    const h = createHistory(pingSystem({ network: { lossPercent: 100 } }), 1, [start], { maxStoredSteps: 10 });
    expect(() => play(h, 20)).toThrow('this run would hold more than 10 steps, the most a history keeps');
  });
});
