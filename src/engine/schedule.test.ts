import { describe, expect, it } from 'vitest';
import { apply, createWorld, enabled, next, replay, runToQuiet, traceToArray, type Choice, type Envelope, type Timer, type World } from './index';
import { pingSystem } from './testing/ping';
import { worldData } from './testing/schedules';

const start: Choice = { type: 'client', node: 0, op: 'start' };

const message = (id: number, deliverTick: number, extra: Partial<Envelope> = {}): Envelope => ({
  id,
  from: 0,
  to: 1,
  body: { type: 'PING', n: 0 },
  sentTick: 0,
  deliverTick,
  ...extra,
});
const timer = (id: number, dueTick: number): Timer => ({ id, node: 0, name: `t${id}`, setTick: 0, dueTick });

/** A ping world with exactly these messages and timers pending, and these network knobs. */
function pending(messages: Envelope[], timers: Timer[], knobs: Partial<World['network']> = {}, seed = 1): World {
  const world = createWorld(pingSystem(), seed);
  return { ...world, messages, timers, network: { ...world.network, ...knobs } };
}

describe('next, the default scheduler', () => {
  it('picks the message or timer that falls due first', () => {
    expect(next(pending([message(5, 20), message(3, 12)], [timer(4, 15)]))).toEqual({ type: 'deliver', id: 3 });
    expect(next(pending([message(5, 20)], [timer(4, 15)]))).toEqual({ type: 'fire', id: 4 });
  });

  it('breaks ties by sequence number, across messages and timers', () => {
    expect(next(pending([message(7, 10), message(6, 10)], [timer(8, 10)]))).toEqual({ type: 'deliver', id: 6 });
    expect(next(pending([message(7, 10)], [timer(2, 10)]))).toEqual({ type: 'fire', id: 2 });
  });

  it('has nothing to choose when nothing is pending or the run has halted', () => {
    expect(next(pending([], []))).toBeNull();
    expect(next({ ...pending([message(1, 1)], []), halted: 'stopped' })).toBeNull();
  });

  function share(knobs: Partial<World['network']>, pick: (id: number) => Envelope, kind: Choice['type'], runs = 4000): number {
    let count = 0;
    for (let id = 0; id < runs; id++) if (next(pending([pick(id)], [], knobs))?.type === kind) count++;
    return count / runs;
  }

  it('loses about lossPercent of the messages it delivers', () => {
    expect(share({ lossPercent: 0 }, (id) => message(id, 1), 'drop')).toBe(0);
    expect(share({ lossPercent: 30 }, (id) => message(id, 1), 'drop')).toBeCloseTo(0.3, 1);
    expect(share({ lossPercent: 100 }, (id) => message(id, 1), 'drop')).toBe(1);
  });

  it('duplicates about duplicationPercent of fresh messages, and never a copy or a message already copied', () => {
    expect(share({ duplicationPercent: 0 }, (id) => message(id, 1), 'duplicate')).toBe(0);
    expect(share({ duplicationPercent: 25 }, (id) => message(id, 1), 'duplicate')).toBeCloseTo(0.25, 1);
    expect(share({ duplicationPercent: 100 }, (id) => message(id, 1, { copyOf: 0 }), 'duplicate')).toBe(0);
    expect(share({ duplicationPercent: 100 }, (id) => message(id, 1, { copies: 1 }), 'duplicate')).toBe(0);
  });

  it('marks the faults it draws as network faults, so they are recorded as explicit choices', () => {
    expect(next(pending([message(1, 1)], [], { lossPercent: 100 }))).toEqual({ type: 'drop', id: 1, cause: 'network' });
    expect(next(pending([message(1, 1)], [], { duplicationPercent: 100 }))).toEqual({ type: 'duplicate', id: 1, cause: 'network' });
  });

  it('a run with random loss replays exactly from its choices, without the loss knob', () => {
    const lossy = createWorld(pingSystem({ network: { lossPercent: 50 } }), 3);
    const { world, choices } = runToQuiet(apply(lossy, start), 200);
    expect(choices.some((c) => c.type === 'drop' && c.cause === 'network')).toBe(true);
    const again = replay(pingSystem({ network: { lossPercent: 0 } }), 3, [start, ...choices]);
    expect(again.ok).toBe(true);
    const { network: _a, ...expected } = worldData(world) as { network: unknown };
    const { network: _b, ...actual } = worldData(again.world) as { network: unknown };
    expect(actual).toEqual(expected);
    expect(traceToArray(world.trace).some((e) => e.type === 'drop' && e.reason === 'loss')).toBe(true);
  });

  it('with 100% duplication every message is copied exactly once, and the run still ends', () => {
    const world = apply(createWorld(pingSystem({ network: { duplicationPercent: 100 } }), 5), start);
    const { world: end, choices } = runToQuiet(world, 1000);
    expect(next(end)).toBeNull();
    const events = traceToArray(end.trace);
    const sends = events.filter((e) => e.type === 'send').length;
    const copies = events.filter((e) => e.type === 'duplicate');
    expect(copies.length).toBe(sends);
    expect(copies.every((e) => e.type === 'duplicate' && e.network)).toBe(true);
    expect(choices.length).toBeLessThan(50);
  });
});

describe('enabled', () => {
  it('offers every delivery, timer, client operation, fault and restart possible now', () => {
    const world = apply(createWorld(pingSystem(), 1), start);
    expect(enabled(world)).toEqual([
      { type: 'deliver', id: 0 },
      { type: 'fire', id: 1 },
      { type: 'drop', id: 0 },
      { type: 'duplicate', id: 0 },
      { type: 'crash', node: 0 },
      { type: 'crash', node: 1 },
      { type: 'partition', groups: [[0]] },
      { type: 'partition', groups: [[1]] },
    ]);
    const down = apply(apply(world, { type: 'crash', node: 1 }), { type: 'partition', groups: [[0]] });
    expect(enabled(down).filter((c) => ['restart', 'heal', 'partition'].includes(c.type))).toEqual([
      { type: 'restart', node: 1 },
      { type: 'heal' },
    ]);
  });

  it('offers the client operations the protocol lists for nodes that are up', () => {
    expect(enabled(createWorld(pingSystem(), 1))).toContainEqual(start);
    expect(enabled(apply(createWorld(pingSystem(), 1), { type: 'crash', node: 0 }))).not.toContainEqual(start);
  });

  it('every choice it offers can be applied', () => {
    const world = apply(apply(createWorld(pingSystem(), 1), start), { type: 'partition', groups: [[1]] });
    for (const choice of enabled(world)) expect(() => apply(world, choice)).not.toThrow();
  });
});
