import { describe, expect, it } from 'vitest';
import { playScenario, type StatechartDescription } from '../kit';
import { quorumReplication as quorum } from './index';

const scenario = (id: string) => quorum.scenarios.find((s) => s.id === id)!;
const rows = (fields: readonly { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));
const upTo = (id: string, steps: number) => playScenario(quorum, { ...scenario(id), steps: scenario(id).steps.slice(0, steps) }).world;
const chart = (role: string): StatechartDescription => quorum.roles.find((r) => r.role === role)!.statechart;

describe('quorum replication node descriptions', () => {
  it('put a replica’s keys with their versions on the node, siblings marked', () => {
    const world = upTo('siblings-merged', 3);
    const s1 = quorum.describe(world, 2);
    expect(s1.facts[0]).toEqual({
      kind: 'list',
      name: 'replica',
      items: [
        { text: 'x = a1 [C1:1]', mark: 'sibling', tone: 'warn' },
        { text: 'x = b1 [C2:1]', mark: 'sibling', tone: 'warn' },
      ],
    });
    expect(rows(s1.fields)).toMatchObject({ 'home of': 'x', replicas: 'x = a1 [C1:1] | b1 [C2:1]', hints: 'none', coordinating: 'nothing' });
  });

  it('mark a replica that is behind, and show the hints a stand-in keeps', () => {
    const world = upTo('sloppy-write-and-handoff', 6);
    expect(quorum.describe(world, 3).facts[0]).toMatchObject({ items: [{ text: 'x = nothing', mark: 'behind', tone: 'bad' }] });
    expect(quorum.describe(world, 2).facts[0]).toMatchObject({ items: [{ text: 'x = a1 [C1:1]' }] });
    const s4 = quorum.describe(world, 5);
    expect(s4).toMatchObject({ status: 'waiting' });
    expect(s4.facts).toEqual([{ kind: 'list', name: 'hints', items: [{ text: 'x = a1 [C1:1] for S2', mark: 'hint', tone: 'warn' }] }]);
  });

  it('show what a coordinator is waiting for, and a client’s operation on the client', () => {
    const world = upTo('partial-write-surfaces', 4);
    expect(rows(quorum.describe(world, 2).fields)['coordinating']).toBe("C1's put of x = a1: 1 of 2 acknowledgements");
    expect(quorum.describe(world, 0)).toMatchObject({ status: 'waiting', facts: [{ kind: 'value', name: 'now', value: 'put x = a1 via S1' }] });
    const end = playScenario(quorum, scenario('partial-write-surfaces')).world;
    expect(quorum.describe(end, 0).facts).toEqual([{ kind: 'value', name: 'last', value: 'put x failed', tone: 'bad' }]);
    expect(rows(quorum.describe(end, 0).fields)['last result']).toBe('put x failed: timed out: 1 of 2 acknowledgements');
    expect(rows(quorum.describe(end, 1).fields)['the store promises']).toBe('linearizable: promises no-lost-acknowledged-write, linearizable');
  });

  it('show a crashed node as down with the data on its disk', () => {
    const world = upTo('one-replica-down', 3);
    expect(quorum.describe(world, 4)).toMatchObject({ label: 'down', status: 'down', facts: [] });
    expect(rows(quorum.describe(world, 4).fields)).toEqual({ state: 'down: its data and hints are on disk', 'data on disk': 'nothing' });
  });

  it('offer gets and puts of the keys in use to an idle client only, within its operations', () => {
    const world = upTo('quorum-write-then-read', 1);
    expect(world.system.clientOps(world, 0)).toEqual([]);
    expect(world.system.clientOps(world, 1)).toEqual([
      { op: 'put-x', label: 'Put x' },
      { op: 'get-x', label: 'Get x' },
    ]);
    expect(world.system.clientOps(world, 2)).toEqual([]);
    const twoKeys = { id: 't', title: 't', summary: 't', config: { keys: 2, opsPerClient: 1 } };
    const fresh = playScenario(quorum, { ...twoKeys, steps: [] }).world;
    expect(fresh.system.clientOps(fresh, 1).map((o) => o.op)).toEqual(['put-x', 'get-x', 'put-y', 'get-y']);
    const spent = playScenario(quorum, { ...twoKeys, steps: [{ do: 'client', node: 'C2', op: 'get-y' }, { do: 'settle' }] }).world;
    expect(spent.system.clientOps(spent, 1)).toEqual([]);
  });

  it('describe every message with its payload in short form', () => {
    const d = quorum.describeMessage;
    expect(d({ type: 'PUT', op: 'C1.2', key: 'x', value: 'a2', vv: { C1: 2, C2: 1 } })).toBe('PUT x=a2 [C1:2 C2:1]');
    expect(d({ type: 'PUT', op: 'C1.1', key: 'x', value: 'a1' })).toBe('PUT x=a1');
    expect(d({ type: 'GET_OK', op: 'C1.3', key: 'x', versions: [{ value: 'a1', vv: { C1: 1 } }, { value: 'b1', vv: { C2: 1 } }] })).toBe('GET OK x=a1|b1');
    expect(d({ type: 'VALUE', op: 'C1.1', key: 'x', versions: [] })).toBe('VALUE x=nothing');
    expect(d({ type: 'WRITE', op: 'C1.1', key: 'x', version: { value: 'a1', tag: 2, by: 'C1.1' }, hint: 'S2' })).toBe('WRITE x=a1 (2,C1.1) hint for S2');
    expect(d({ type: 'WRITE', op: 'C1.1', key: 'x', version: { value: 'a1', vv: { C1: 1 }, ts: 52, by: 'S2' } })).toBe('WRITE x=a1 @52 S2');
    expect(d({ type: 'DIGEST', digest: { x: [{ vv: { C1: 1 } }], y: [] } })).toBe('DIGEST x:[C1:1] y:–');
    expect(d({ type: 'SYNC', entries: {}, wants: [] })).toBe('SYNC in step');
    expect(d({ type: 'SYNC', entries: { x: [{ value: 'a1', vv: { C1: 1 } }] }, wants: ['y'] })).toBe('SYNC x=a1 [C1:1]; wants y');
    expect(d({ type: 'HANDOFF', key: 'x', versions: [{ value: 'b1', vv: { C2: 1 } }], for: 'S2' })).toBe('HANDOFF x=b1 [C2:1] for S2');
    expect(d({ type: 'FAILED', op: 'C1.1', key: 'x', reason: 'timed out: 1 of 2 acknowledgements' })).toBe('FAILED x: timed out: 1 of 2 acknowledgements');
  });

  it('draw the statecharts from the machines', () => {
    expect(chart('client').states.map((s) => s.id)).toEqual(['idle', 'waiting']);
    expect(chart('storage').states.map((s) => s.id)).toEqual(['start', 'serving', 'coordinating']);
    const lines = chart('client').transitions.map((t) => `${t.source} --${t.event}${t.guard === null ? '' : ` [${t.guard}]`}--> ${t.target ?? '(stays)'}`);
    expect(lines).toContain('waiting --GET_OK [answersPending]--> idle');
  });
});

