import { describe, expect, it } from 'vitest';
import type { Envelope } from '../engine';
import { CLUSTER_CHIPS_MAX, clusterMessages } from './cluster-messages';

const positions = [
  { x: 0, y: 0 },
  { x: 200, y: 0 },
  { x: 100, y: 150 },
];

const box = { width: 600, height: 300 };

const envelope = (id: number, over: Partial<Envelope> = {}): Envelope => ({
  id,
  from: 0,
  to: 1,
  body: { type: 'PREPARE' },
  sentTick: 10,
  deliverTick: 20 + id,
  ...over,
});

describe('the messages the cluster draws', () => {
  it('gives every message a chip while there are few', () => {
    const few = [envelope(1), envelope(2, { from: 1, to: 0 }), envelope(3)];
    const drawn = clusterMessages(few, 15, positions, 20, box);
    expect(drawn.spots.map((s) => s.envelope.id)).toEqual([1, 2, 3]);
    expect(drawn.paths.map((p) => p.key)).toEqual(['0>1', '1>0']);
    expect(drawn.more).toBeNull();
  });

  it('draws a bounded number of chips and paths for thousands in flight, and one chip counting the rest', () => {
    // What `begin` and then 2,000 duplicates give: the same few kinds of message, over and over.
    const many = Array.from({ length: 2_000 }, (_, i) =>
      envelope(i, { to: 1 + (i % 2), body: { type: i % 3 === 0 ? 'VOTE' : 'PREPARE' }, sentTick: i % 2_000, deliverTick: 5_000 - i }),
    );
    const drawn = clusterMessages(many, 2_000, positions, 20, box);
    expect(drawn.spots.length).toBeGreaterThan(0);
    expect(drawn.spots.length).toBeLessThanOrEqual(CLUSTER_CHIPS_MAX);
    expect(drawn.paths).toHaveLength(2);
    expect(drawn.spots.length + drawn.more!.count).toBe(2_000);
    // The chips go to the messages due first (the highest ids here).
    expect(drawn.spots.some((s) => s.envelope.id === 1_999)).toBe(true);
    const kinds = drawn.more!.kinds;
    expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(drawn.more!.count);
    expect(kinds).toHaveLength(4);
    expect(kinds.map((k) => k.first.deliverTick)).toEqual([...kinds.map((k) => k.first.deliverTick)].sort((a, b) => a - b));
    expect(drawn.more!.otherKinds).toBe(0);
  });

  it('stacks at most three chips in one place, and counts the others on the chip in the corner', () => {
    const copies = Array.from({ length: 8 }, (_, i) => envelope(i, { deliverTick: 20 }));
    const drawn = clusterMessages(copies, 15, positions, 20, box);
    expect(drawn.spots.map((s) => s.envelope.id)).toEqual([0, 1, 2]);
    expect(drawn.more).toMatchObject({ count: 5, x: 530, y: 18 });
    expect(drawn.more!.kinds).toMatchObject([{ type: 'PREPARE', count: 5, first: { id: 3 } }]);
  });

  it('names at most twelve kinds of hidden message, so the list fits, and counts the others', () => {
    const many = Array.from({ length: 500 }, (_, i) => envelope(i, { body: { type: `T${i % 50}` } }));
    const more = clusterMessages(many, 15, positions, 20, box).more!;
    expect(more.kinds).toHaveLength(12);
    expect(more.otherKinds).toBe(38);
  });
});
