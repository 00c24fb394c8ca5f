// The checks every protocol's scenarios share, for its scenarios.test.ts: each scenario compiles
// to a run that replays to the same trace, and tells its story in plain words (a snapshot).
// `verdict` adds, in the same describe block, what the scenario must end with in the protocol's
// own terms (every invariant kept, or the one rule its broken variant breaks).
import { describe, expect, it } from 'vitest';
import { replay, traceToArray } from '../../../engine';
import { playScenario, type PlayedScenario } from '../scenario';
import type { Protocol, Scenario } from '../types';
import { narrationText } from './narration';


export function eachScenario(protocol: Protocol, verdict: (scenario: Scenario, played: PlayedScenario) => void): void {
  for (const scenario of protocol.scenarios)
    describe(scenario.id, () => {
      const played = lazily(() => playScenario(protocol, scenario));

      it('compiles to a run that replays to the same trace', () => {
        const compiled = protocol.compileScenario(scenario);
        expect(compiled.run).toEqual(played.run);
        const replayed = replay(protocol.build(compiled.run.config, compiled.run.variant), compiled.run.seed, compiled.run.choices);
        expect(replayed.ok).toBe(true);
        expect(traceToArray(replayed.world.trace)).toEqual(traceToArray(played.world.trace));
      });

      it('tells its story in plain words', () => {
        expect(narrationText(protocol, played.world, played.captions)).toMatchSnapshot();
      });

      verdict(scenario, played);
    });
}

/**
 * The scenario is played inside each test that reads it, once per test, not while the suite is
 * collected. A run that throws (a mutant that never settles) then fails these tests one by one,
 * where a throw at collection fails the file with no test failed, which a mutation run reads as
 * "survived". And each test runs the machines itself, so a mutation run's per-test coverage
 * knows that the narration snapshot, not only the first test, depends on them.
 */
function lazily(play: () => PlayedScenario): PlayedScenario {
  let cached: { readonly test: string | undefined; readonly played: PlayedScenario } | null = null;
  const get = () => {
    const test = expect.getState().currentTestName;
    if (cached === null || cached.test !== test) cached = { test, played: play() };
    return cached.played;
  };
  return {
    get run() {
      return get().run;
    },
    get captions() {
      return get().captions;
    },
    get world() {
      return get().world;
    },
  };
}
