import { describe, expect, it } from 'vitest';
import { playScenario, type NodeFact, type StatechartDescription } from '../kit';
import { kafkaConsumerOffsets as kafka } from './index';

const scenario = (id: string) => kafka.scenarios.find((s) => s.id === id)!;
const end = (id: string) => playScenario(kafka, scenario(id)).world;
const upTo = (id: string, steps: number) => playScenario(kafka, { ...scenario(id), steps: scenario(id).steps.slice(0, steps) }).world;
const rows = (fields: readonly { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));
const logFact = (facts: readonly NodeFact[], name: string) => facts.find((f) => f.kind === 'log' && f.name === name) as Extract<NodeFact, { kind: 'log' }>;
const chart = (role: string): StatechartDescription => kafka.roles.find((r) => r.role === role)!.statechart;

describe('Kafka consumer offsets pictures', () => {
  it('draw each partition as its records with the log end, the committed offset and each owner\'s position', () => {
    const broker = kafka.describe(end('happy-path'), 0);
    expect(broker.facts).toHaveLength(2);
    expect(logFact(broker.facts, 'p0')).toEqual({
      kind: 'log',
      name: 'p0',
      entries: [{ text: 'r1' }],
      markers: [{ at: 1, label: 'C1 committed end' }],
    });
    expect(rows(broker.fields)).toMatchObject({ group: 'generation 1, stable', assignment: 'C1: p0, C2: p1', committed: 'p0=1 p1=1' });
  });

  it('mark a lost record on its partition and as missing in the sink', () => {
    const world = end('crash-at-most-once');
    expect(logFact(kafka.describe(world, 0).facts, 'p0').entries).toEqual([{ text: 'r1', tone: 'warn' }]);
    const sink = kafka.describe(world, 4);
    expect(sink.facts).toEqual([{ kind: 'list', name: 'processed', items: [{ text: 'r1', mark: 'missing', tone: 'warn' }] }]);
    expect(rows(sink.fields)).toMatchObject({ lost: 'r1' });
  });

  it('mark a duplicate in the sink, as a warning where it is allowed and a failure where it was promised away', () => {
    const allowed = kafka.describe(end('crash-at-least-once'), 4);
    expect(allowed.status).toBe('idle');
    expect(allowed.facts[0]).toEqual({ kind: 'list', name: 'processed', items: [{ text: 'r1 (C1)' }, { text: 'r1 (C2)', mark: 'twice', tone: 'warn' }] });
    const promised = kafka.describe(end('no-transactional-fencing-duplicates'), 4);
    expect(promised.status).toBe('failed');
    expect(promised.facts[0]).toMatchObject({ items: [{ text: 'r1 (C2)' }, { text: 'r1 (C1)', mark: 'twice', tone: 'bad' }] });
  });

  it('show a consumer\'s generation, partitions and batch, and call a removed one still at work a zombie', () => {
    const holding = kafka.describe(upTo('session-timeout-zombie', 8), 2);
    expect(holding).toMatchObject({ label: 'holding a batch', status: 'working' });
    expect(holding.facts).toEqual([
      { kind: 'value', name: 'owns', value: 'p0@1 in g1', tone: 'plain' },
      { kind: 'value', name: 'holds', value: 'r1', tone: 'plain' },
    ]);
    const zombie = kafka.describe(upTo('session-timeout-zombie', 11), 2);
    expect(zombie.label).toMatch(/^zombie, /);
    expect(zombie.status).toBe('blocked');
    expect(rows(zombie.fields)['state']).toMatch(/the group has moved on without it \(a zombie\)$/);
    expect(kafka.describe(end('crash-at-most-once'), 2)).toMatchObject({ label: 'down', status: 'down', facts: [] });
  });

  it('describe every message with its payload in short form', () => {
    const records = [
      { p: 0, o: 0, v: 'r1' },
      { p: 0, o: 1, v: 'r2' },
    ];
    expect(kafka.describeMessage({ type: 'PRODUCE', partition: 1, value: 'r3' })).toBe('PRODUCE r3 to p1');
    expect(kafka.describeMessage({ type: 'FETCH', positions: [[0, 2]], max: 2 })).toBe('FETCH p0@2');
    expect(kafka.describeMessage({ type: 'RECORDS', records })).toBe('RECORDS r1 r2');
    expect(kafka.describeMessage({ type: 'COMMIT', member: 'C1', generation: 2, offsets: [[0, 2]] })).toBe('COMMIT g2 p0=2');
    expect(kafka.describeMessage({ type: 'COMMIT_FAILED', generation: 1, offsets: [[0, 2]], error: 'ILLEGAL_GENERATION' })).toBe('COMMIT p0=2 ILLEGAL_GENERATION');
    expect(kafka.describeMessage({ type: 'TXN', id: 'x', member: 'C1', generation: 1, records, offsets: [[0, 2]] })).toBe('TXN g1 r1 r2 + p0=2');
    expect(kafka.describeMessage({ type: 'SYNC', member: 'C1', generation: 1, assignment: [['C1', [0]], ['C2', [1]]] })).toBe('SYNC g1: C1: p0, C2: p1');
    expect(kafka.describeMessage({ type: 'ASSIGNED', generation: 2, partitions: [{ partition: 0, committed: 3, logEnd: 4 }] })).toBe('ASSIGNED g2: p0 from 3');
    expect(kafka.describeMessage({ type: 'HEARTBEAT_REPLY', generation: 1, error: 'REBALANCE_IN_PROGRESS' })).toBe('HEARTBEAT REBALANCE_IN_PROGRESS');
  });

  it('offer "produce" only while the producer has nothing on its way', () => {
    const world = upTo('happy-path', 5);
    expect(world.system.clientOps(world, 1)).toEqual([{ op: 'produce', label: 'Produce a record' }]);
    const sending = upTo('happy-path', 6);
    expect(sending.system.clientOps(sending, 1)).toEqual([]);
    expect(kafka.describe(sending, 1).facts).toEqual([{ kind: 'value', name: 'sending', value: 'r1 to p0' }]);
  });

  it('draw the statecharts from the machines, with the guards the broken variants replace', () => {
    const lines = (c: StatechartDescription) => c.transitions.map((t) => `${t.source} --${t.event}${t.guard === null ? '' : ` [${t.guard}]`}--> ${t.target ?? '(stays)'}`);
    expect(chart('consumer').states.map((s) => s.id)).toEqual(
      expect.arrayContaining(['joining', 'leading', 'awaiting', 'fetching', 'idle', 'polled', 'processing', 'committing', 'transacting']),
    );
    expect(lines(chart('consumer'))).toContain('holding --always [commitsBeforeProcessing]--> committingPolled');
    expect(lines(chart('broker'))).toContain(' --COMMIT [commitAllowed]--> (stays)');
    expect(chart('broker').states.map((s) => s.id)).toEqual(['start', 'empty', 'joining', 'syncing', 'stable']);
  });
});

describe('Kafka consumer offsets configuration', () => {
  it('defaults to at-least-once with sync commits, earliest reset, two partitions and two consumers', () => {
    expect(kafka.defaults()).toMatchObject({ semantics: 'at-least-once', commit: 'sync', autoOffsetReset: 'earliest', partitions: 2, consumers: 2 });
    const system = kafka.build({ ...kafka.defaults(), consumers: 3 }, 'correct');
    expect(system.nodes.map((n) => n.name)).toEqual(['broker', 'producer', 'C1', 'C2', 'C3', 'sink']);
  });

  it('says what is wrong with impossible or hostile input, every problem at once', () => {
    const result = kafka.validate({ semantics: 'exactly-twice', partitions: 9, consumers: 0, commit: '<script>' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'semantics: at-most-once, at-least-once or exactly-once, got "exactly-twice"',
        'commit: sync, async or auto, got "<script>"',
        'partitions: 1 to 4 partitions, got 9',
        'consumers: 1 to 3 consumers, got 0',
      ],
    });
  });
});
