// Engine and checker throughput on two-phase commit, and the seek time on a 10,000-step run.
import { apply, checkWorld, createWorld, draw, enabled, next, worldAt, type Choice, type System, type World } from '../../src/engine';
import { percentiles, type Figure } from './figure';
import { longRun, twoPhaseCommit as protocol } from './long-run';

function system(participants: number, variant = 'correct'): System {
  const result = protocol.validate({ participants });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return protocol.build(result.config, variant);
}

/** Mostly the default scheduler, with a seeded sprinkle of crashes, restarts and drops. */
function pick(world: World, seed: number): Choice | null {
  const roll = draw(seed, 'schedule', world.step);
  if (roll < 0.08) {
    const options = enabled(world).filter((c) => c.type !== 'deliver' && c.type !== 'partition');
    if (options.length > 0) return options[Math.floor(draw(seed, 'schedule', world.step + 1e6) * options.length)]!;
  }
  return next(world);
}

function stepsPerSecond(participants: number): Figure {
  const sys = system(participants);
  let steps = 0;
  const started = performance.now();
  for (let seed = 1; performance.now() - started < 1500; seed++) {
    let world = createWorld(sys, seed);
    world = apply(world, { type: 'client', node: 0, op: 'begin' });
    for (let i = 0; i < 400; i++) {
      const choice = pick(world, seed);
      if (choice === null) break;
      world = apply(world, choice);
      steps++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    name: `engine steps/s, 2PC ${participants} participants`,
    value: Math.round(steps / seconds),
    unit: 'steps/s',
    budget: { limit: 200_000, atLeast: true },
  };
}

const budget = { crashes: 1, losses: 1, duplicates: 0, partitions: 0 };

function checkerRate(participants: number, maxDepth: number): Figure {
  const sys = system(participants);
  const started = performance.now();
  const result = checkWorld(sys, 1, { maxDepth, budget, maxStates: 400_000 });
  const seconds = (performance.now() - started) / 1000;
  return {
    name: `checker distinct states/s, 2PC ${participants} participants`,
    value: Math.round(result.distinctStates / seconds),
    unit: 'states/s',
    budget: { limit: 100_000, atLeast: true },
    note: `${result.distinctStates.toLocaleString('en-US')} states to depth ${result.depth} in ${seconds.toFixed(2)} s (${result.kind})`,
  };
}

/** The time `fault-lines check` takes to catch a variant, on the protocol's default instance. */
function timeToCatch(variant: string): Figure {
  const { checking } = protocol;
  const sys = system(Number(checking.config['participants'] ?? 3), variant);
  const started = performance.now();
  const result = checkWorld(sys, 1, { maxDepth: checking.maxDepth, budget: checking.budget, maxStates: 2_000_000 });
  const ms = performance.now() - started;
  const found = result.kind === 'violation' ? `${result.rule} in ${result.choices.length} steps` : 'NOT FOUND';
  return { name: `checker catches ${variant} (2 participants)`, value: ms, unit: 'ms', note: `${found}, ${result.distinctStates.toLocaleString('en-US')} states` };
}

function seekTimes(): Figure[] {
  const { history, choices } = longRun(10_000);
  const times: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const step = Math.floor(draw(7, 'schedule', i) * choices.length);
    const started = performance.now();
    worldAt(history, step);
    times.push(performance.now() - started);
  }
  const { median, p95 } = percentiles(times);
  const name = `seek to a step of a ${choices.length.toLocaleString('en-US')}-step 2PC run`;
  return [
    { name: `${name}, median`, value: median, unit: 'ms' },
    { name: `${name}, p95`, value: p95, unit: 'ms', budget: { limit: 5, atLeast: false } },
  ];
}

export function engineFigures(): Figure[] {
  return [
    stepsPerSecond(3),
    stepsPerSecond(5),
    checkerRate(3, 10),
    checkerRate(5, 8),
    ...protocol.variants.filter((v) => v.id !== 'correct').map((v) => timeToCatch(v.id)),
    ...seekTimes(),
  ];
}
