import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bisectLeft, bisectRight } from './bisect';

const sortedSteps = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }).map((a) => a.sort((x, y) => x - y).map((step) => ({ step })));
const step = (e: { step: number }) => e.step;

describe('bisect', () => {
  it('finds the first item at or after a step and the first one after it, as a scan from the start would', () => {
    fc.assert(
      fc.property(sortedSteps, fc.integer({ min: -2, max: 42 }), (items, value) => {
        const scanLeft = items.findIndex((e) => e.step >= value);
        const scanRight = items.findIndex((e) => e.step > value);
        expect(bisectLeft(items, step, value)).toBe(scanLeft === -1 ? items.length : scanLeft);
        expect(bisectRight(items, step, value)).toBe(scanRight === -1 ? items.length : scanRight);
      }),
    );
  });

  it('gives the items of one step as the slice between the two', () => {
    const items = [0, 1, 1, 1, 4].map((s) => ({ step: s }));
    expect(items.slice(bisectLeft(items, step, 1), bisectRight(items, step, 1))).toHaveLength(3);
    expect(items.slice(bisectLeft(items, step, 2), bisectRight(items, step, 2))).toHaveLength(0);
  });
});
