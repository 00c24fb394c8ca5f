import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline-model';
import { windowTimeline, windowSize } from './timeline-window';
import { longTrace } from './testing/synthetic';
import { firstInFlight, pingNames, runWith, start } from './testing/runs';

const names = { nodes: [{ name: 'a', role: 'r' }, { name: 'b', role: 'r' }] };

describe('windowTimeline', () => {
  it('returns exactly the arrows and points that touch the visible steps of a 10,000-event run', () => {
    const events = longTrace(3400);
    expect(events.length).toBeGreaterThan(10_000);
    const model = buildTimeline(events, names);
    const w = windowTimeline(model, 1000, 1040);
    const expectedArrows = [...model.arrows, ...model.longArrows].filter((a) => a.sendStep <= 1040 && (a.endStep ?? Infinity) >= 1000);
    expect(w.arrows.map((a) => a.id).sort((a, b) => a - b)).toEqual(expectedArrows.map((a) => a.id).sort((a, b) => a - b));
    expect(w.points.every((p) => p.step >= 1000 && p.step <= 1040)).toBe(true);
    expect(w.points).toHaveLength(41);
    expect(windowSize(w)).toBeLessThan(200);
  });

  it('keeps a message that never ends in every window after its send', () => {
    const model = buildTimeline(longTrace(100), names);
    const pending = model.longArrows.find((a) => a.endStep === null)!;
    expect(windowTimeline(model, 500, 510).arrows).toContain(pending);
    expect(windowTimeline(model, 0, 50).arrows).not.toContain(pending);
  });

  it('keeps an arrow that spans the whole window though neither end is inside it', () => {
    const { events } = runWith([() => start, ...Array.from({ length: 80 }, () => () => ({ type: 'network' as const, options: { lossPercent: 0 } })), (w) => ({ type: 'deliver', id: firstInFlight(w) })]);
    const model = buildTimeline(events, pingNames);
    const ping = model.longArrows.find((a) => a.type === 'PING')!;
    expect(ping.endStep).toBe(82);
    expect(windowTimeline(model, 30, 40).arrows).toContain(ping);
  });

  it('includes crash intervals and conditions that overlap the window, and no others', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 }), () => start, () => ({ type: 'restart', node: 1 }), () => 'next', () => 'next']);
    const model = buildTimeline(events, pingNames);
    expect(windowTimeline(model, 2, 3).crashes).toHaveLength(1);
    expect(windowTimeline(model, 4, 5).crashes).toHaveLength(0);
    expect(windowTimeline(model, 0, 1).alerts).toHaveLength(1);
    expect(windowTimeline(model, 3, 5).alerts).toHaveLength(0);
  });
});
