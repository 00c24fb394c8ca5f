// How much room a node's words take in the cluster view: its name, its state, its facts and the
// rules that name it. The view sizes its box from these, so nothing spills onto the timeline, and
// keeps each node's words within its share of the row, so neighbours never overlap.
import type { World } from '../engine';
import { stateWords } from '../protocols/kit/narrate';
import type { NodeDescription } from '../protocols/kit/types';
import type { NodeRules } from './node-status';

/** How many lines a text takes at `chars` characters a line, wrapped at spaces as a browser wraps it. */
export function wrappedLines(text: string, chars: number): number {
  const width = Math.max(8, chars);
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= width) used = needed;
    else {
      // A word longer than a line breaks wherever it must.
      lines += used === 0 ? 0 : 1;
      lines += Math.floor(Math.max(0, word.length - 1) / width);
      used = word.length % width || width;
    }
  }
  return lines;
}

/**
 * How many lines a node's words take at `chars` monospace characters a line: name, state, facts,
 * badges. The state ("proposing: accepting") is monospace too and wraps on a phone; the name is
 * in a proportional font, about a fifth narrower.
 */
export function captionLines(d: NodeDescription, named: NodeRules | undefined, chars: number): number {
  const lines = (text: string) => wrappedLines(text, chars);
  const name = wrappedLines(d.role === d.name ? d.name : `${d.name} (${d.role})`, Math.floor(chars * 1.2));
  const facts = d.facts.reduce((sum, f) => sum + (f.kind === 'value' ? lines(`${f.name} ${f.value}`) : 3), 0);
  const badges = [...(named?.broken ?? []), ...(named?.conditions ?? [])].reduce((sum, r) => sum + lines(`⚠ breaks ${r}`), 0);
  return name + lines(stateWords(d.label)) + facts + badges;
}

/** How many characters the widest line of a node's words holds, at most `chars` (its column). */
export function captionChars(d: NodeDescription, named: NodeRules | undefined, chars: number): number {
  const texts = [
    d.role === d.name ? d.name : `${d.name} (${d.role})`,
    stateWords(d.label),
    ...d.facts.map((f) => (f.kind === 'value' ? `${f.name} ${f.value}` : f.name)),
    ...[...(named?.broken ?? []), ...(named?.conditions ?? [])].map((r) => `⚠ breaks ${r}`),
  ];
  return Math.min(Math.max(8, chars), Math.max(...texts.map((t) => t.length)));
}

/** How wide a node's words may be: its share of the widest row (a partition adds a column per side). */
export function captionWidth(world: World, width: number): number {
  const roles = world.system.nodes.map((n) => n.role);
  const widestRow = Math.max(1, ...[...new Set(roles)].map((r) => roles.filter((role) => role === r).length));
  return Math.max(64, Math.floor(width / (widestRow + (world.partition?.length ?? 1) - 1)) - 8);
}
