// What `fault-lines check kafka-consumer-offsets` searches by default. A consumer group needs a
// few dozen steps to form and to be given records, and heartbeats keep every run going for ever,
// so each search starts where the lesson is within reach, as a model checker's initial-state
// predicate would, and explores every order of deliveries, timers, a crash and a loss from there.
//
// The correct protocol and the two variants that break the order of polling, processing and
// committing start with C1 alone given p0 and two records waiting on it. The two fencing variants
// (variants.ts) start with a zombie: C1 cut off holding r1 until the group removed it and C2 took
// r1 over, the network just healed. Each broken variant runs under the semantics whose promise it
// breaks (its config pins).
import { runUntil, type CheckingPrefix, type ScenarioStep } from '../kit';
import type { CheckingDefinition } from '../kit/definition';
import { produce } from './scenario-steps';
import { zombieSteps } from './scenarios-zombie';

const soloStart: readonly ScenarioStep[] = [...produce(), ...produce(), runUntil('ASSIGNED', 'broker', 'C1')];

export const zombieStart = (takeover: ScenarioStep): CheckingPrefix => ({
  summary: 'C1 was cut off holding r1; the group removed it and C2 took r1 over; the network has just healed',
  steps: zombieSteps(takeover),
});

export const checking: CheckingDefinition = {
  config: { partitions: 1, consumers: 1 },
  prefix: { summary: 'r1 and r2 are on p0; C1 has just been given p0 and polls', steps: soloStart },
  maxDepth: 10,
  budget: { crashes: 1, losses: 1 },
};
