import { describe, expect, it } from 'vitest';
import { playScenario, type NodeFact } from '../kit';
import { kafkaMultiRegion as multi } from './index';

const scenario = (id: string) => multi.scenarios.find((s) => s.id === id)!;
const end = (id: string) => playScenario(multi, scenario(id)).world;
const logFact = (facts: readonly NodeFact[], name: string) => facts.find((f) => f.name === name);

describe('multi-region Kafka pictures', () => {
  it("draw a region's stream and its aggregate, with the writer's position and its checkpoint", () => {
    const world = end('offsets-differ');
    const a = multi.describe(world, 0);
    expect(logFact(a.facts, 'A stream')).toMatchObject({ kind: 'log', entries: [{ text: 'a1' }, { text: 'a2' }] });
    expect(logFact(a.facts, 'A aggregate')).toMatchObject({ kind: 'log', entries: [{ text: 'a1' }, { text: 'b1' }, { text: 'a2' }] });
    expect(logFact(multi.describe(world, 1).facts, 'B aggregate')).toMatchObject({ entries: [{ text: 'b1' }, { text: 'a1' }, { text: 'a2' }] });
  });

  it('mark a record done again within the bound as "again", and a lost one as missing', () => {
    const again = multi.describe(end('failover-mapped'), 5).facts[0];
    expect(again).toMatchObject({ kind: 'list', name: 'counted' });
    expect((again as Extract<NodeFact, { kind: 'list' }>).items.at(-1)).toEqual({ text: 'a3 (B)', mark: 'again', tone: 'warn' });
    const lost = multi.describe(end('failover-raw-offset'), 5).facts[0] as Extract<NodeFact, { kind: 'list' }>;
    expect(lost.items.filter((i) => i.mark === 'missing').map((i) => i.text)).toEqual(['b1', 'b2']);
  });

  it("show who the writer is: the coordinator's choice and each consumer's view of it", () => {
    const world = end('active-active-failover');
    expect(multi.describe(world, 4).facts).toEqual([{ kind: 'value', name: 'writer', value: 'B e2' }]);
    expect(multi.describe(world, 2)).toMatchObject({ facts: [{ kind: 'value', name: 'role', value: 'not the writer: discards its output' }] });
    expect(multi.describe(world, 3).facts[0]).toMatchObject({ name: 'writer' });
  });

  it('describe every message with its payload in short form', () => {
    const checkpoint = { region: 0, epoch: 1, aggregateOffset: 3, progress: [2, 1] };
    expect(multi.describeMessage({ type: 'MIRROR_RECORDS', region: 0, start: 1, values: ['a2', 'a3'] })).toBe('MIRROR a2 a3');
    expect(multi.describeMessage({ type: 'SHIP', checkpoint })).toBe('SHIP A@3 (A:2 B:1)');
    expect(multi.describeMessage({ type: 'WRITER', region: 1, epoch: 2 })).toBe('WRITER B e2');
    expect(multi.describeMessage({ type: 'OUTPUT', id: 'x', region: 0, epoch: 1, values: ['a1'] })).toBe('OUTPUT e1 a1');
    expect(multi.describeMessage({ type: 'CLAIMED', epoch: 2, progress: [3, 0] })).toBe('CLAIMED e2 (A:3 B:0)');
  });
});

describe('multi-region Kafka configuration', () => {
  it('has a cluster and a consumer per region, a coordinator and a database', () => {
    const system = multi.build({ ...multi.defaults(), regions: 3 }, 'correct');
    expect(system.nodes.map((n) => n.name)).toEqual(['A', 'B', 'C', 'CA', 'CB', 'CC', 'coordinator', 'database']);
  });

  it('says what is wrong with a bad arrangement or region count', () => {
    expect(multi.validate({ arrangement: 'both', regions: 5 })).toEqual({
      ok: false,
      problems: ['arrangement: active-passive or active-active, got "both"', 'regions: 2 or 3 regions, got 5'],
    });
  });
});
