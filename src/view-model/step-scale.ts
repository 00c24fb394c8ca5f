// A linear map from steps to pixels and back: all the timeline needs of a scale. d3-scale's
// scaleLinear would do, but brings tick formatting, interpolators and colours into the page
// (~10 KB) for what is one multiplication. The arithmetic is d3's own (normalise, then mix the
// ends), so a given domain and range give the same pixels to the last bit.
export interface StepScale {
  /** The pixel of a step (fractional steps allowed). */
  (step: number): number;
  /** The step at a pixel. */
  invert(px: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Where `value` lies between `a` and `b`, as a fraction; the middle when the two are equal. */
function fraction(a: number, b: number, value: number): number {
  return b - a === 0 ? 0.5 : (value - a) / (b - a);
}

const mix = (a: number, b: number, t: number) => a * (1 - t) + b * t;

/** The straight map taking `from` onto `to`, measured from the lower end of `from` (as d3 does). */
function linear([a, b]: readonly [number, number], [c, d]: readonly [number, number]): (value: number) => number {
  return b < a ? (value) => mix(d, c, fraction(b, a, value)) : (value) => mix(c, d, fraction(a, b, value));
}

export function stepScale(domain: readonly [number, number], range: readonly [number, number]): StepScale {
  return Object.assign(linear(domain, range), {
    invert: linear(range, domain),
    domain: [domain[0], domain[1]] as const,
    range: [range[0], range[1]] as const,
  });
}
