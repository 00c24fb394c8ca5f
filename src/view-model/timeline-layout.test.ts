import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline-model';
import { windowTimeline } from './timeline-window';
import { contentFrame, initialDomain, laneAtY, panShift, stepAtX, stepTicks, timelineFrame, type TimelineSize } from './timeline-frame';
import { arrowShape, bandLimits, clipSegment, flightProgress, layoutTimeline } from './timeline-layout';
import { nearestArrow, nearestPoint, eventsAtStep } from './timeline-hit';
import { firstInFlight, pingNames, runWith, start } from './testing/runs';

const size: TimelineSize = { width: 1000, height: 200, gutterLeft: 100, marginTop: 20, marginBottom: 20 };

/** A run where PING is delivered at step 2 and the PONG is still in flight after step 2. */
function pingPong() {
  const r = runWith([() => start, () => 'next', () => 'next']);
  return { ...r, model: buildTimeline(r.events, pingNames) };
}

const frameAt = (model: ReturnType<typeof pingPong>['model'], cursor: number, tick: number) =>
  timelineFrame(model, size, [-0.5, 9.5], cursor, tick);

describe('timelineFrame', () => {
  it('puts one column per step and the cursor on the right edge of its column', () => {
    const { model } = pingPong();
    const f = frameAt(model, 2, 0);
    expect(f.columnWidth).toBeCloseTo(89.2, 1);
    expect(f.x(0)).toBeCloseTo(100 + f.columnWidth / 2);
    expect(f.cursorX).toBeCloseTo(f.x(2) + f.columnWidth / 2);
  });

  it('finds the step under an x and the lane under a y', () => {
    const { model } = pingPong();
    const f = frameAt(model, 1, 0);
    expect(stepAtX(f, f.x(2) + 10)).toBe(2);
    expect(stepAtX(f, -500)).toBe(0);
    expect(stepAtX(f, 5000)).toBe(3);
    expect(laneAtY(f, f.laneY(1), 2)).toBe(1);
    expect(laneAtY(f, 5, 2)).toBeNull();
  });

  it('shows a short run whole and a long run near its cursor', () => {
    const { model } = pingPong();
    expect(initialDomain(model, 3, 40)).toEqual([-0.5, 39.5]);
    const long = { ...model, lastStep: 1000 };
    const [d0, d1] = initialDomain(long, 500, 40);
    expect(d1 - d0).toBe(40);
    expect(500).toBeGreaterThan(d0);
    expect(500).toBeLessThan(d1);
  });

  it('labels steps with room between them, each with its tick', () => {
    const { model } = pingPong();
    const ticks = stepTicks(model, frameAt(model, 3, 0), 100);
    expect(ticks.map((t) => t.step)).toEqual([0, 2]);
    expect(ticks[1]!.tick).toBe(model.tickAtStep[2]);
  });
});

describe('clipSegment', () => {
  it('keeps the part of a long line within the view, on the same line, and leaves a short one alone', () => {
    const inside = { x1: 10, y1: 0, x2: 90, y2: 80 };
    expect(clipSegment(inside, 0, 100)).toBe(inside);
    expect(clipSegment({ x1: -100_000, y1: 0, x2: 100, y2: 100 }, 0, 200)).toEqual({ x1: 0, y1: expect.closeTo(99.9, 1), x2: 100, y2: 100 });
    expect(clipSegment({ x1: 50, y1: 0, x2: 50, y2: 40 }, 0, 10)).toEqual({ x1: 50, y1: 0, x2: 50, y2: 40 });
  });

  it('gives an arrow in flight since long before the view a line only a few pixels past the view', () => {
    const { model } = pingPong();
    const f = timelineFrame(model, size, [1.5, 3.5], 2, model.tickAtStep[2]!);
    const [lo] = bandLimits(f);
    const shape = arrowShape({ ...model.arrows[0]!, sendStep: -5_000, endStep: null }, f);
    expect(shape.main.x1).toBeCloseTo(lo);
    expect(shape.main.x2).toBeCloseTo(f.cursorX);
  });
});

