import { describe, expect, it } from 'vitest';
import type { Envelope, Json, TraceEvent } from '../engine';
import type { CostCounter } from '../protocols/kit/costs';
import { costLedger, costsAt } from './costs';

// A made-up store: node 0 is a client, node 1 a front end, node 2 the back end.
const roles = ['client', 'front', 'back'];
const names = ['C1', 'F', 'B'];
const envelope = (id: number, to: number, type: string): Envelope => ({ id, from: 0, to, body: { type }, sentTick: 0, deliverTick: 0 });
const send = (step: number, tick: number, id: number, to: number, type: string): TraceEvent => ({ type: 'send', step, tick, envelope: envelope(id, to, type) });
const deliver = (step: number, tick: number, id: number, to: number, type: string): TraceEvent => ({ type: 'deliver', step, tick, envelope: envelope(id, to, type) });
const observe = (step: number, tick: number, node: number, value: Json): TraceEvent => ({ type: 'observe', step, tick, node, value });

const counters: CostCounter[] = [
  { id: 'found', label: 'lookups found', count: { kind: 'observed', field: 'lookup', equals: 'found' } },
  { id: 'back-reads', label: 'back-end reads', count: { kind: 'delivered', types: ['LOAD'], toRole: 'back' } },
  { id: 'messages', label: 'messages sent', count: { kind: 'sent' } },
];

const trace: TraceEvent[] = [
  observe(1, 0, 0, { operation: 'invoke', id: 'C1.1', action: 'get', key: 'k' }),
  send(1, 0, 1, 1, 'ASK'),
  deliver(2, 10, 1, 1, 'ASK'),
  send(2, 10, 2, 2, 'LOAD'),
  observe(2, 10, 1, { lookup: 'missing' }),
  deliver(3, 20, 2, 2, 'LOAD'),
  send(3, 20, 3, 0, 'DATA'),
  deliver(4, 30, 3, 0, 'DATA'),
  observe(4, 30, 0, { operation: 'return', id: 'C1.1', ok: true, values: ['v1'] }),
  observe(5, 30, 0, { operation: 'invoke', id: 'C1.2', action: 'put', key: 'k', value: 'v2' }),
  send(5, 30, 4, 2, 'LOAD'),
  observe(6, 34, 1, { lookup: 'found' }),
  observe(7, 50, 0, { operation: 'return', id: 'C1.2', ok: false, error: 'timed out' }),
  observe(8, 50, 0, { operation: 'invoke', id: 'C1.3', action: 'get', key: 'k' }),
  observe(9, 56, 0, { operation: 'return', id: 'C1.3', ok: true, values: ['v1'] }),
];

const ledger = costLedger(trace, counters, (node) => roles[node]);
const at = (step: number, tick: number) => costsAt(ledger, step, tick, (node) => names[node]!);
const totals = (step: number) => Object.fromEntries(at(step, 0).totals.map((t) => [t.id, t.value]));

describe('the cost ledger', () => {
  it('totals each declared counter up to the step shown, not beyond', () => {
    expect(totals(0)).toEqual({ found: 0, 'back-reads': 0, messages: 0 });
    expect(totals(3)).toEqual({ found: 0, 'back-reads': 1, messages: 3 });
    expect(totals(9)).toEqual({ found: 1, 'back-reads': 1, messages: 4 });
  });

  it('counts only delivered messages of the listed types to the named role, and sent ones of every type', () => {
    // The second LOAD is sent but never delivered: it costs a message, not a back-end read.
    expect(totals(9)['back-reads']).toBe(1);
    expect(totals(9)['messages']).toBe(4);
  });

  it('gives each operation its latency in ticks, newest first, and an open one its ticks so far', () => {
    expect(at(5, 40).recent).toEqual([
      { id: 'C1.2', client: 'C1', text: 'put k=v2', outcome: 'open', result: 'waiting', latencyTicks: 10 },
      { id: 'C1.1', client: 'C1', text: 'get k', outcome: 'ok', result: 'v1', latencyTicks: 30 },
    ]);
    expect(at(9, 56).recent.map((op) => [op.id, op.outcome, op.result, op.latencyTicks])).toEqual([
      ['C1.3', 'ok', 'v1', 6],
      ['C1.2', 'failed', 'timed out', 20],
      ['C1.1', 'ok', 'v1', 30],
    ]);
  });

  it('averages the latency of successful operations per action', () => {
    expect(at(4, 30).means).toEqual([{ action: 'get', operations: 1, ticks: 30 }]);
    expect(at(9, 56).means).toEqual([{ action: 'get', operations: 2, ticks: 18 }]);
    expect(at(9, 56).operations).toBe(3);
  });

  it('lists at most the requested number of operations', () => {
    expect(costsAt(ledger, 9, 56, (n) => names[n]!, 2).recent.map((op) => op.id)).toEqual(['C1.3', 'C1.2']);
  });

  it('is empty for a protocol that declares no costs', () => {
    const none = costLedger(trace, [], (node) => roles[node]);
    expect(costsAt(none, 9, 56, (n) => names[n]!)).toEqual({ totals: [], recent: [], operations: 0, means: [] });
  });
});
