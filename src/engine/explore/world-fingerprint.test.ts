import { describe, expect, it } from 'vitest';
import { apply, createWorld } from '../perform';
import { faultBudget } from '../fault-kinds';
import { pingSystem } from '../testing/ping';
import type { World } from '../world';
import { Interner } from './interner';
import { worldModel } from './world-model';

// Two states the checker merges are searched once: a part of the state left out of the key makes
// the search skip states whose futures differ (a pending retry timer, a crash still allowed, a
// network still cut), and it would then miss every run through them. No count on the current
// protocols changes when timers are left out, so these pin each part directly.

/** The pinger has sent PING and set its retry timer. */
const started = apply(createWorld(pingSystem(), 1), { type: 'client', node: 0, op: 'start' });

function keyAndFingerprint(world: World, crashesLeft = 1) {
  const model = worldModel(world, faultBudget({ crashes: crashesLeft }), new Interner());
  const state = { world, budget: faultBudget({ crashes: crashesLeft }) };
  const out = new Uint32Array(2);
  model.fingerprint!(state, out);
  return { key: model.key(state), fingerprint: [out[0], out[1]] };
}

/** Both forms of the key tell the worlds apart, using one interner as a search does. */
function expectApart(a: World, b: World, crashesA = 1, crashesB = 1) {
  const parts = new Interner();
  const model = worldModel(a, faultBudget({}), parts);
  const out = new Uint32Array(2);
  const of = (world: World, crashes: number) => {
    const state = { world, budget: faultBudget({ crashes }) };
    model.fingerprint!(state, out);
    return { key: model.key(state), fingerprint: [out[0], out[1]] };
  };
  const first = of(a, crashesA);
  const second = of(b, crashesB);
  expect(first.key).not.toBe(second.key);
  expect(first.fingerprint).not.toEqual(second.fingerprint);
}

describe('the state key and fingerprint', () => {
  it('give equal keys and fingerprints to the same world', () => {
    expect(keyAndFingerprint(started)).toEqual(keyAndFingerprint({ ...started }));
  });

  it('tell apart two worlds that differ only in a pending timer', () => {
    expect(started.timers).toHaveLength(1);
    expectApart(started, { ...started, timers: [] });
  });

  it('tell apart two worlds that differ only in the fault budget left', () => {
    expectApart(started, started, 1, 0);
  });

  it('tell apart two worlds that differ only in the partition', () => {
    const cut = apply(started, { type: 'partition', groups: [[0]] });
    expect(cut.messages).toEqual(started.messages);
    expectApart(started, cut);
    expectApart(cut, { ...cut, partition: [[1]] });
  });

  it('ignore when things happened: the same world a tick later has the same key', () => {
    const later = { ...started, tick: started.tick + 5, step: started.step + 1 };
    expect(keyAndFingerprint(later)).toEqual(keyAndFingerprint(started));
  });
});
