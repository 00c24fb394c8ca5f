// Long runs for the seek, throughput and frame-time figures.
// - `longRun`: two-phase commit whose coordinator crashes after PREPARE and never comes back, so
//   the participants, blocked in doubt, keep asking forever (the browser figures use it).
// - `longRunOf`: any protocol with every message lost: each client operation offered at the
//   start is taken once, then the default scheduler runs on timers alone (Paxos' proposers start
//   ballot after ballot, a 2PC coordinator keeps waiting). Issue 8 found the quadratic Paxos
//   slowdown with exactly this run.
import { apply, createHistory, createWorld, enabled, historyChoices, historyLength, play, sameChoice, type Choice, type History } from '../../src/engine';
import type { Config, Protocol } from '../../src/protocols/kit/types';
import { protocolById } from '../../src/protocols/registry';

const twoPhaseCommit = protocolById('two-phase-commit')!;

export function longRun(steps: number): { history: History; config: Config; choices: readonly Choice[] } {
  const config = twoPhaseCommit.defaults();
  const system = twoPhaseCommit.build(config, 'correct');
  const scenario = twoPhaseCommit.scenarios.find((s) => s.id === 'coordinator-crash-after-prepare')!;
  const compiled = twoPhaseCommit.compileScenario(scenario).run.choices;
  const crash = compiled.findIndex((c) => c.type === 'crash');
  const history = play(createHistory(system, 1, compiled.slice(0, crash + 1)), steps - crash - 1);
  return { history, config, choices: historyChoices(history) };
}

/**
 * A run of `steps` steps of the protocol with every message lost (null history when it goes
 * quiet sooner). `extra` config entries give a system of its own, so its memo starts empty.
 */
export function longRunOf(protocol: Protocol, steps: number, extra: { readonly [key: string]: unknown } = {}) {
  const checked = protocol.validate({ lossPercent: 100, ...extra });
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const config = checked.config;
  const system = protocol.build(config, 'correct');
  const opening: Choice[] = [];
  let world = createWorld(system, 1);
  for (const op of enabled(world).filter((c) => c.type === 'client'))
    if (enabled(world).some((c) => sameChoice(c, op))) {
      world = apply(world, op);
      opening.push(op);
    }
  const history = play(createHistory(system, 1, opening), steps - opening.length);
  const length = historyLength(history);
  return { history: length >= steps ? history : null, steps: length, config, choices: historyChoices(history) };
}
