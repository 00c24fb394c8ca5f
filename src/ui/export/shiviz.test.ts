// The ShiViz log is checked against ShiViz's documented input format: the first line of a file is
// the parsing regular expression with the named groups host, clock and event; the second the
// delimiter between executions (empty for one); the rest the log. Each clock is JSON and holds
// its own host; a host's own entry starts at 1 and goes up by one per event; an entry for another
// host names a host of the log at a time that host reached. A delivery's clock is later than its send's.
import { describe, expect, it } from 'vitest';
import { traceToArray } from '../../engine';
import { openRun, replayOpened } from '../../protocols/open-run';
import { protocolById } from '../../protocols/registry';
import { shivizLog, SHIVIZ_REGEX } from './shiviz';

interface Parsed {
  readonly host: string;
  readonly clock: Record<string, number>;
  readonly event: string;
}

function parseLikeShiViz(file: string): Parsed[] {
  const [regex, delimiter, ...rest] = file.split('\n');
  expect(delimiter).toBe('');
  const pattern = new RegExp(regex!, 'gm');
  expect(pattern.source).toContain('(?<host>');
  expect(pattern.source).toContain('(?<clock>');
  expect(pattern.source).toContain('(?<event>');
  const log = rest.join('\n');
  const events = [...log.matchAll(pattern)].map((m) => ({ host: m.groups!['host']!, clock: JSON.parse(m.groups!['clock']!), event: m.groups!['event']! }));
  // Every non-empty line of the log is one event.
  expect(events.length).toBe(rest.filter((l) => l.trim() !== '').length);
  return events;
}

function checkClocks(events: readonly Parsed[]): void {
  const count = new Map<string, number>();
  for (const e of events) {
    expect(e.clock).toHaveProperty(e.host);
    const own = (count.get(e.host) ?? 0) + 1;
    expect(e.clock[e.host]).toBe(own);
    count.set(e.host, own);
  }
  for (const e of events)
    for (const [host, time] of Object.entries(e.clock)) {
      expect(count.has(host)).toBe(true);
      expect(time).toBeGreaterThanOrEqual(1);
      expect(time).toBeLessThanOrEqual(count.get(host)!);
    }
}

function scenarioWorld(protocolId: string, scenarioId: string) {
  const protocol = protocolById(protocolId)!;
  const scenario = protocol.scenarios.find((s) => s.id === scenarioId)!;
  const { run } = protocol.compileScenario(scenario);
  const opened = openRun(run);
  if (!opened.ok) throw new Error(opened.reason);
  const replayed = replayOpened(opened);
  if (!replayed.ok) throw new Error(replayed.reason);
  return { protocol, run, world: replayed.world };
}

describe('the ShiViz log', () => {
  it('follows ShiViz\'s file format, with a clock on every line that obeys its rules (two-phase commit, coordinator crash)', () => {
    const { protocol, world } = scenarioWorld('two-phase-commit', 'coordinator-crash-after-prepare');
    const events = parseLikeShiViz(shivizLog(protocol, world));
    expect(events.length).toBeGreaterThan(5);
    checkClocks(events);
    expect(new Set(events.map((e) => e.host))).toEqual(new Set(['coordinator', 'P1', 'P2', 'P3']));
  });

  it('every clock entry for another node points at an earlier line of that node: deliveries come after their sends (Paxos, dueling proposers)', () => {
    const { protocol, world } = scenarioWorld('paxos', 'dueling-proposers');
    const events = parseLikeShiViz(shivizLog(protocol, world));
    checkClocks(events);
    const sends = traceToArray(world.trace).filter((e) => e.type === 'deliver').length;
    let merged = 0;
    events.forEach((e, index) => {
      for (const [host, time] of Object.entries(e.clock)) {
        if (host === e.host) continue;
        const at = events.findIndex((other) => other.host === host && other.clock[host] === time);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(index);
        merged++;
      }
    });
    expect(sends).toBeGreaterThan(0);
    expect(merged).toBeGreaterThan(0);
  });

  it('the regular expression is the one the file announces', () => {
    expect(SHIVIZ_REGEX).toBe(String.raw`(?<host>\S+) (?<clock>\{[^}]*\}) (?<event>.*)`);
  });
});
