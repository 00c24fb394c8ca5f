import { describe, expect, it } from 'vitest';
import { and, not, setup } from 'xstate';
import { describeStatechart, eventName, guardName } from './statechart';

describe('statechart descriptions', () => {
  it('name after-delays, eventless and wildcard transitions in words', () => {
    expect(eventName('xstate.after.40.m.waiting')).toBe('after 40 ticks');
    expect(eventName('xstate.after.voteTimeout.coordinator.preparing')).toBe('after vote timeout');
    expect(eventName('')).toBe('always');
    expect(eventName('*')).toBe('any event');
    expect(eventName('PREPARE')).toBe('PREPARE');
  });

  it('name guards, including combined ones', () => {
    expect(guardName(undefined)).toBeNull();
    expect(guardName('allAcked')).toBe('allAcked');
    expect(guardName({ type: 'isReady', params: {} })).toBe('isReady');
    expect(guardName(and(['a', not('b')]))).toBe('a and not b');
    expect(guardName(() => true)).toBe('inline guard');
  });

  it('mark final states and keep targetless transitions', () => {
    const machine = setup({ guards: { ok: () => true } }).createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { after: { 40: 'b' }, on: { poke: { guard: 'ok' } } },
        b: { type: 'final' },
      },
    });
    const chart = describeStatechart(machine);
    expect(chart.states).toEqual([
      { id: 'a', label: 'a', parent: null, initial: true, final: false },
      { id: 'b', label: 'b', parent: null, initial: false, final: true },
    ]);
    expect(chart.transitions).toEqual([
      { source: 'a', target: null, event: 'poke', guard: 'ok' },
      { source: 'a', target: 'b', event: 'after 40 ticks', guard: null },
    ]);
  });
});