describe('quorum replication configuration', () => {
  it('defaults to two clients, four nodes, N = 3, R = W = 2 and the linearizable promise', () => {
    expect(quorum.defaults()).toMatchObject({ consistency: 'linearizable', clients: 2, nodes: 4, n: 3, r: 2, w: 2, keys: 1 });
    expect(quorum.build(quorum.defaults(), 'correct').nodes.map((n) => n.name)).toEqual(['C1', 'C2', 'S1', 'S2', 'S3', 'S4']);
  });

  it('says what is wrong with impossible quorums', () => {
    expect(quorum.validate({ r: 4 })).toEqual({ ok: false, problems: ['R is 4, more than N = 3: a read would wait for more replies than there are replicas'] });
    expect(quorum.validate({ n: 5 })).toMatchObject({ ok: false, problems: ['N is 5, but there are only 4 storage nodes to hold the replicas', expect.any(String)] });
    const weak = quorum.validate({ r: 1, w: 2 });
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.problems[0]).toMatch(/^a linearizable register needs R \+ W above N, but 1 \+ 2 ≤ 3/);
    expect(quorum.validate({ r: 1, w: 2, consistency: 'dynamo' }).ok).toBe(true);
    expect(quorum.validate({ sloppyQuorum: true }).ok).toBe(false);
  });

  it('refuses hostile input with a sentence, never a crash', () => {
    const result = quorum.validate({ consistency: '<img src=x onerror=alert(1)>', r: 'two', clients: 99 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(3);
  });

  it('runs each broken variant under the promise it breaks, whatever the config says', () => {
    expect(quorum.validate({ consistency: 'linearizable' }, 'last-write-wins')).toMatchObject({ ok: true, config: { consistency: 'dynamo' } });
    expect(quorum.validate({ consistency: 'dynamo' }, 'no-read-write-back')).toMatchObject({ ok: true, config: { consistency: 'linearizable' } });
  });
});
