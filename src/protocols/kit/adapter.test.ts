import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import type { NodeInput } from '../../engine';
import { kitActions } from './actions';
import { machineBehaviour, type MachineInput } from './adapter';
import type { MachineState } from './machine-state';

const input: NodeInput = { id: 0, name: 'pinger', role: 'pinger', peers: { pinger: [0], ponger: [1, 2] }, config: {} };

// A small machine that uses every kit action, an `after` delay and nested states.
const pinger = setup({
  types: { context: {} as { count: number }, input: {} as MachineInput },
  actions: kitActions,
}).createMachine({
  id: 'pinger',
  context: ({ input }) => ({ count: typeof input.log?.['count'] === 'number' ? input.log['count'] : 0 }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        start: {
          target: 'waiting.first',
          actions: [
            { type: 'broadcast', params: { role: 'ponger', body: { type: 'PING' } } },
            { type: 'send', params: { to: 2, body: { type: 'HELLO' } } },
            { type: 'note', params: { text: 'starts pinging' } },
          ],
        },
      },
    },
    waiting: {
      initial: 'first',
      states: { first: {}, again: {} },
      after: { 40: { target: '.again', reenter: true } },
      on: {
        PONG: {
          target: 'done',
          actions: [
            assign({ count: ({ context }) => context.count + 1 }),
            { type: 'persist', params: ({ context }) => ({ data: { count: context.count } }) },
            { type: 'observe', params: ({ context }) => ({ value: { pongs: context.count } }) },
          ],
        },
        retry: { actions: { type: 'setTimer', params: { name: 'retry', ticksMin: 5, ticksMax: 9 } } },
        stop: { actions: { type: 'cancelTimer', params: { name: 'retry' } } },
      },
    },
    done: {},
  },
});

const rude = setup({}).createMachine({
  id: 'rude',
  initial: 'a',
  states: { a: { on: { go: { actions: () => undefined } } } },
});

