import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { apply, createWorld, runToQuiet, traceToArray } from '../../engine';
import { kitActions } from './actions';
import type { MachineInput } from './adapter';
import { defineProtocol } from './define-protocol';
import type { ProtocolDefinition } from './definition';

// The smallest protocol: a pinger sends PING to every ponger; each answers PONG.
const pinger = setup({ types: { input: {} as MachineInput }, actions: kitActions }).createMachine({
  id: 'pinger',
  initial: 'idle',
  states: {
    idle: { on: { start: { target: 'waiting', actions: { type: 'broadcast', params: { role: 'ponger', body: { type: 'PING' } } } } } },
    waiting: { on: { PONG: { target: 'done', actions: { type: 'observe', params: { value: 'pong' } } } } },
    done: {},
  },
});
const ponger = setup({ types: { input: {} as MachineInput }, actions: kitActions }).createMachine({
  id: 'ponger',
  initial: 'serving',
  states: {
    serving: { on: { PING: { actions: { type: 'send', params: ({ event }) => ({ to: event['from'] as number, body: { type: 'PONG' } }) } } } },
  },
});

const definition: ProtocolDefinition = {
  id: 'ping',
  title: 'Ping',
  summary: 'ping and pong',
  roles: {
    pinger: { machine: pinger, title: 'Pinger', min: 1, max: 1 },
    ponger: { machine: ponger, title: 'Ponger', min: 1, max: 3 },
  },
  config: [{ key: 'pongers', label: 'Pongers', help: '', kind: 'int', default: 2, min: 1, max: 5, message: '1 to 5 pongers' }],
  topology: (config) => [
    { role: 'pinger', name: 'pinger' },
    ...Array.from({ length: Number(config['pongers']) }, (_, i) => ({ role: 'ponger', name: `pong${i + 1}` })),
  ],
  variants: [{ id: 'correct', title: 'Correct', explanation: 'as written' }],
  invariants: [],
  conditions: [],
  clientOps: [{ op: 'start', role: 'pinger', label: 'Start', phrase: 'start pinging', offered: (s) => s.value === 'idle' }],
  describe: () => ({ status: 'idle', fields: [] }),
  describeMessage: (body) => body.type,
  scenarios: [],
  explainer: { intro: [], lesson: [] },
};

const ping = defineProtocol(definition);

describe('defineProtocol', () => {

  it('builds a system whose nodes run the machines, and narrates client operations in the protocol’s words', () => {
    const system = ping.build(ping.defaults(), 'correct');
    expect(system.nodes.map((n) => `${n.name}:${n.role}`)).toEqual(['pinger:pinger', 'pong1:ponger', 'pong2:ponger']);
    const started = apply(createWorld(system, 3), { type: 'client', node: 0, op: 'start' });
    const { world } = runToQuiet(started);
    expect(world.nodes.map((n) => n.label)).toEqual(['done', 'serving', 'serving']);
    const client = traceToArray(started.trace).find((e) => e.type === 'client')!;
    expect(ping.narrate(started, client)).toBe('a client asks pinger to start pinging');
  });

  it('returns the same system for the same config and variant, so memo tables are shared', () => {
    expect(ping.build(ping.defaults(), 'correct')).toBe(ping.build({ ...ping.defaults() }, 'correct'));
  });

  it('refuses a topology outside the role limits', () => {
    expect(() => ping.build({ ...ping.defaults(), pongers: 4 }, 'correct')).toThrow('ping: 4 ponger nodes, but 1 to 3 are allowed');
  });

  it('insists that the first variant is the correct one', () => {
    expect(() => defineProtocol({ ...definition, variants: [{ id: 'broken', title: 'b', explanation: 'b' }] })).toThrow(
      'the first variant must be "correct"',
    );
  });

  it('describes a down node as down whatever the protocol says', () => {
    const world = apply(createWorld(ping.build(ping.defaults(), 'correct'), 1), { type: 'crash', node: 1 });
    expect(ping.describe(world, 1)).toEqual({ name: 'pong1', role: 'ponger', label: 'down', status: 'down', fields: [], facts: [] });
  });
});

describe('defineProtocol with checks between options and variants that pin options', () => {
  const strict = defineProtocol({
    ...definition,
    config: [
      ...definition.config,
      { key: 'loud', label: 'Loud', help: '', kind: 'boolean', default: false },
    ],
    variants: [...definition.variants, { id: 'shouting', title: 'Shouting', explanation: 'always loud', config: { loud: true } }],
    crossCheck: (config) => (config['loud'] === true && config['pongers'] === 1 ? ['a loud pinger needs two pongers'] : []),
    orderedObservations: true,
  });

  it('reports a problem between options that are each in range', () => {
    expect(strict.validate({ pongers: 1, loud: true })).toEqual({ ok: false, problems: ['a loud pinger needs two pongers'] });
    expect(strict.validate({ pongers: 2, loud: true }).ok).toBe(true);
  });

  it('applies the options a variant pins, whatever the input says, and lists them with the variant', () => {
    expect(strict.validate({ pongers: 2, loud: false }, 'shouting')).toMatchObject({ ok: true, config: { loud: true } });
    expect(strict.validate({ pongers: 1 }, 'shouting')).toEqual({ ok: false, problems: ['a loud pinger needs two pongers'] });
    expect(strict.variants.find((v) => v.id === 'shouting')?.config).toEqual({ loud: true });
    expect(strict.build({ ...strict.defaults() }, 'shouting').inputs[0]!.config['loud']).toBe(true);
  });

  it('tells the engine when the order of observations matters', () => {
    expect(strict.build(strict.defaults(), 'correct').orderedObservations).toBe(true);
    expect(ping.build(ping.defaults(), 'correct').orderedObservations).toBeUndefined();
  });
});
