// A long two-phase commit run for the seek and frame-time figures: the coordinator crashes after
// PREPARE and never comes back, so the participants, blocked in doubt, keep asking forever.
import { createHistory, historyChoices, play, type Choice, type History } from '../../src/engine';
import type { Config } from '../../src/protocols/kit/types';
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