describe('the XState adapter', () => {
  const node = machineBehaviour(pinger);

  it('starts a machine as plain data: a state value and a context', () => {
    const [state, effects] = node.init(input);
    expect(state).toEqual({ value: 'idle', context: { count: 0 } });
    expect(effects).toEqual([]);
    expect(node.label(state)).toBe('idle');
  });

  it('turns named actions into engine effects, a broadcast into one send per peer', () => {
    const [idle] = node.init(input);
    const [state, effects] = node.receive(idle, { kind: 'client', op: 'start' }, input);
    expect(state.value).toEqual({ waiting: 'first' });
    expect(node.label(state)).toBe('waiting.first');
    expect(effects).toEqual([
      { type: 'send', to: 1, body: { type: 'PING' } },
      { type: 'send', to: 2, body: { type: 'PING' } },
      { type: 'send', to: 2, body: { type: 'HELLO' } },
      { type: 'note', text: 'starts pinging' },
      { type: 'setTimer', name: 'xstate.after.40.pinger.waiting', ticksMin: 40, ticksMax: 40 },
    ]);
  });

  it('delivers a message as the body plus its sender, and a timer by its name', () => {
    const [idle] = node.init(input);
    const [waiting] = node.receive(idle, { kind: 'client', op: 'start' }, input);
    const [again, timerEffects] = node.receive(waiting, { kind: 'timer', name: 'xstate.after.40.pinger.waiting' }, input);
    expect(again.value).toEqual({ waiting: 'again' });
    expect(timerEffects.map((e) => e.type)).toEqual(['cancelTimer', 'setTimer']);
    const [done, effects] = node.receive(again, { kind: 'message', from: 1, body: { type: 'PONG' } }, input);
    expect(done).toEqual({ value: 'done', context: { count: 1 } });
    expect(effects).toEqual([
      { type: 'cancelTimer', name: 'xstate.after.40.pinger.waiting' },
      { type: 'persist', data: { count: 1 } },
      { type: 'observe', value: { pongs: 1 } },
    ]);
  });

  it('passes setTimer and cancelTimer through with their names and tick ranges', () => {
    const [waiting] = node.receive(node.init(input)[0], { kind: 'client', op: 'start' }, input);
    expect(node.receive(waiting, { kind: 'timer', name: 'retry' }, input)[1]).toEqual([
      { type: 'setTimer', name: 'retry', ticksMin: 5, ticksMax: 9 },
    ]);
    expect(node.receive(waiting, { kind: 'client', op: 'stop' }, input)[1]).toEqual([{ type: 'cancelTimer', name: 'retry' }]);
  });

  it('recovers from the persisted record alone, handed to the machine as its log', () => {
    const [state] = node.recover({ count: 7 }, input);
    expect(state).toEqual({ value: 'idle', context: { count: 7 } });
  });

  it('ignores an event the current state does not handle', () => {
    const [idle] = node.init(input);
    const [state, effects] = node.receive(idle, { kind: 'message', from: 1, body: { type: 'PONG' } }, input);
    expect(state).toBe(idle);
    expect(effects).toEqual([]);
  });

  it('memoises transitions: the same state and event give the very same result, also for an equal copy of the state', () => {
    const [idle] = node.init(input);
    const first = node.receive(idle, { kind: 'client', op: 'start' }, input);
    const copy: MachineState = JSON.parse(JSON.stringify(idle)) as MachineState;
    expect(node.receive(copy, { kind: 'client', op: 'start' }, input)).toBe(first);
    expect(node.receive(idle, { kind: 'client', op: 'start' }, input)).toBe(first);
  });

  it('still computes correct transitions after the memo is cleared at its cap', () => {
    const small = machineBehaviour(pinger, { cacheLimit: 2 });
    let state = small.init(input)[0];
    for (let i = 0; i < 5; i++) {
      const [waiting] = small.receive(state, { kind: 'client', op: 'start' }, input);
      state = small.receive(waiting, { kind: 'message', from: 1, body: { type: 'PONG' } }, input)[0];
      expect(state.context).toEqual({ count: 1 });
      state = small.init(input)[0];
    }
  });

  it('gives equal states the same canonical key, whatever the key order of their context', () => {
    const a: MachineState = { value: { waiting: 'first' }, context: { x: 1, y: [1, 2] } };
    const b: MachineState = { value: { waiting: 'first' }, context: { y: [1, 2], x: 1 } };
    expect(node.key(a)).toBe(node.key(b));
    expect(node.key(a)).not.toBe(node.key({ ...a, value: { waiting: 'again' } }));
  });

  it('refuses an action the engine cannot carry out, naming the machine and the action', () => {
    const behaviour = machineBehaviour(rude);
    const [state] = behaviour.init(input);
    expect(() => behaviour.receive(state, { kind: 'client', op: 'go' }, input)).toThrow(/rude: the action ".*" is not one the engine can carry out/);
  });
});

describe('a machine that reads its clock for some messages', () => {
  const stamper = setup({
    types: { context: {} as { stamps: number[] }, input: {} as MachineInput, events: {} as { type: 'STAMP' | 'OTHER'; now?: number } },
    actions: kitActions,
  }).createMachine({
    id: 'stamper',
    context: { stamps: [] },
    initial: 'on',
    states: {
      on: {
        on: {
          STAMP: { actions: assign({ stamps: ({ context, event }) => [...context.stamps, event.now ?? -1] }) },
          OTHER: { actions: assign({ stamps: ({ context, event }) => [...context.stamps, event.now ?? -1] }) },
        },
      },
    },
  });
  const node = machineBehaviour(stamper, { clock: ['STAMP'] });
  const [start] = node.init(input);
  const stamps = (state: MachineState) => state.context['stamps'];

  it('gets the tick of delivery as `now` for the declared messages, and nothing for the others', () => {
    const [at5] = node.receive(start, { kind: 'message', from: 1, body: { type: 'STAMP' }, tick: 5 }, input);
    const [at9] = node.receive(start, { kind: 'message', from: 1, body: { type: 'STAMP' }, tick: 9 }, input);
    const [other] = node.receive(start, { kind: 'message', from: 1, body: { type: 'OTHER' }, tick: 9 }, input);
    expect([stamps(at5), stamps(at9), stamps(other)]).toEqual([[5], [9], [-1]]);
  });
});
