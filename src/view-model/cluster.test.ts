import { describe, expect, it } from 'vitest';
import type { Envelope } from '../engine';
import { clusterLayout, type ClusterInput, type Point } from './cluster-layout';
import { messageProgress, messageSpots } from './cluster-messages';

const twoPc: ClusterInput = {
  nodes: [{ role: 'coordinator' }, { role: 'participant' }, { role: 'participant' }, { role: 'participant' }],
  roleOrder: ['coordinator', 'participant'],
  partition: null,
  width: 600,
  height: 300,
};

const envelope = (over: Partial<Envelope> = {}): Envelope => ({
  id: 1,
  from: 0,
  to: 1,
  body: { type: 'PREPARE' },
  sentTick: 10,
  deliverTick: 20,
  ...over,
});

describe('clusterLayout', () => {
  it('puts each role in its own row, in the protocol order, spread across the width', () => {
    const { positions, regions } = clusterLayout(twoPc);
    expect(positions[0]!.y).toBeLessThan(positions[1]!.y);
    expect(new Set(positions.slice(1).map((p) => p.y)).size).toBe(1);
    expect(positions[1]!.x).toBeLessThan(positions[2]!.x);
    expect(positions[2]!.x).toBeLessThan(positions[3]!.x);
    expect(positions[0]!.x).toBeCloseTo(300);
    expect(regions).toEqual([]);
  });

  it('puts consecutive roles of one node each side by side, no wider than the widest role', () => {
    const nodes = ['broker', 'producer', 'consumer', 'consumer', 'sink', 'auditor'].map((role) => ({ role }));
    const { positions } = clusterLayout({ ...twoPc, nodes, roleOrder: ['producer', 'broker', 'consumer', 'sink', 'auditor'] });
    const [broker, producer, c1, c2, sink, auditor] = positions as [Point, Point, Point, Point, Point, Point];
    expect(broker.y).toBe(producer.y);
    expect(producer.x).toBeLessThan(broker.x);
    expect(c1.y).toBe(c2.y);
    expect(c1.y).toBeGreaterThan(broker.y);
    expect(sink.y).toBe(auditor.y);
    expect(sink.y).toBeGreaterThan(c1.y);
    const three = clusterLayout({ ...twoPc, nodes: ['a', 'b', 'c', 'd', 'd'].map((role) => ({ role })), roleOrder: ['a', 'b', 'c', 'd'] }).positions;
    expect(three[2]!.y).toBeGreaterThan(three[0]!.y);
  });

  it('puts nodes of a single role around a circle, the first at the top', () => {
    const { positions } = clusterLayout({ ...twoPc, nodes: Array.from({ length: 5 }, () => ({ role: 'replica' })), roleOrder: ['replica'] });
    const top = Math.min(...positions.map((p) => p.y));
    expect(positions[0]!.y).toBe(top);
    const cx = positions.reduce((s, p) => s + p.x, 0) / 5;
    const radii = positions.map((p) => Math.hypot(p.x - cx, p.y - 150));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 0);
  });

  it('splits a partitioned cluster into side-by-side regions, each node inside its side, with a cut between', () => {
    const { positions, regions, cuts } = clusterLayout({ ...twoPc, partition: [[0, 1], [2, 3]] });
    expect(regions.map((r) => r.label)).toEqual(['side A', 'side B']);
    regions.forEach((region) => {
      for (const n of region.nodes) {
        expect(positions[n]!.x).toBeGreaterThan(region.x);
        expect(positions[n]!.x).toBeLessThan(region.x + region.width);
      }
    });
    expect(cuts).toHaveLength(1);
    expect(cuts[0]!.x).toBeGreaterThan(regions[0]!.x + regions[0]!.width);
    expect(cuts[0]!.x).toBeLessThan(regions[1]!.x);
  });

  it('keeps room above the top row and below the bottom row for labels', () => {
    const { positions, nodeRadius } = clusterLayout({ ...twoPc, labelPx: 40 });
    expect(positions[0]!.y - nodeRadius).toBeGreaterThanOrEqual(48);
    expect(positions[1]!.y + nodeRadius).toBeLessThanOrEqual(300 - 48);
  });

  it("stacks each row's words with the discs: the top row's above it, a middle row's before the next row", () => {
    // A broker with its partition strips on top, two consumers with tall words, a sink below.
    const nodes = ['broker', 'consumer', 'consumer', 'sink'].map((role) => ({ role }));
    const captionPx = [120, 90, 60, 70];
    const input = { ...twoPc, nodes, roleOrder: ['broker', 'consumer', 'sink'], height: 600, captionPx };
    const { positions, nodeRadius: r, above, captionTotal } = clusterLayout(input);
    const [broker, c1, , sink] = positions as [Point, Point, Point, Point];
    expect(above).toEqual([true, false, false, false]);
    expect(captionTotal).toBe(120 + 90 + 70);
    expect(broker.y - r - 120).toBeGreaterThanOrEqual(0);
    expect(c1.y + r + 90).toBeLessThanOrEqual(sink.y - r);
    expect(sink.y + r + 70).toBeLessThanOrEqual(600);
  });

  it('keeps every node inside the area', () => {
    for (const partition of [null, [[0], [1, 2, 3]]]) {
      const { positions, nodeRadius } = clusterLayout({ ...twoPc, partition, width: 320, height: 200 });
      for (const p of positions) {
        expect(p.x - nodeRadius).toBeGreaterThanOrEqual(0);
        expect(p.x + nodeRadius).toBeLessThanOrEqual(320);
        expect(p.y - nodeRadius).toBeGreaterThanOrEqual(0);
        expect(p.y + nodeRadius).toBeLessThanOrEqual(200);
      }
    }
  });
});

describe('messageSpots', () => {
  const positions = [
    { x: 0, y: 0 },
    { x: 200, y: 0 },
  ];

  it('positions a message by how much of its flight time has passed', () => {
    expect(messageProgress(envelope(), 10)).toBe(0);
    expect(messageProgress(envelope(), 15)).toBe(0.5);
    expect(messageProgress(envelope(), 99)).toBe(1);
    const [early] = messageSpots([envelope()], 10, positions, 20);
    const [half] = messageSpots([envelope()], 15, positions, 20);
    const [late] = messageSpots([envelope()], 20, positions, 20);
    expect(early!.x).toBeCloseTo(34);
    expect(half!.x).toBeCloseTo(100);
    expect(late!.x).toBeCloseTo(166);
  });

  it('is the same picture for the same tick, whatever came before', () => {
    expect(messageSpots([envelope()], 17, positions, 20)).toEqual(messageSpots([envelope()], 17, positions, 20));
  });

  it('sets replies travelling the other way beside the request, not on top of it', () => {
    const [there, back] = messageSpots([envelope(), envelope({ id: 2, from: 1, to: 0 })], 15, positions, 20);
    expect(there!.x).toBeCloseTo(back!.x);
    expect(Math.abs(there!.y - back!.y)).toBeGreaterThan(10);
  });

  it('stacks two messages on the same path at the same place', () => {
    const [a, b] = messageSpots([envelope(), envelope({ id: 2 })], 15, positions, 20);
    expect(Math.abs(a!.y - b!.y)).toBeGreaterThanOrEqual(16);
  });

  it('says a message past its due tick is overdue', () => {
    expect(messageSpots([envelope()], 25, positions, 20)[0]!.overdue).toBe(true);
    expect(messageSpots([envelope()], 20, positions, 20)[0]!.overdue).toBe(false);
  });
});
