import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { kitActions } from './actions';
import type { MachineInput } from './adapter';
import { defineProtocol } from './define-protocol';
import { playScenario } from './scenario';
import { runUntil } from './scenario-steps';

// A relay: a client starts A, which sends HOP to B; B takes it and is done.
const relay = setup({ types: { input: {} as MachineInput }, actions: kitActions }).createMachine({
  id: 'relay',
  initial: 'idle',
  states: {
    idle: {
      on: {
        start: { target: 'done', actions: { type: 'send', params: { to: 1, body: { type: 'HOP' } } } },
        HOP: { target: 'done' },
      },
    },
    done: {},
  },
});

const chain = defineProtocol({
  id: 'chain',
  title: 'Chain',
  summary: 'a message passed along',
  roles: { relay: { machine: relay, title: 'Relay', min: 3, max: 3 } },
  config: [],
  topology: () => [
    { role: 'relay', name: 'A' },
    { role: 'relay', name: 'B' },
    { role: 'relay', name: 'C' },
  ],
  variants: [{ id: 'correct', title: 'Correct', explanation: 'as written' }],
  invariants: [],
  conditions: [],
  clientOps: [{ op: 'start', role: 'relay', label: 'Start', phrase: 'start the chain', offered: (s) => s.value === 'idle' }],
  describe: () => ({ status: 'idle', fields: [] }),
  describeMessage: (body) => body.type,
  scenarios: [],
  explainer: { intro: [], lesson: [] },
});

describe('a scenario step that runs until a message arrives', () => {
  it('lets the scheduler run until the first matching message is delivered, and no further', () => {
    const played = playScenario(chain, {
      id: 'until',
      title: 'until',
      summary: 'until',
      steps: [{ do: 'client', node: 'A', op: 'start' }, runUntil('HOP', 'A', 'B', 'B has it')],
    });
    expect(played.run.choices.map((c) => c.type)).toEqual(['client', 'deliver']);
    expect(played.captions).toEqual([{ step: 2, text: 'B has it' }]);
  });

  it('says which message never came when the run goes quiet first', () => {
    const scenario = { id: 'never', title: 'never', summary: 'never', steps: [runUntil('HOP', 'C', 'A')] };
    expect(() => playScenario(chain, scenario)).toThrow(/step 1 .*nothing is pending/);
  });
});

describe('timer titles', () => {
  it('read a camel-case name as words and keep a node name in it as written', async () => {
    const { timerTitle } = await import('./events');
    expect(timerTitle('voteTimeout')).toBe('vote timeout');
    expect(timerTitle('xstate.after.voteTimeout.coordinator.preparing')).toBe('vote timeout');
    expect(timerTitle('xstate.after.40.proposer.idle')).toBe('40-tick');
    expect(timerTitle('session.C1')).toBe('session.C1');
  });
});
