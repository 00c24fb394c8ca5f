import { describe, expect, it } from 'vitest';
import { applyDelta, clampDomain, followDomain, includeStep, zoomAbout } from './timeline-view';

describe('timeline view range', () => {
  it('keeps the step under the pointer fixed while zooming with a gesture', () => {
    // Columns 0..10 across pixels 100..1100: step s sits at 100 + (s + 0.5) * 100.
    const domain = [-0.5, 9.5] as const;
    const pointer = 600; // step 4.5
    const k = 2;
    const next = applyDelta(domain, { k, shift: pointer - k * pointer }, 100, 1100);
    expect(next[1] - next[0]).toBeCloseTo(5);
    const stepUnder = next[0] + ((pointer - 100) / 1000) * (next[1] - next[0]);
    expect(stepUnder).toBeCloseTo(4.5);
  });

  it('pans by the dragged distance in steps', () => {
    const next = applyDelta([-0.5, 9.5], { k: 1, shift: 200 }, 100, 1100);
    expect(next).toEqual([-2.5, 7.5]);
  });

  it('zooms about a step', () => {
    expect(zoomAbout([0, 10], 2, 5)).toEqual([2.5, 7.5]);
  });

  it('never shows fewer than the minimum columns, nor much more than the whole run', () => {
    expect(clampDomain([3, 3.5], { endStep: 100, minColumns: 4 })).toEqual([1.25, 5.25]);
    const wide = clampDomain([-1000, 1000], { endStep: 99, minColumns: 4 });
    expect(wide[1] - wide[0]).toBeCloseTo(105);
    expect(wide[0]).toBeLessThanOrEqual(-0.5);
  });

  it('never pans the run out of sight', () => {
    const right = clampDomain([500, 520], { endStep: 100, minColumns: 4 });
    expect(right[0]).toBeLessThan(100.5);
    const left = clampDomain([-500, -480], { endStep: 100, minColumns: 4 });
    expect(left[1]).toBeGreaterThan(-0.5);
  });

  it('follows the cursor, showing the whole run from the start while it fits', () => {
    expect(followDomain(40, 10, 20)).toEqual([-0.5, 39.5]);
    const [a, b] = followDomain(40, 500, 1000);
    expect(b - a).toBe(40);
    expect(500).toBeGreaterThan(a);
    expect(500 + 0.5).toBeLessThan(b);
  });

  it('shifts a range just enough to bring a step into view', () => {
    expect(includeStep([10, 20], 15)).toEqual([10, 20]);
    expect(includeStep([10, 20], 25)).toEqual([15.5, 25.5]);
    expect(includeStep([10, 20], 3)).toEqual([2.5, 12.5]);
  });
});
