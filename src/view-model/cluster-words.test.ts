import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../protocols/kit/types';
import { captionChars, captionLines, wrappedLines } from './cluster-words';

const node = (facts: NodeDescription['facts']): NodeDescription => ({ name: 'A1', role: 'acceptor', label: 'idle', status: 'idle', fields: [], facts });

describe('the room a node’s words take in the cluster', () => {
  it('counts the name and state, a line per short fact, and more for a table or a log', () => {
    expect(captionLines(node([]), undefined, 40)).toBe(2);
    expect(captionLines(node([{ kind: 'value', name: 'vote', value: 'YES' }]), undefined, 40)).toBe(3);
    expect(captionLines(node([{ kind: 'table', name: 'cached', columns: ['key'], rows: [] }]), undefined, 40)).toBe(5);
  });

  it('counts a long state or name on as many lines as it wraps to', () => {
    const proposing = { ...node([]), name: 'P1', role: 'proposer', label: 'proposing.accepting' };
    expect(captionLines(proposing, undefined, 40)).toBe(2);
    // "proposing: accepting" at 12 a line: "proposing:", "accepting"; "P1 (proposer)" still fits in one.
    expect(captionLines(proposing, undefined, 12)).toBe(3);
  });

  it('wraps a long fact or a rule badge onto more lines when the column is narrow', () => {
    const long = node([{ kind: 'value', name: 'doing', value: 'write x=a1: writes the database and the cache at once' }]);
    expect(captionLines(long, undefined, 20)).toBeGreaterThan(captionLines(long, undefined, 80));
    expect(captionLines(node([]), { broken: ['acknowledged-write-durable'], conditions: ['stale-entry'] }, 12)).toBeGreaterThan(4);
  });

  it('measures the widest line of a node’s words, never wider than its column', () => {
    const a1 = node([{ kind: 'value', name: 'accepted', value: 'B @ (1,P2)' }]);
    expect(captionChars(a1, undefined, 40)).toBe('accepted B @ (1,P2)'.length);
    expect(captionChars(a1, { broken: ['agreement'], conditions: [] }, 12)).toBe(12);
  });

  it('wraps at spaces as a browser does, so short words at a line’s end cost a whole line', () => {
    // "promises A1 (1 of 3), no majority" at 12 a line: "promises A1", "(1 of 3),", "no majority".
    expect(wrappedLines('promises A1 (1 of 3), no majority', 12)).toBe(3);
    expect(wrappedLines('promises A1 (1 of 3), no majority', 40)).toBe(1);
    expect(wrappedLines('acknowledged-write-durable', 10)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
  });
});
