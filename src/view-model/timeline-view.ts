// The timeline's visible step range, as plain functions the component's zoom state goes
// through: follow the cursor, apply a pan or zoom gesture, keep the range sensible.
export type Domain = readonly [number, number];

export interface DomainLimits {
  /** The last step of the run (or the cursor, if later). */
  readonly endStep: number;
  /** Fewest columns a view may show. */
  readonly minColumns: number;
}

/** Keeps a range between `minColumns` wide and the whole run (with a margin), and over the run. */
export function clampDomain(domain: Domain, limits: DomainLimits): [number, number] {
  const full = limits.endStep + 1;
  const maxSpan = Math.max(limits.minColumns, full * 1.05);
  const span = Math.max(limits.minColumns, Math.min(maxSpan, domain[1] - domain[0]));
  const centre = (domain[0] + domain[1]) / 2;
  let left = centre - span / 2;
  // Some of the run always stays in view: the left edge may not pass its end, nor the right its start.
  left = Math.min(left, limits.endStep + 0.5 - Math.min(span, full) * 0.25);
  left = Math.max(left, -0.5 - span + Math.min(span, full) * 0.25);
  if (span >= full) left = Math.min(Math.max(left, limits.endStep + 0.5 - span), -0.5);
  return [left, left + span];
}

/**
 * A gesture's pixel change (x maps to `k * x + shift`) applied to a range shown across the
 * pixels `left..right`: the steps under the pointer stay under it.
 */
export function applyDelta(domain: Domain, delta: { k: number; shift: number }, left: number, right: number): [number, number] {
  const perPx = (domain[1] - domain[0]) / (right - left);
  const stepAt = (px: number) => domain[0] + (px - left) * perPx;
  return [stepAt((left - delta.shift) / delta.k), stepAt((right - delta.shift) / delta.k)];
}

/** Zooms by `factor` (> 1 zooms in) about a step. */
export function zoomAbout(domain: Domain, factor: number, step: number): [number, number] {
  return [step - (step - domain[0]) / factor, step + (domain[1] - step) / factor];
}

/**
 * The range that follows the cursor: `span` columns with the cursor three quarters of the way
 * across, or the whole run from step 0 while it fits.
 */
export function followDomain(span: number, cursor: number, endStep: number): [number, number] {
  if (endStep + 1 <= span || cursor + 0.5 + span * 0.25 <= span) return [-0.5, span - 0.5];
  const right = Math.min(Math.max(endStep, cursor) + 0.5, cursor + 0.5 + span * 0.25);
  return [right - span, right];
}

/** The smallest shift of a range that brings a step's column into view. */
export function includeStep(domain: Domain, step: number): [number, number] {
  if (step - 0.5 < domain[0]) return [step - 0.5, step - 0.5 + (domain[1] - domain[0])];
  if (step + 0.5 > domain[1]) return [step + 0.5 - (domain[1] - domain[0]), step + 0.5];
  return [domain[0], domain[1]];
}
