import { describe, expect, it } from 'vitest';
import type { Envelope } from '../engine';
import { placeChips } from './chip-spread';
import { clusterMessages } from './cluster-messages';
import type { MessageSpot } from './cluster-messages';

const spot = (id: number, x: number, y: number): MessageSpot => ({
  envelope: { id, from: 0, to: 1, body: { type: 'ACCEPTED' }, sentTick: 0, deliverTick: 10 } as unknown as Envelope,
  x,
  y,
  progress: 0,
  overdue: false,
});
const size = { width: 80, height: 20 };
const box = { width: 400, height: 300 };
const rect = (s: MessageSpot) => ({ left: s.x - 40, right: s.x + 40, top: s.y - 10, bottom: s.y + 10 });
const apart = (a: MessageSpot, b: MessageSpot) => {
  const [p, q] = [rect(a), rect(b)];
  return p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
};

describe('message chips in a crowded cluster', () => {
  it('leave a chip where its message is when nothing else is there', () => {
    const lone = spot(1, 100, 100);
    expect(placeChips([lone], () => size, [], box)).toEqual({ placed: [lone], crowded: [] });
  });

  it('move chips that would cover each other to the nearest free places, none covering another', () => {
    const piled = [spot(1, 200, 150), spot(2, 205, 152), spot(3, 198, 149), spot(4, 202, 151)];
    const { placed, crowded } = placeChips(piled, () => size, [], box);
    expect(crowded).toEqual([]);
    expect(placed[0]).toEqual(piled[0]);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(apart(placed[i]!, placed[j]!), `${i} and ${j}`).toBe(true);
    for (const s of placed) expect(Math.hypot(s.x - 200, s.y - 150)).toBeLessThan(100);
  });

  it('keep a node’s disc and words uncovered, and stay inside the picture', () => {
    const node = { x: 60, y: 80, width: 80, height: 60 };
    const { placed } = placeChips([spot(1, 100, 100)], () => size, [node], box);
    const r = rect(placed[0]!);
    expect(r.right <= node.x || r.left >= node.x + node.width || r.bottom <= node.y || r.top >= node.y + node.height).toBe(true);
    const edge = placeChips([spot(1, 10, 10)], () => size, [], box).placed[0]!;
    expect(edge.x - 40).toBeGreaterThanOrEqual(0);
    expect(edge.y - 10).toBeGreaterThanOrEqual(0);
  });

  it('leave a chip with no free place to the "+N more" chip, the first due keeping theirs, none covering it', () => {
    const crowdedBox = { width: 300, height: 30 };
    const messages = [1, 2, 3, 4].map((id) => ({ id, from: 0, to: 1, body: { type: 'ACCEPTED' }, sentTick: 0, deliverTick: 10 - id }) as unknown as Envelope);
    const positions = [{ x: 150, y: 15 }, { x: 150, y: 15 }];
    const drawn = clusterMessages(messages, 0, positions, 0, crowdedBox, 24, { sizeOf: () => size, obstacles: [] });
    expect(drawn.spots.length).toBeGreaterThan(0);
    expect(drawn.spots.length + drawn.more!.count).toBe(4);
    expect(drawn.spots.map((s) => s.envelope.id)).toContain(4);
    for (const s of drawn.spots) expect(Math.abs(s.x - drawn.more!.x) >= 100 || Math.abs(s.y - drawn.more!.y) >= 32, `chip ${s.envelope.id}`).toBe(true);
  });
});