describe('layoutTimeline', () => {
  it('draws a delivered message from its send on the sender lane to its delivery on the receiver lane, with an arrowhead', () => {
    const { model } = pingPong();
    const f = frameAt(model, 3, model.tickAtStep[3]!);
    const ping = arrowShape(model.arrows.find((a) => a.type === 'PING')!, f);
    expect(ping.status).toBe('past');
    expect(ping.cap).toBe('arrow');
    expect(ping.main).toEqual({ x1: f.x(1), y1: f.laneY(0), x2: f.x(2), y2: f.laneY(1) });
  });

  it('ends a message dropped by hand with a cross part of the way across', () => {
    const { events } = runWith([() => start, (w) => ({ type: 'drop', id: firstInFlight(w) })]);
    const model = buildTimeline(events, pingNames);
    const f = frameAt(model, 2, 0);
    const shape = arrowShape(model.arrows[0]!, f);
    expect(shape.cap).toBe('cross');
    expect(shape.main.y2).toBeGreaterThan(f.laneY(0));
    expect(shape.main.y2).toBeLessThan(f.laneY(1));
  });

  it('ends a message lost to a down node with a cross on the receiver lane', () => {
    const { events } = runWith([() => start, () => ({ type: 'crash', node: 1 }), (w) => ({ type: 'deliver', id: firstInFlight(w) })]);
    const model = buildTimeline(events, pingNames);
    const f = frameAt(model, 3, 0);
    const shape = arrowShape(model.arrows[0]!, f);
    expect(shape).toMatchObject({ cap: 'cross', main: { x2: f.x(3), y2: f.laneY(1) } });
  });

  it('draws a message in flight at the cursor up to the cursor, and the rest of its way dimmed', () => {
    const { model, worlds } = pingPong();
    const f = frameAt(model, 1, worlds[1]!.tick);
    const ping = arrowShape(model.arrows.find((a) => a.type === 'PING')!, f);
    expect(ping.status).toBe('in-flight');
    expect(ping.main.x2).toBeCloseTo(f.cursorX);
    expect(ping.cap).toBe('dot');
    expect(ping.rest).toMatchObject({ x1: f.cursorX, x2: f.x(2), y2: f.laneY(1) });
    expect(ping.restCap).toBe('arrow');
  });

  it('draws a message still in flight at the end of the trace to the cursor, with no future part', () => {
    const { events, world } = runWith([() => start]);
    const model = buildTimeline(events, pingNames);
    const f = frameAt(model, 1, world.tick);
    const shape = arrowShape(model.longArrows[0]!, f);
    expect(shape).toMatchObject({ status: 'in-flight', rest: null, cap: 'dot' });
    expect(shape.main.y2).toBeGreaterThan(f.laneY(0));
  });

  it('marks messages sent after the cursor as future', () => {
    const { model } = pingPong();
    const pong = arrowShape(model.arrows.find((a) => a.type === 'PONG')!, frameAt(model, 1, 0));
    expect(pong.status).toBe('future');
  });

  it('moves an in-flight head along as ticks pass, never quite reaching either end', () => {
    expect(flightProgress(0, 10, 0)).toBe(0.15);
    expect(flightProgress(0, 10, 5)).toBe(0.5);
    expect(flightProgress(0, 10, 50)).toBe(0.85);
  });

  it('projects crashes as hatched bands on their lane, open ones to the end', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 }), () => start]);
    const model = buildTimeline(events, pingNames);
    const f = frameAt(model, 2, 0);
    const shapes = layoutTimeline(windowTimeline(model, 0, 9), f, 2);
    expect(shapes.crashes).toHaveLength(1);
    const crash = shapes.crashes[0]!;
    expect(crash.x1).toBeCloseTo(f.x(1));
    expect(crash.x2).toBeCloseTo(f.x(2.5));
    expect((crash.y1 + crash.y2) / 2).toBeCloseTo(f.laneY(1));
  });

  it('draws a crash that outlasts the view only a few pixels beyond it', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 }), () => start]);
    const model = { ...buildTimeline(events, pingNames), lastStep: 5000 };
    const f = contentFrame(timelineFrame(model, size, [2000, 2010], 2, 0));
    const [crash] = layoutTimeline(windowTimeline(model, 1990, 2020), f, 2).crashes;
    expect(crash!.x1).toBeLessThan(f.left);
    expect(crash!.x2).toBeGreaterThan(f.right);
    expect(crash!.x2 - crash!.x1).toBeLessThanOrEqual(f.right - f.left + 2 * 16);
    expect(bandLimits(f)).toEqual([f.left - 16, f.right + 16]);
  });

  it('puts an alert band on the lanes of the nodes it names', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 })]);
    const model = buildTimeline(events, pingNames);
    const f = frameAt(model, 1, 0);
    const [alert] = layoutTimeline(windowTimeline(model, 0, 9), f, 2).alerts;
    expect(alert!.bands).toHaveLength(1);
    expect((alert!.bands[0]!.y1 + alert!.bands[0]!.y2) / 2).toBeCloseTo(f.laneY(1));
  });
});

