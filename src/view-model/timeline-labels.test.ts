import { describe, expect, it } from 'vitest';
import { placeAlertLabels, shortForms, type AlertLabelInput } from './timeline-labels';

const options = { fontPx: 10, left: 0, right: 400 };
const width = (text: string) => text.length * 10 * 0.64;
const broken = (key: string, x: number, name: string): AlertLabelInput => ({ key, x, glyph: '⚠', name, first: true });
const condition = (key: string, x: number, name: string): AlertLabelInput => ({ key, x, glyph: '◆', name, first: false });
const overlapping = (placed: ReturnType<typeof placeAlertLabels>) =>
  placed.some((a, i) => placed.some((b, j) => i !== j && a.x < b.x + width(b.text) && b.x < a.x + width(a.text)));

describe('the names of invariants and conditions above the timeline', () => {
  it('never overlap when two rules start at the same step, and a broken invariant keeps its place', () => {
    const placed = placeAlertLabels([condition('stale', 100, 'stale-entry'), broken('coherent', 102, 'coherent-when-quiet')], options);
    expect(placed.find((p) => p.key === 'coherent')).toMatchObject({ x: 102, text: '⚠ coherent-when-quiet' });
    expect(placed.find((p) => p.key === 'stale')?.text).toBe('◆ stale-entry');
    expect(overlapping(placed)).toBe(false);
  });

  it('near the right edge, a broken invariant moves left to stay whole, and a condition with no place near its step is left to the panel', () => {
    const placed = placeAlertLabels([condition('stale', 300, 'stale-entry'), broken('coherent', 310, 'coherent-when-quiet')], options);
    expect(placed.map((p) => p.text)).toEqual(['⚠ coherent-when-quiet']);
    expect(placed[0]!.x + width(placed[0]!.text)).toBeLessThanOrEqual(400);
  });

  it('are cut with "…" when no place holds them whole, keeping the whole name for the tooltip', () => {
    const cramped = placeAlertLabels([broken('a', 10, 'commit-validity'), broken('b', 12, 'read-your-writes')], { ...options, right: 230 });
    expect(cramped.map((p) => p.text)).toEqual(['⚠ commit-validity', expect.stringMatching(/^⚠ read-.*…$/)]);
    expect(cramped[1]!.full).toBe('⚠ read-your-writes');
    expect(overlapping(cramped)).toBe(false);
    for (const p of cramped) expect(p.x + width(p.text)).toBeLessThanOrEqual(230);
  });

  it('stay at their steps when they are far apart', () => {
    const placed = placeAlertLabels([condition('b', 300, 'lagging'), broken('a', 10, 'no-loss')], options);
    expect(placed.map((p) => [p.key, p.x])).toEqual([
      ['a', 10],
      ['b', 300],
    ]);
  });
});

describe('shorter forms of a label', () => {
  it('drop words from the end, then cut the first word', () => {
    expect(shortForms('prepared to commit', 4)).toEqual(['prepared to commit', 'prepared to', 'prepared', 'prepare…', 'prepar…', 'prepa…', 'prep…']);
  });
});
