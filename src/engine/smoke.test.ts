import { describe, expect, it } from 'vitest';
import { apply, createWorld, enabled, next, runToQuiet, traceToArray } from './index';
import { pingSystem } from './testing/ping';

describe('engine smoke', () => {
  it('runs ping to completion', () => {
    const w0 = createWorld(pingSystem(), 7);
    const w1 = apply(w0, { type: 'client', node: 0, op: 'start' });
    const { world } = runToQuiet(w1);
    expect(world.nodes[0]!.label).toBe('done');
    expect(traceToArray(world.trace).map((e) => e.type)).toMatchInlineSnapshot(`
      [
        "state",
        "state",
        "client",
        "state",
        "send",
        "timer-set",
        "deliver",
        "persist",
        "send",
        "deliver",
        "state",
        "timer-cancel",
        "observe",
      ]
    `);
    expect(enabled(w1).length).toBeGreaterThan(0);
    expect(next(world)).toBeNull();
  });
});
