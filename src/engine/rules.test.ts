import { describe, expect, it } from 'vitest';
import { apply, createWorld, traceToArray, type Choice, type World } from './index';
import { pingSystem } from './testing/ping';

const start: Choice = { type: 'client', node: 0, op: 'start' };

/** Delivers whatever PING or PONG is in flight, oldest first. */
function deliverFirst(world: World): World {
  return apply(world, { type: 'deliver', id: world.messages[0]!.id });
}

/** One full exchange: start, PING, PONG. The pinger observes a pong each time. */
const exchange = (world: World): World => deliverFirst(deliverFirst(apply(world, start)));
const bounce = (world: World): World => apply(apply(world, { type: 'crash', node: 0 }), { type: 'restart', node: 0 });

describe('invariants', () => {
  it('a breach becomes one violation event, at the step that caused it', () => {
    const once = exchange(createWorld(pingSystem(), 1));
    expect(once.violations).toEqual([]);
    const twice = exchange(bounce(once));
    expect(twice.violations).toHaveLength(1);
    expect(twice.violations[0]).toMatchObject({ rule: 'at-most-one-pong', nodes: [0], step: twice.step, tick: twice.tick });
    const event = traceToArray(twice.trace).filter((e) => e.type === 'violation');
    expect(event).toEqual([
      { type: 'violation', rule: 'at-most-one-pong', message: 'the pinger counted two PONGs', nodes: [0], step: twice.step, tick: twice.tick },
    ]);
  });

  it('a rule that stays broken is not reported again', () => {
    const thrice = exchange(bounce(exchange(bounce(exchange(createWorld(pingSystem(), 1))))));
    expect(thrice.violations).toHaveLength(1);
    expect(traceToArray(thrice.trace).filter((e) => e.type === 'violation')).toHaveLength(1);
  });
});

describe('conditions', () => {
  it('emit an active event when they start to hold and an inactive one when they stop', () => {
    const down = apply(createWorld(pingSystem(), 1), { type: 'crash', node: 1 });
    expect(down.conditions).toEqual({ 'ponger-down': { message: 'ponger is down', nodes: [1] } });
    const up = apply(apply(down, start), { type: 'restart', node: 1 });
    expect(up.conditions).toEqual({});
    const events = traceToArray(up.trace).filter((e) => e.type === 'condition');
    expect(events).toEqual([
      { type: 'condition', rule: 'ponger-down', active: true, message: 'ponger is down', nodes: [1], step: 1, tick: 0 },
      { type: 'condition', rule: 'ponger-down', active: false, message: 'ponger is down', nodes: [1], step: 3, tick: 0 },
    ]);
  });

  it('a condition that keeps holding emits nothing more', () => {
    const down = apply(apply(apply(createWorld(pingSystem(), 1), { type: 'crash', node: 1 }), start), {
      type: 'partition',
      groups: [[0]],
    });
    expect(traceToArray(down.trace).filter((e) => e.type === 'condition')).toHaveLength(1);
  });
});
