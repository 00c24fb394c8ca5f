import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { hasOperations } from './has-operations';

const observe = (value: TraceEvent & { type: 'observe' } extends { value: infer V } ? V : never): TraceEvent => ({ type: 'observe', node: 0, value, step: 1, tick: 0 });

describe('hasOperations', () => {
  it('is true for a run where a client invoked an operation, so its bars are loaded and drawn', () => {
    expect(hasOperations([observe({ proposed: 'A' }), observe({ operation: 'invoke', id: 'C1.1', action: 'put', key: 'x', value: 'v1' })])).toBe(true);
  });

  it('is false for a run whose observations are not operations, so no bars are loaded', () => {
    expect(hasOperations([observe({ proposed: 'A' }), observe({ operation: 'return', id: 'C1.1', ok: true })])).toBe(false);
    expect(hasOperations([])).toBe(false);
  });
});
