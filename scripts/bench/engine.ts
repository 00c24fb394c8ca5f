// Engine and checker throughput on each protocol, the time the checker takes to catch each broken
// variant, the seek time on a 10,000-step run of every protocol, and whole 100,000-step runs.
import { apply, checkWorld, createWorld, draw, enabled, historyLength, next, worldAt, type Choice, type History, type SearchMethod, type World } from '../../src/engine';
import { checkingBoundsOf, checkingStart, crashableNodes } from '../../src/protocols/kit';
import type { Config, Protocol } from '../../src/protocols/kit/types';
import { protocolById, protocols } from '../../src/protocols/registry';
import { percentiles, type Figure } from './figure';
import { longRun, longRunOf } from './long-run';
import { longRunFigures } from './long-run-rate';

const twoPhaseCommit = protocolById('two-phase-commit')!;
const paxos = protocolById('paxos')!;
const kafka = protocolById('kafka-consumer-offsets')!;
const multiRegion = protocolById('kafka-multi-region')!;
const cache = protocolById('cache-write-strategies')!;

function configOf(protocol: Protocol, input: { readonly [key: string]: unknown }, variant?: string): Config {
  const result = protocol.validate(input, variant);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

/** Mostly the default scheduler, with a seeded sprinkle of crashes, restarts, drops and client operations. */
function pick(world: World, seed: number): Choice | null {
  const roll = draw(seed, 'schedule', world.step);
  if (roll < 0.08) {
    const options = enabled(world).filter((c) => c.type !== 'deliver' && c.type !== 'partition');
    if (options.length > 0) return options[Math.floor(draw(seed, 'schedule', world.step + 1e6) * options.length)]!;
  }
  return next(world);
}

/** The client operations that open the protocol's first scenario (begin, propose...). */
function opening(protocol: Protocol, config: Config): Choice[] {
  const run = protocol.compileScenario({ ...protocol.scenarios[0]!, config }).run.choices;
  const first = run.findIndex((c) => c.type !== 'client');
  return run.slice(0, first === -1 ? run.length : first) as Choice[];
}

export function stepsPerSecond(protocol: Protocol, input: { readonly [key: string]: unknown }, label: string, begin?: readonly Choice[]): Figure {
  const config = configOf(protocol, input);
  const system = protocol.build(config, 'correct');
  const start = begin ?? opening(protocol, config);
  const runFor = (milliseconds: number, firstSeed: number) => {
    let steps = 0;
    const started = performance.now();
    for (let seed = firstSeed; performance.now() - started < milliseconds; seed++) {
      let world = start.reduce(apply, createWorld(system, seed));
      for (let i = 0; i < 400; i++) {
        const choice = pick(world, seed);
        if (choice === null) break;
        world = apply(world, choice);
        steps++;
      }
    }
    return { steps, seconds: (performance.now() - started) / 1000 };
  };
  // Half a second on other seeds first, as a page has run before a person steps: the code is
  // compiled and the machines' common transitions are remembered. The runs measured are new ones.
  const cold = runFor(500, 1_000_001);
  const { steps, seconds } = runFor(1500, 1);
  const note = `the first half second, cold: ${Math.round(cold.steps / cold.seconds).toLocaleString('en-US')} steps/s`;
  return { name: `engine steps/s, ${label}`, value: Math.round(steps / seconds), unit: 'steps/s', budget: { limit: 200_000, atLeast: true }, note };
}

export interface Search {
  readonly protocol: Protocol;
  readonly input: { readonly [key: string]: unknown };
  readonly variant: string;
  readonly maxDepth: number;
  readonly maxStates: number;
  readonly method?: SearchMethod;
}

/** A search, timed by the wall clock and by the CPU time of the process (the machine may be shared). */
function search(spec: Search) {
  const { protocol, variant, maxDepth, maxStates, method } = spec;
  const { config, prefix } = caseStart(spec);
  const system = protocol.build(config, variant);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const crashable = crashableNodes(protocol, system);
  const result = checkWorld(system, 1, { maxDepth, maxStates, budget: checkingBoundsOf(protocol, variant).budget, prefix, ...(method ? { method } : {}), ...(crashable === undefined ? {} : { crashable }) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/**
 * The checker's rate by the wall clock and by CPU time: on a busy machine the two differ. Best of
 * two searches: the first also pays for XState transitions met for the first time (remembered by
 * the adapter for the next search, as a page's second search finds them) and for compiling the
 * code; its rate is in the note.
 */
export function checkerRates(label: string, spec: Search): Figure[] {
  const first = search(spec);
  const second = search(spec);
  const best = second.cpuSeconds < first.cpuSeconds ? second : first;
  const states = best.result.distinctStates;
  const rate = (cpuSeconds: number) => Math.round(states / cpuSeconds).toLocaleString('en-US');
  const note = `${states.toLocaleString('en-US')} states to depth ${best.result.depth} in ${best.seconds.toFixed(2)} s, ${best.cpuSeconds.toFixed(2)} s of CPU (${best.result.kind}); first search ${rate(first.cpuSeconds)} per CPU second`;
  const budget = { limit: 100_000, atLeast: true };
  return [
    { name: `checker distinct states/s, ${label}`, value: Math.round(states / best.seconds), unit: 'states/s', budget, note },
    { name: `checker distinct states per CPU second, ${label}`, value: Math.round(states / best.cpuSeconds), unit: 'states/s', budget },
  ];
}

/**
 * What each way of searching pays, per CPU second, on one search: full engine steps (trace and
 * every rule on every step, as the checker first did), search steps, and search steps with sleep
 * sets (the default). All three find the same states.
 */
function methodRates(): Figure[] {
  const spec: Search = { protocol: twoPhaseCommit, input: { participants: 3 }, variant: 'correct', maxDepth: 10, maxStates: 200_000 };
  const methods: [string, SearchMethod][] = [
    ['full steps', { fullSteps: true, sleepSets: false }],
    ['search steps', { fullSteps: false, sleepSets: false }],
    ['search steps and sleep sets', { fullSteps: false, sleepSets: true }],
  ];
  return methods.map(([label, method]) => {
    const { result, cpuSeconds } = search({ ...spec, method });
    return {
      name: `checker states per CPU second, 2PC 3 participants, ${label}`,
      value: Math.round(result.distinctStates / cpuSeconds),
      unit: 'states/s',
      note: `${result.distinctStates.toLocaleString('en-US')} states`,
    };
  });
}

/** The time `fault-lines check <protocol> --variant <id>` takes with its defaults. */
export function timeToCatch(protocol: Protocol, variant: string): Figure {
  const { maxDepth } = checkingBoundsOf(protocol, variant);
  const { result, seconds } = search({ protocol, input: protocol.checking.config, variant, maxDepth, maxStates: 2_000_000 });
  const found = result.kind === 'violation' ? `${result.rule} in ${result.choices.length} steps` : 'NOT FOUND';
  return {
    name: `checker catches ${protocol.id} ${variant}`,
    value: Math.round(seconds * 1000),
    unit: 'ms',
    note: `${found}, ${result.distinctStates.toLocaleString('en-US')} states`,
  };
}

/** The time `fault-lines check cache-write-strategies --set strategy=<s>` takes to find nothing. */
function cacheClean(settings: { readonly [key: string]: unknown }, label: string): Figure {
  const { result, seconds } = search({ protocol: cache, input: { ...cache.checking.config, ...settings }, variant: 'correct', maxDepth: cache.checking.maxDepth, maxStates: 2_000_000 });
  return {
    name: `checker clears cache ${label} (correct)`,
    value: Math.round(seconds * 1000),
    unit: 'ms',
    note: `${result.kind === 'none' ? 'no violation' : `VIOLATION of ${result.rule}`}, ${result.distinctStates.toLocaleString('en-US')} states to depth ${result.depth}`,
  };
}

function seekFigures(label: string, history: History, budgeted: boolean): Figure[] {
  const length = historyLength(history);
  const times: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const step = Math.floor(draw(7, 'schedule', i) * length);
    const started = performance.now();
    worldAt(history, step);
    times.push(performance.now() - started);
  }
  const { median, p95 } = percentiles(times);
  const name = `seek to a step of a ${length.toLocaleString('en-US')}-step ${label}`;
  return [
    { name: `${name}, median`, value: median, unit: 'ms' },
    { name: `${name}, p95`, value: p95, unit: 'ms', ...(budgeted ? { budget: { limit: 5, atLeast: false } } : {}) },
  ];
}

/** Seeking on a 10,000-step run of every protocol (every message lost), and on 2PC's blocked run. */
function seekTimes(): Figure[] {
  return [
    ...seekFigures('2PC run, blocked in doubt', longRun(10_000).history, true),
    ...protocols.flatMap((p) => {
      const { history } = longRunOf(p, 10_000);
      return history === null ? [] : seekFigures(`${p.id} run, every message lost`, history, true);
    }),
  ];
}

const brokenVariants = (protocol: Protocol) => protocol.variants.filter((v) => v.id !== 'correct').map((v) => v.id);

const twoPhase = (participants: number, maxDepth: number): Search => ({
  protocol: twoPhaseCommit,
  input: { participants },
  variant: 'correct',
  maxDepth,
  maxStates: 400_000,
});

/** The searches whose rate the bench measures, in the CLI (here) and in the page's worker (worker.ts). */
export const checkerCases: readonly (readonly [label: string, search: Search])[] = [
  ['2PC 3 participants', twoPhase(3, 10)],
  ['2PC 5 participants', twoPhase(5, 8)],
  ['Paxos 2 proposers, 3 acceptors', { protocol: paxos, input: {}, variant: 'correct', maxDepth: 10, maxStates: 400_000 }],
];

/** A case's config, validated, and the choices its search starts after. */
export function caseStart({ protocol, input, variant }: Search) {
  const config = configOf(protocol, input, variant);
  return { config, prefix: checkingStart(protocol, variant, config) };
}

export function engineFigures(): Figure[] {
  return [
    stepsPerSecond(twoPhaseCommit, { participants: 3 }, '2PC 3 participants'),
    stepsPerSecond(twoPhaseCommit, { participants: 5 }, '2PC 5 participants'),
    stepsPerSecond(paxos, {}, 'Paxos 2 proposers, 3 acceptors'),
    stepsPerSecond(kafka, {}, 'Kafka 2 partitions, 2 consumers'),
    stepsPerSecond(multiRegion, {}, 'multi-region Kafka, 2 regions'),
    stepsPerSecond(cache, {}, 'cache write-through, 2 servers'),
    stepsPerSecond(cache, { strategy: 'write-back', apps: 3, keys: 3, capacity: 2, ttlTicks: 200 }, 'cache write-back, 3 servers, 3 keys', [
      { type: 'client', node: 0, op: 'write x' },
      { type: 'client', node: 1, op: 'write y' },
      { type: 'client', node: 2, op: 'read z' },
    ]),
    ...checkerCases.flatMap(([label, spec]) => checkerRates(label, spec)),
    ...methodRates(),
    ...brokenVariants(twoPhaseCommit).map((v) => timeToCatch(twoPhaseCommit, v)),
    ...brokenVariants(paxos).map((v) => timeToCatch(paxos, v)),
    ...['at-most-once', 'at-least-once', 'exactly-once'].flatMap((semantics) =>
      checkerRates(`Kafka ${semantics}`, { protocol: kafka, input: { ...kafka.checking.config, semantics }, variant: 'correct', maxDepth: kafka.checking.maxDepth, maxStates: 400_000 }),
    ),
    ...brokenVariants(kafka).map((v) => timeToCatch(kafka, v)),
    ...['active-passive', 'active-active'].flatMap((arrangement) =>
      checkerRates(`multi-region Kafka ${arrangement}`, {
        protocol: multiRegion,
        input: { ...multiRegion.checking.config, arrangement },
        variant: 'correct',
        maxDepth: multiRegion.checking.maxDepth,
        maxStates: 400_000,
      }),
    ),
    ...brokenVariants(multiRegion).map((v) => timeToCatch(multiRegion, v)),
    ...checkerRates('cache write-around', { protocol: cache, input: { ...cache.checking.config, strategy: 'write-around' }, variant: 'correct', maxDepth: 10, maxStates: 400_000 }),
    ...brokenVariants(cache).map((v) => timeToCatch(cache, v)),
    cacheClean({ strategy: 'write-through' }, 'write-through'),
    cacheClean({ strategy: 'write-through', sequential: true }, 'write-through in sequence'),
    cacheClean({ strategy: 'write-around' }, 'write-around'),
    cacheClean({ strategy: 'write-back' }, 'write-back'),
    ...seekTimes(),
    ...longRunFigures(),
  ];
}
