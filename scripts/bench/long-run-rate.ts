// Steps per second over a whole 100,000-step run (issue 8): Paxos with every message lost (the
// run that used to grow quadratic) against two-phase commit's long runs. Each run gets a system
// of its own (a config no other figure uses), so no memo is warm from an earlier figure; the
// runs alternate and the best of three counts. Time is the process's CPU time, not the clock:
// these figures are ratios, and on a machine shared with other work the clock made them swing
// by a factor of two from one run to the next.
import { historyLength, worldAt } from '../../src/engine';
import { protocolById } from '../../src/protocols/registry';
import type { Figure } from './figure';
import { longRun, longRunOf } from './long-run';

const STEPS = 100_000;
const paxos = protocolById('paxos')!;
const twoPhaseCommit = protocolById('two-phase-commit')!;

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

function timed<T>(run: () => T): { value: T; seconds: number } {
  const started = cpuSeconds();
  const value = run();
  return { value, seconds: cpuSeconds() - started };
}

/** Steps/s of the first and the last tenth of a run, replayed from its own checkpoints. */
function ends(history: NonNullable<ReturnType<typeof longRunOf>['history']>): { first: number; last: number } {
  const tenth = Math.floor(historyLength(history) / 10);
  // worldAt replays from the nearest checkpoint, so each call times about 255 steps.
  const rate = (from: number) => {
    const { seconds } = timed(() => {
      for (let step = from + 255; step < from + tenth; step += 256) worldAt(history, step);
    });
    return (tenth * 255) / 256 / seconds;
  };
  // Twice each, alternating, best of two: the first pass also warms the code up.
  const from = { first: 0, last: historyLength(history) - tenth - 1 };
  const best = { first: 0, last: 0 };
  for (let round = 0; round < 2; round++) for (const end of ['first', 'last'] as const) best[end] = Math.max(best[end], rate(from[end]));
  return best;
}

export function longRunFigures(): Figure[] {
  const best = { paxos: 0, lost: 0, blocked: 0 };
  let paxosRun: ReturnType<typeof longRunOf>['history'] = null;
  for (let round = 0; round < 3; round++) {
    const latencyTicksMax = 40 + round;
    const p = timed(() => longRunOf(paxos, STEPS, { latencyTicksMax }));
    best.paxos = Math.max(best.paxos, p.value.steps / p.seconds);
    paxosRun = p.value.history;
    const t = timed(() => longRunOf(twoPhaseCommit, STEPS, { latencyTicksMax }));
    best.lost = Math.max(best.lost, t.value.steps / t.seconds);
    const b = timed(() => longRun(STEPS));
    best.blocked = Math.max(best.blocked, STEPS / b.seconds);
  }
  const rate = (value: number) => Math.round(value);
  const paxosEnds = paxosRun === null ? null : ends(paxosRun);
  return [
    { name: 'a 100,000-step 2PC run (blocked in doubt), steps per CPU second', value: rate(best.blocked), unit: 'steps/s' },
    { name: 'a 100,000-step 2PC run (every message lost), steps per CPU second', value: rate(best.lost), unit: 'steps/s' },
    { name: 'a 100,000-step Paxos run (every message lost), steps per CPU second', value: rate(best.paxos), unit: 'steps/s' },
    {
      name: 'Paxos long run: 2PC long run steps/s over Paxos\'',
      value: Number((best.blocked / best.paxos).toFixed(2)),
      unit: '×',
      budget: { limit: 2, atLeast: false },
      note: `against 2PC with every message lost: ${(best.lost / best.paxos).toFixed(2)}× (a new ballot is a state no memo has seen)`,
    },
    ...(paxosEnds === null
      ? []
      : [
          {
            name: 'Paxos long run: steps/s of its first tenth over its last',
            value: Number((paxosEnds.first / paxosEnds.last).toFixed(2)),
            unit: '×',
            note: 'about 1 when no cost grows with the run',
          },
        ]),
  ];
}
