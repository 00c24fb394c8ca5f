import { describe, expect, it } from 'vitest';
import { apply, createWorld } from '../perform';
import { enabled } from '../schedule';
import { pingSystem } from '../testing/ping';
import type { World } from '../world';
import { Interner } from './interner';
import { deadline, onTime } from './timed';
import { timedKey } from './world-fingerprint';

/** The pinger has sent its PING (due at `pingDue`) and set its retry timer (due at `retryDue`). */
function pinged(pingDue: number, retryDue: number, tick = 0): World {
  const started = apply(createWorld(pingSystem(), 1), { type: 'client', node: 0, op: 'start' });
  return {
    ...started,
    tick,
    messages: started.messages.map((m) => ({ ...m, deliverTick: pingDue })),
    timers: started.timers.map((t) => ({ ...t, dueTick: retryDue })),
  };
}

const kinds = (world: World, timing: { maxDelay: number | null }) => onTime(world, enabled(world), timing).map((c) => c.type);

describe('the timed search follows the clock', () => {
  it('lets a retry timer fire while the PING is late on an asynchronous network, but not past a bound on its delay', () => {
    const world = pinged(12, 35);
    expect(kinds(world, { maxDelay: null })).toEqual(expect.arrayContaining(['deliver', 'fire']));
    // At most 20 ticks late: the PING must arrive by tick 32, before the retry is due at 35.
    expect(kinds(world, { maxDelay: 20 })).not.toContain('fire');
    expect(kinds(world, { maxDelay: 23 })).toContain('fire');
  });

  it('holds back a message due after a timer until the timer has fired', () => {
    const world = pinged(50, 35);
    expect(kinds(world, { maxDelay: null })).toContain('fire');
    expect(kinds(world, { maxDelay: null })).not.toContain('deliver');
    const fired = apply(world, { type: 'fire', id: world.timers[0]!.id });
    // The retry sent a second PING; the first may now arrive.
    expect(onTime(fired, enabled(fired), { maxDelay: null }).some((c) => c.type === 'deliver' && c.id === world.messages[0]!.id)).toBe(true);
  });

  it('offers faults and client operations at any moment', () => {
    const world = pinged(50, 35);
    expect(kinds(world, { maxDelay: 0 })).toEqual(expect.arrayContaining(['drop', 'duplicate', 'crash', 'partition']));
  });

  it('lets a run that reached its world off the clock catch up with what is overdue', () => {
    const world = pinged(12, 35, 60);
    expect(deadline(world, { maxDelay: 5 })).toBe(60);
    expect(kinds(world, { maxDelay: 5 })).toEqual(expect.arrayContaining(['deliver', 'fire']));
  });
});

describe('the timed state key', () => {
  it('keeps what is left of each deadline, not when things happened', () => {
    const parts = new Interner();
    const key = (world: World) => timedKey(parts, world, { maxDelay: null });
    expect(key(pinged(12, 35))).toBe(key(pinged(112, 135, 100)));
    expect(key(pinged(12, 35))).not.toBe(key(pinged(12, 36)));
    expect(key(pinged(12, 35))).not.toBe(key(pinged(13, 35)));
  });

  it('counts a message past its due tick as due now on an asynchronous network, and keeps how late it is when delays are bounded', () => {
    const parts = new Interner();
    expect(timedKey(parts, pinged(12, 35, 20), { maxDelay: null })).toBe(timedKey(parts, pinged(14, 35, 20), { maxDelay: null }));
    expect(timedKey(parts, pinged(12, 35, 20), { maxDelay: 10 })).not.toBe(timedKey(parts, pinged(14, 35, 20), { maxDelay: 10 }));
  });
});
