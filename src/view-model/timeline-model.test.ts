import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline-model';
import { firstInFlight, pingNames, runWith, start } from './testing/runs';

describe('buildTimeline', () => {
  it('gives one named lane per node, in node order', () => {
    const { events } = runWith([() => start]);
    const model = buildTimeline(events, pingNames);
    expect(model.lanes.map((l) => `${l.index}:${l.name}/${l.role}`)).toEqual(['0:pinger/pinger', '1:ponger/ponger']);
  });

  it('draws a delivered message as an arrow from its send step to its delivery step', () => {
    const { events } = runWith([() => start, () => 'next', () => 'next']);
    const model = buildTimeline(events, pingNames);
    const ping = model.arrows.find((a) => a.type === 'PING')!;
    expect(ping).toMatchObject({ from: 0, to: 1, label: 'ping', sendStep: 1, endStep: 2, outcome: 'delivered', copyOf: null });
    const pong = model.arrows.find((a) => a.type === 'PONG')!;
    expect(pong).toMatchObject({ from: 1, to: 0, sendStep: 2, endStep: 3, outcome: 'delivered' });
    expect(pong.endTick).toBeGreaterThan(pong.sendTick);
  });

  it('ends a dropped message with its step and the reason it was lost', () => {
    const { events } = runWith([() => start, (w) => ({ type: 'drop', id: firstInFlight(w) })]);
    const [ping] = buildTimeline(events, pingNames).arrows;
    expect(ping).toMatchObject({ outcome: 'dropped', dropReason: 'chosen', endStep: 2 });
  });

  it('says a message sent to a down node was lost because the node was down', () => {
    const { events } = runWith([() => start, () => ({ type: 'crash', node: 1 }), (w) => ({ type: 'deliver', id: firstInFlight(w) })]);
    const model = buildTimeline(events, pingNames);
    expect(model.arrows[0]).toMatchObject({ outcome: 'dropped', dropReason: 'node-down', endStep: 3 });
  });

  it('says a message cut off by a partition was lost to the partition', () => {
    const { events } = runWith([() => start, () => ({ type: 'partition', groups: [[0]] }), (w) => ({ type: 'deliver', id: firstInFlight(w) })]);
    expect(buildTimeline(events, pingNames).arrows[0]).toMatchObject({ outcome: 'dropped', dropReason: 'partition' });
  });

  it('leaves a message still in flight pending with no end', () => {
    const { events } = runWith([() => start]);
    expect(buildTimeline(events, pingNames).arrows.concat(buildTimeline(events, pingNames).longArrows)).toMatchObject([
      { type: 'PING', outcome: 'pending', endStep: null },
    ]);
  });

  it('marks a duplicate as a copy of its original, and counts copies on the original', () => {
    const { events } = runWith([
      () => start,
      (w) => ({ type: 'duplicate', id: firstInFlight(w) }),
      (w) => ({ type: 'deliver', id: w.messages[0]!.id }),
      (w) => ({ type: 'deliver', id: w.messages.find((m) => m.body.type === 'PING')!.id }),
    ]);
    const model = buildTimeline(events, pingNames);
    const pings = model.arrows.filter((a) => a.type === 'PING');
    expect(pings).toHaveLength(2);
    const [original, copy] = pings;
    expect(original).toMatchObject({ copyOf: null, copies: 1, outcome: 'delivered', sendStep: 1 });
    expect(copy).toMatchObject({ copyOf: original!.id, copies: 0, outcome: 'delivered', sendStep: 2 });
    expect(model.points.some((p) => p.kind === 'duplicate' && p.step === 2 && p.node === 0)).toBe(true);
  });

  it('records a crash interval from the crash to the restart, and an open one while still down', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 }), () => start, () => ({ type: 'restart', node: 1 }), () => ({ type: 'crash', node: 0 })]);
    const model = buildTimeline(events, pingNames);
    expect(model.crashes.map((c) => [c.node, c.fromStep, c.toStep])).toEqual([
      [1, 1, 3],
      [0, 4, null],
    ]);
  });

  it('labels state changes with the new state, on the node that changed', () => {
    const { events } = runWith([() => start]);
    const states = buildTimeline(events, pingNames).points.filter((p) => p.kind === 'state');
    expect(states.map((p) => [p.step, p.node, p.text])).toEqual([
      [0, 0, 'idle'],
      [0, 1, 'serving'],
      [1, 0, 'waiting'],
    ]);
  });

  it('puts a state change on the lane line and stacks the other marks of its step above it', () => {
    const { events } = runWith([() => start]);
    const atStart = buildTimeline(events, pingNames).points.filter((p) => p.step === 1 && p.node === 0);
    expect(atStart.map((p) => [p.kind, p.slot])).toEqual([
      ['client', 1],
      ['state', 0],
    ]);
  });

  it('stacks marks of one node in one step in slots, in trace order', () => {
    const { events } = runWith([() => start, (w) => ({ type: 'drop', id: firstInFlight(w) }), () => 'next']);
    const model = buildTimeline(events, pingNames);
    const retry = model.points.filter((p) => p.step === 3 && p.node === 0);
    expect(retry.map((p) => [p.kind, p.slot])).toEqual([
      ['timer', 1],
      ['note', 2],
    ]);
    expect(retry[1]!.text).toBe('no answer yet: ping again');
  });

  it('turns a violation into an alert on the step that broke the rule, naming its nodes', () => {
    // The ping system's invariant breaks when the pinger counts two PONGs: finish, crash and
    // restart the pinger (it forgets), and ping again.
    const { events } = runWith([
      () => start,
      () => 'next',
      () => 'next',
      () => ({ type: 'crash', node: 0 }),
      () => ({ type: 'restart', node: 0 }),
      () => start,
      () => 'next',
      () => 'next',
    ]);
    const alerts = buildTimeline(events, pingNames).alerts.filter((a) => a.kind === 'violation');
    expect(alerts).toMatchObject([{ rule: 'at-most-one-pong', nodes: [0], fromStep: 8, toStep: 8 }]);
    expect(events[alerts[0]!.eventIndex]!.type).toBe('violation');
  });

  it('turns a condition into an interval from when it starts holding to the last step it held', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 }), () => start, () => ({ type: 'restart', node: 1 }), () => 'next']);
    const [down] = buildTimeline(events, pingNames).alerts;
    expect(down).toMatchObject({ kind: 'condition', rule: 'ponger-down', nodes: [1], fromStep: 1, toStep: 2 });
  });

  it('keeps a condition open while it still holds at the end of the trace', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 1 })]);
    expect(buildTimeline(events, pingNames).alerts[0]).toMatchObject({ fromStep: 1, toStep: null });
  });

  it('knows the tick at every step, never going backwards', () => {
    const { events, world } = runWith([() => start, () => 'next', () => 'next']);
    const model = buildTimeline(events, pingNames);
    expect(model.lastStep).toBe(3);
    expect(model.tickAtStep).toHaveLength(4);
    expect(model.tickAtStep[3]).toBe(world.tick);
    for (let s = 1; s < model.tickAtStep.length; s++) expect(model.tickAtStep[s]).toBeGreaterThanOrEqual(model.tickAtStep[s - 1]!);
  });

  it('builds an empty model from an empty trace', () => {
    const model = buildTimeline([], pingNames);
    expect(model).toMatchObject({ arrows: [], points: [], lastStep: 0 });
  });
});
