import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { barsBetween, operationBars } from './operation-bars';

const observe = (step: number, node: number, value: object): TraceEvent => ({ type: 'observe', step, tick: step * 10, node, value: value as never });

describe('operation bars', () => {
  const events: TraceEvent[] = [
    observe(1, 0, { operation: 'invoke', id: 'C1.1', action: 'put', key: 'x', value: 'a1' }),
    observe(2, 1, { operation: 'invoke', id: 'C2.1', action: 'get', key: 'x' }),
    observe(5, 0, { operation: 'return', id: 'C1.1', ok: true }),
    observe(7, 1, { operation: 'return', id: 'C2.1', ok: true, values: ['a1', 'b1'] }),
    observe(8, 1, { operation: 'invoke', id: 'C2.2', action: 'put', key: 'x', value: 'b2' }),
    observe(9, 1, { operation: 'return', id: 'C2.2', ok: false, error: 'timed out: 1 of 2 acknowledgements' }),
    observe(10, 0, { operation: 'invoke', id: 'C1.2', action: 'get', key: 'x' }),
    { type: 'violation', step: 10, tick: 100, rule: 'linearizable', message: 'm', nodes: [0, 1], operations: ['C1.1', 'C2.1'] },
    { type: 'observe', step: 11, tick: 110, node: 0, value: { votes: 'yes' } },
  ];

  it('draw each operation from invoke to return on its client’s lane, with what it wrote or read', () => {
    expect(operationBars(events).map(({ id, node, fromStep, toStep, label, outcome }) => ({ id, node, fromStep, toStep, label, outcome }))).toEqual([
      { id: 'C1.1', node: 0, fromStep: 1, toStep: 5, label: 'put x=a1', outcome: 'ok' },
      { id: 'C2.1', node: 1, fromStep: 2, toStep: 7, label: 'get x → a1|b1', outcome: 'ok' },
      { id: 'C2.2', node: 1, fromStep: 8, toStep: 9, label: 'put x=b2 failed', outcome: 'failed' },
      { id: 'C1.2', node: 0, fromStep: 10, toStep: null, label: 'get x …', outcome: 'open' },
    ]);
  });

  it('say why an operation failed, and mark the operations a violation names', () => {
    const bars = operationBars(events);
    expect(bars[2]!.detail).toBe('put x=b2 failed: timed out: 1 of 2 acknowledgements');
    expect(bars.filter((b) => b.namedAt !== null).map((b) => [b.id, b.namedAt])).toEqual([['C1.1', 10], ['C2.1', 10]]);
  });

  it('stack an operation begun while an earlier one on the same lane is still open', () => {
    const bars = operationBars([
      observe(1, 0, { operation: 'invoke', id: 'C1.1', action: 'put', key: 'x', value: 'a1' }),
      observe(3, 0, { operation: 'invoke', id: 'C1.2', action: 'get', key: 'x' }),
      observe(4, 0, { operation: 'return', id: 'C1.2', ok: true, values: [] }),
      observe(6, 0, { operation: 'invoke', id: 'C1.3', action: 'get', key: 'x' }),
    ]);
    expect(bars.map((b) => [b.id, b.row])).toEqual([['C1.1', 0], ['C1.2', 1], ['C1.3', 1]]);
    expect(bars[1]!.label).toBe('get x → nothing');
  });

  it('keep only the bars that reach into a range of steps', () => {
    expect(barsBetween(operationBars(events), 6, 8).map((b) => b.id)).toEqual(['C2.1', 'C2.2']);
    expect(barsBetween(operationBars(events), 50, 60).map((b) => b.id)).toEqual(['C1.2']);
  });
});