describe('hit testing', () => {
  it('finds the arrow under the pointer and nothing far from any arrow', () => {
    const { model } = pingPong();
    const f = frameAt(model, 3, 0);
    const shapes = layoutTimeline(windowTimeline(model, 0, 9), f, 2);
    const ping = shapes.arrows.find((a) => a.arrow.type === 'PING')!;
    const mx = (ping.main.x1 + ping.main.x2) / 2;
    const my = (ping.main.y1 + ping.main.y2) / 2;
    expect(nearestArrow(shapes.arrows, mx + 2, my)?.arrow.type).toBe('PING');
    expect(nearestArrow(shapes.arrows, f.x(8), f.laneY(0) - 30)).toBeNull();
  });

  it('finds the point mark under the pointer, the other marks of a step set off the lane line but inside the lane', () => {
    const { model } = pingPong();
    const f = frameAt(model, 3, 0);
    const shapes = layoutTimeline(windowTimeline(model, 0, 9), f, 2);
    expect(nearestPoint(shapes.points, f.x(1) + 1, f.laneY(0) + 1)?.mark).toMatchObject({ kind: 'state', text: 'waiting' });
    const begin = shapes.points.find((p) => p.mark.kind === 'client')!;
    expect(begin.y).toBeGreaterThan(f.laneY(0));
    expect(begin.y).toBeLessThan(f.laneY(0) + f.laneHeight / 2);
    expect(nearestPoint(shapes.points, begin.x, begin.y + 1)?.mark).toMatchObject({ kind: 'client', text: 'start' });
  });

  it('lists the events of one step', () => {
    const { events } = pingPong();
    expect(eventsAtStep(events, 2).map((e) => e.type)).toEqual(['deliver', 'persist', 'send']);
  });
});

describe('content coordinates', () => {
  it('keep a mark where it is while the view pans, and move it by the pan shift on screen', () => {
    const { model } = pingPong();
    const a = timelineFrame(model, size, [-0.5, 9.5], 3, 0);
    const b = timelineFrame(model, size, [1.5, 11.5], 3, 0);
    const ca = contentFrame(a);
    const cb = contentFrame(b);
    expect(ca.x(2)).toBeCloseTo(cb.x(2));
    expect(ca.cursorX).toBeCloseTo(cb.cursorX);
    expect(cb.x(2) + panShift(b)).toBeCloseTo(b.x(2));
    expect(ca.left + panShift(a)).toBeCloseTo(a.left);
  });
});

describe('content coordinates while following', () => {
  it('give the same numbers, bit for bit, for a step seen from two pans of the same zoom', () => {
    const { model } = pingPong();
    const span = 29.000000000000004;
    const a = contentFrame(timelineFrame(model, size, [100.1, 100.1 + span], 3, 0));
    const b = contentFrame(timelineFrame(model, size, [101.1, 101.1 + 29], 3, 0));
    expect(a.x(123)).toBe(b.x(123));
  });

  it('label the same steps as the screen frame', () => {
    const { model } = pingPong();
    const screen = timelineFrame(model, size, [-0.5, 9.5], 3, 0);
    const shift = panShift(screen);
    expect(stepTicks(model, contentFrame(screen), 100).map((t) => [t.step, t.x + shift])).toEqual(
      stepTicks(model, screen, 100).map((t) => [t.step, expect.closeTo(t.x, 6)]),
    );
  });
});
