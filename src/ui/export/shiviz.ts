// The run as a ShiViz log (https://bestchai.bitbucket.io/shiviz/): one line per event at a node,
// with the node's vector clock, so the run opens in ShiViz as a space-time diagram. The file
// follows ShiViz's documented input: its first line is the parsing regular expression (with the
// named groups `host`, `clock` and `event`), the second the delimiter between executions (empty:
// one execution), and the rest is the log. Each node's own clock entry starts at 1 and goes up by
// one per event; a delivery merges in the clock its message was sent with.
import { traceToArray, type TraceEvent, type World } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';

export const SHIVIZ_REGEX = String.raw`(?<host>\S+) (?<clock>\{[^}]*\}) (?<event>.*)`;

type Clock = Record<string, number>;

/** A node's name as a ShiViz host: no spaces or braces, never empty. */
export function hostName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_') || 'node';
}

/** The node an event happens at, for the events ShiViz draws (sends, deliveries, a node's own events). */
function eventNode(event: TraceEvent): number | null {
  switch (event.type) {
    case 'send':
      return event.envelope.from;
    case 'deliver':
      return event.envelope.to;
    case 'timer-fire':
      return event.timer.node;
    case 'client':
    case 'crash':
    case 'restart':
    case 'note':
    case 'state':
    case 'observe':
      return event.node;
    default:
      return null;
  }
}

function merge(into: Clock, from: Clock): void {
  for (const [host, time] of Object.entries(from)) into[host] = Math.max(into[host] ?? 0, time);
}

/** The log for the run up to `world` (its whole trace): the header lines, then one line per event. */
export function shivizLog(protocol: Pick<Protocol, 'narrate'>, world: World): string {
  const hosts = world.system.nodes.map((n, i) => {
    const base = hostName(n.name);
    return world.system.nodes.findIndex((m) => hostName(m.name) === base) === i ? base : `${base}_${i}`;
  });
  const clocks: Clock[] = hosts.map(() => ({}));
  const sent = new Map<number, Clock>();
  const lines = [SHIVIZ_REGEX, ''];
  for (const event of traceToArray(world.trace)) {
    const node = eventNode(event);
    if (node === null || hosts[node] === undefined) {
      if (event.type === 'duplicate' && sent.has(event.envelope.id)) sent.set(event.copy.id, sent.get(event.envelope.id)!);
      continue;
    }
    const clock = clocks[node]!;
    if (event.type === 'deliver') {
      const from = sent.get(event.envelope.id) ?? (event.envelope.copyOf === undefined ? undefined : sent.get(event.envelope.copyOf));
      if (from !== undefined) merge(clock, from);
    }
    clock[hosts[node]!] = (clock[hosts[node]!] ?? 0) + 1;
    if (event.type === 'send') sent.set(event.envelope.id, { ...clock });
    const words = (protocol.narrate(world, event, true) ?? event.type).replace(/\s+/g, ' ');
    lines.push(`${hosts[node]} ${JSON.stringify(clock)} step ${event.step}, tick ${event.tick}: ${words}`);
  }
  return `${lines.join('\n')}\n`;
}
