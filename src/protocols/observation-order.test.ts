import { describe, expect, it } from 'vitest';
import { apply, createWorld, draw, enabled, ObservationList, type Observation, type World } from '../engine';
import { playScenario } from './kit';
import { protocols } from './registry';

// The checker's state key treats a node's observations as a set (world-fingerprint.ts): two worlds
// that observed the same things in another order, or one thing twice, are one state. That is
// sound only if no rule reads the order of observations or counts repeats; a protocol whose rules
// do must declare `orderedObservations`, and its observations are then keyed as a sequence. Here
// every rule of a protocol that does not declare the flag (or declares it for some observations
// only) is asked about each world its scenarios and seeded random runs pass through, as it is and
// with its unordered observations reversed and without repeats: the verdicts must be the same,
// and the test fails, naming the rule, if they are not. (Forgetting the flag
// cost multi-region Kafka a state the search never visited.)

/**
 * The same world with its observations reversed, or without repeats; of those the protocol keys
 * as a set only, when it declares some ordered (those stay as they are, in their places).
 */
function reshaped(world: World, how: 'reversed' | 'without repeats'): World {
  const flag = world.system.orderedObservations;
  const loose = (o: Observation) => typeof flag !== 'function' || !flag(o.value);
  const all = world.observations.toArray();
  const text = (o: Observation) => `${o.node}=${JSON.stringify(o.value)}`;
  let items: Observation[];
  if (how === 'without repeats') items = all.filter((o, i) => !loose(o) || all.findIndex((p) => text(p) === text(o)) === i);
  else {
    const reversed = all.filter(loose).reverse();
    items = all.map((o) => (loose(o) ? reversed.shift()! : o));
  }
  return { ...world, observations: ObservationList.from(items) };
}

/** The rules whose verdict (broken or not) differs between two worlds. */
function disagreeing(a: World, b: World): string[] {
  const rules = [...a.system.invariants, ...a.system.conditions];
  return rules.filter((r) => (r.check(a) === null) !== (r.check(b) === null)).map((r) => r.id);
}

/** Every world each scenario of the protocol passes through that has two observations or more. */
function scenarioWorlds(protocol: (typeof protocols)[number]): World[] {
  const worlds: World[] = [];
  for (const scenario of protocol.scenarios) {
    const { run } = playScenario(protocol, scenario);
    let world = createWorld(protocol.build(run.config, run.variant), run.seed);
    for (const choice of run.choices) {
      world = apply(world, choice);
      if (world.observations.length >= 2) worlds.push(world);
    }
  }
  return worlds;
}

/** Worlds on seeded random runs of every variant, faults included: scenarios tell stories, these wander. */
function wanderingWorlds(protocol: (typeof protocols)[number], runs: number, steps: number): World[] {
  const worlds: World[] = [];
  for (const variant of protocol.variants)
    for (let seed = 1; seed <= runs; seed++) {
      let world = createWorld(protocol.build(protocol.defaults(), variant.id), seed);
      for (let i = 0; i < steps; i++) {
        const choices = enabled(world);
        if (choices.length === 0) break;
        // Calm choices most of the time, so runs get somewhere before they fall apart.
        const calm = choices.filter((c) => c.type === 'deliver' || c.type === 'fire' || c.type === 'client');
        const pool = calm.length > 0 && draw(seed, 'schedule', 2 * i) < 0.85 ? calm : choices;
        world = apply(world, pool[Math.floor(draw(seed, 'schedule', 2 * i + 1) * pool.length)]!);
        if (world.observations.length >= 2) worlds.push(world);
      }
    }
  return worlds;
}

/** What reshaping the observations changes, as "rule (how) at step N of a run", at most a few. */
function sensitivities(protocol: (typeof protocols)[number]): string[] {
  const found: string[] = [];
  for (const world of [...scenarioWorlds(protocol), ...wanderingWorlds(protocol, 30, 60)])
    for (const how of ['reversed', 'without repeats'] as const)
      for (const rule of disagreeing(world, reshaped(world, how))) if (found.length < 5) found.push(`${rule} (${how}) at step ${world.step}`);
  return found;
}

describe('the state key and the rules agree on whether observations are a set', () => {
  for (const protocol of protocols) {
    // A protocol that declares every observation ordered has them keyed as a sequence: nothing to check.
    if (protocol.build(protocol.defaults(), protocol.variants[0]!.id).orderedObservations === true) continue;
    it(`${protocol.id}: no rule reads the order of observations or counts repeats, as its state key assumes`, () => {
        expect(sensitivities(protocol)).toEqual([]);
      });
  }
});
