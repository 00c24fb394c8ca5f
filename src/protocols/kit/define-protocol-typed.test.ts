import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { apply, createWorld, runToQuiet } from '../../engine';
import { kitActions } from './actions';
import type { MachineInput } from './adapter';
import { defineProtocol } from './define-protocol';
import type { ProtocolDefinition } from './definition';
import type { ConfigOf, ConfigOption } from './types';

// A protocol written the typed way: options declared `as const`, a machine that reads its config
// typed, and one description per role that sees its own machine's context.
const options = [
  { key: 'pongers', label: 'Pongers', help: '', kind: 'int', default: 2, min: 1, max: 3, message: '1 to 3 pongers' },
  { key: 'greeting', label: 'Greeting', help: '', kind: 'enum', default: 'PING', values: ['PING', 'HELLO'], message: 'PING or HELLO' },
] as const satisfies readonly ConfigOption[];

type GreetConfig = ConfigOf<typeof options>;

interface GreeterContext {
  readonly greeting: GreetConfig['greeting'];
  readonly replies: number;
}

const greeterSetup = setup({
  types: { context: {} as GreeterContext, input: {} as MachineInput<GreetConfig>, events: {} as { type: 'start' } | { type: 'PONG'; from: number } },
  actions: kitActions,
});

const greeter = greeterSetup.createMachine({
  id: 'greeter',
  context: ({ input }) => ({ greeting: input.self.config.greeting, replies: 0 }),
  initial: 'idle',
  states: {
    idle: {
      on: { start: { target: 'waiting', actions: { type: 'broadcast', params: ({ context }) => ({ role: 'ponger', body: { type: context.greeting } }) } } },
    },
    waiting: { on: { PONG: { actions: greeterSetup.assign({ replies: ({ context }) => context.replies + 1 }) } } },
  },
});

const ponger = setup({ types: { events: {} as { type: 'PING' | 'HELLO'; from: number } }, actions: kitActions }).createMachine({
  id: 'ponger',
  initial: 'serving',
  states: {
    serving: { on: { '*': { actions: { type: 'send', params: ({ event }) => ({ to: event.from, body: { type: 'PONG' } }) } } } },
  },
});

const roles = {
  greeter: { machine: greeter, title: 'Greeter', min: 1, max: 1 },
  ponger: { machine: ponger, title: 'Ponger', min: 1, max: 3 },
};

const definition: ProtocolDefinition<typeof options, typeof roles> = {
  id: 'greet',
  title: 'Greet',
  summary: 'greet and answer',
  roles,
  config: options,
  topology: (config) => [
    { role: 'greeter', name: 'greeter' },
    ...Array.from({ length: config.pongers }, (_, i) => ({ role: 'ponger', name: `pong${i + 1}` })),
  ],
  variants: [{ id: 'correct', title: 'Correct', explanation: 'as written' }],
  invariants: [],
  conditions: [],
  clientOps: [{ op: 'start', role: 'greeter', label: 'Start', phrase: 'greet', offered: (state) => state.context.replies === 0 }],
  describe: {
    greeter: (view) => ({ status: 'working', fields: [{ name: 'replies', value: String(view.state?.context.replies ?? 'none') }] }),
    ponger: (view) => ({ status: 'idle', fields: [{ name: 'answers', value: view.name }] }),
  },
  describeMessage: (body) => body.type,
  scenarios: [],
  explainer: { intro: [], lesson: [] },
};

describe('a protocol defined with typed options and a description per role', () => {
  const greet = defineProtocol(definition);

  it('runs machines that read the config as the options type it', () => {
    const system = greet.build({ ...greet.defaults(), pongers: 3, greeting: 'HELLO' }, 'correct');
    const started = apply(createWorld(system, 1), { type: 'client', node: 0, op: 'start' });
    expect(started.messages.map((m) => m.body.type)).toEqual(['HELLO', 'HELLO', 'HELLO']);
    const { world } = runToQuiet(started);
    expect(greet.describe(world, 0).fields).toEqual([{ name: 'replies', value: '3' }]);
    expect(greet.describe(world, 2)).toMatchObject({ status: 'idle', fields: [{ name: 'answers', value: 'pong2' }] });
  });

  it('refuses a description that leaves a role out, naming the role', () => {
    const describeGreeter = definition.describe;
    if (typeof describeGreeter === 'function') throw new Error('the definition describes per role');
    // @ts-expect-error: every role needs a description
    const partial: ProtocolDefinition<typeof options, typeof roles> = { ...definition, describe: { greeter: describeGreeter.greeter } };
    expect(() => defineProtocol(partial)).toThrow('greet: describe says nothing of role ponger');
  });

  it('refuses, when typed, a config value its options do not allow', () => {
    const config: GreetConfig = { pongers: 1, greeting: 'PING' };
    // @ts-expect-error: HI is not one of the greetings
    const wrong: GreetConfig = { pongers: 1, greeting: 'HI' };
    expect(greet.validate(config).ok).toBe(true);
    expect(greet.validate(wrong)).toEqual({ ok: false, problems: ['greeting: PING or HELLO, got "HI"'] });
  });
});
