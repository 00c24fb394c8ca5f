import { describe, expect, it } from 'vitest';
import { openRun, replayOpened } from '../../protocols/open-run';
import { protocolById } from '../../protocols/registry';
import { readRunFile, runFile } from './run-file';

function scenarioRun(protocolId: string, scenarioId: string) {
  const protocol = protocolById(protocolId)!;
  const { run } = protocol.compileScenario(protocol.scenarios.find((s) => s.id === scenarioId)!);
  const opened = openRun(run);
  if (!opened.ok) throw new Error(opened.reason);
  const replayed = replayOpened(opened);
  if (!replayed.ok) throw new Error(replayed.reason);
  return { protocol, run, world: replayed.world };
}

describe('the run as a JSON file', () => {
  it('holds the choices, the trace and the story, and opens again as the same run at the same step', () => {
    const { protocol, run, world } = scenarioRun('paxos', 'dueling-proposers');
    const file = runFile(protocol, run, 7, world);
    expect(file.choices.length).toBe(run.choices.length);
    expect(file.trace.length).toBeGreaterThan(file.choices.length);
    expect(file.story.some((s) => s.lines.length > 0)).toBe(true);
    const read = readRunFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, frame: { ...run, step: 7 } });
  });

  it('refuses what is not a run, saying why', () => {
    expect(readRunFile('not json')).toEqual({ ok: false, reason: 'the file is not JSON' });
    expect(readRunFile('[]')).toEqual({ ok: false, reason: 'the file does not hold a run' });
    expect(readRunFile('{"format":"something-else"}')).toEqual({ ok: false, reason: 'the file is not a Fault Lines run' });
    expect(readRunFile('{"format":"fault-lines-run","version":9}').ok).toBe(false);
    const broken = readRunFile(JSON.stringify({ format: 'fault-lines-run', version: 1, protocol: 'paxos', choices: [{ type: 'deliver' }] }));
    expect(broken.ok).toBe(false);
  });

  it('a file whose choices were edited into something impossible is refused or opens only as far as it can, never crashing', () => {
    const { protocol, run, world } = scenarioRun('two-phase-commit', 'happy-commit');
    const file = { ...runFile(protocol, run, 3, world), choices: [{ type: 'crash', node: 99 }] };
    const read = readRunFile(JSON.stringify(file));
    if (read.ok) {
      const opened = openRun(read.frame);
      const replayed = opened.ok ? replayOpened(opened) : opened;
      expect(replayed.ok).toBe(false);
    } else expect(read.reason.length).toBeGreaterThan(0);
  });
});
