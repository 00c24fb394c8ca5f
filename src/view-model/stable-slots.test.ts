import { describe, expect, it } from 'vitest';
import { StableSlots } from './stable-slots';

const slotsOf = (placed: { slot: number; item: string }[]) => Object.fromEntries(placed.map((p) => [p.item, p.slot]));

describe('slots for marks redrawn at every step', () => {
  it('keep a mark that stays in its slot, and give a new mark the slot an old one left', () => {
    const slots = new StableSlots();
    expect(slotsOf(slots.place(['a', 'b', 'c'], (k) => k))).toEqual({ a: 0, b: 1, c: 2 });
    // A step of play: "a" leaves, "d" comes; "b" and "c" keep their elements.
    expect(slotsOf(slots.place(['b', 'c', 'd'], (k) => k))).toEqual({ b: 1, c: 2, d: 0 });
  });

  it('reuse every slot on a jump to marks never seen, adding slots only for the extra marks', () => {
    const slots = new StableSlots();
    slots.place(['a', 'b'], (k) => k);
    const jumped = slots.place(['x', 'y', 'z'], (k) => k);
    expect(jumped.map((p) => p.slot)).toEqual([0, 1, 2]);
    expect(jumped.map((p) => p.item)).toEqual(['x', 'y', 'z']);
  });

  it('list the marks in slot order, so the elements never have to move', () => {
    const slots = new StableSlots();
    slots.place(['a', 'b', 'c'], (k) => k);
    expect(slots.place(['c', 'e', 'a'], (k) => k).map((p) => p.item)).toEqual(['a', 'e', 'c']);
  });
});
