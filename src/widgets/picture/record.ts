// Records a scenario's picture (picture-data.ts) by running it with the real protocol: used at
// build time by the widget pictures plugin, and by the test that checks a picture says what the
// live views say.
import { createHistory, traceToArray, worldAt } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';
import { bodyKey, type PictureData } from './picture-data';

export function recordPicture(protocol: Protocol, scenarioId: string): PictureData {
  const scenario = protocol.scenarios.find((s) => s.id === scenarioId);
  if (scenario === undefined) throw new Error(`${protocol.id} has no scenario ${scenarioId}`);
  const { run, captions } = protocol.compileScenario(scenario);
  const checked = protocol.validate(run.config);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const history = createHistory(protocol.build(checked.config, run.variant), run.seed, run.choices);
  const start = worldAt(history, 0);
  const end = worldAt(history, run.choices.length);
  const events = traceToArray(end.trace);
  const words = new Map<string, string>();
  for (const body of [...events.flatMap((e) => ('envelope' in e ? [e.envelope.body] : [])), ...start.messages.map((m) => m.body)])
    words.set(bodyKey(body), protocol.describeMessage(body));
  return {
    protocol: {
      id: protocol.id,
      title: protocol.title,
      roles: protocol.roles.map((r) => ({ role: r.role, title: r.title })),
      invariants: protocol.invariants,
      conditions: protocol.conditions,
    },
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    caption: captions.filter((c) => c.step <= 0).at(-1)?.text ?? null,
    end: run.choices.length,
    world: {
      tick: start.tick,
      nodes: start.nodes.map((n) => ({ up: n.up, label: n.label })),
      messages: start.messages,
      timers: start.timers,
      partition: start.partition,
      violations: start.violations,
      conditions: start.conditions,
      names: start.system.nodes.map((n) => ({ name: n.name, role: n.role })),
    },
    events,
    described: start.nodes.map((_, node) => protocol.describe(start, node)),
    words: [...words],
    narration: events.filter((e) => e.step === 0).map((e) => protocol.narrate(start, e, true)),
  };
}
