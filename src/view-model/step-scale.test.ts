import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepScale } from './step-scale';

describe('stepScale', () => {
  it('maps the ends of its domain to the ends of its range, and back', () => {
    const x = stepScale([-0.5, 9.5], [100, 992]);
    expect(x(-0.5)).toBe(100);
    expect(x(9.5)).toBe(992);
    expect(x(4.5)).toBe(546);
    expect(x.invert(546)).toBe(4.5);
    expect(x.invert(100)).toBe(-0.5);
  });

  it('gives the same pixels as d3-scale to the last bit, so content coordinates stay stable', () => {
    const finite = fc.double({ min: -1e5, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, finite, (d0, d1, r0, r1, v) => {
        const ours = stepScale([d0, d1], [r0, r1]);
        const d3 = scaleLinear().domain([d0, d1]).range([r0, r1]);
        expect(ours(v)).toBe(d3(v));
        if (r0 !== r1) expect(ours.invert(v)).toBe(d3.invert(v));
      }),
    );
  });

  it('puts every step in the middle of the range when the domain is one point', () => {
    const x = stepScale([3, 3], [0, 100]);
    expect(x(3)).toBe(50);
    expect(x(7)).toBe(50);
  });
});
