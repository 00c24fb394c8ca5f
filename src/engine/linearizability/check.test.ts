import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegisterHistory } from './check';
import { registerModel, type RegisterOperation } from './register';
import { searchLinearization } from './search';
import { r, registerHistory, w } from './testing';

const verdict = (ops: RegisterOperation[]) => checkRegisterHistory(ops);
const linearizable = (ops: RegisterOperation[]) => verdict(ops).kind === 'linearizable';

describe('the linearizability checker on hand-built register histories', () => {
  it('accepts a write followed by a read of it, and a read of nothing before any write', () => {
    expect(linearizable([r('C2', [], 0, 1), w('C1', 'a1', 2, 3), r('C2', ['a1'], 4, 5)])).toBe(true);
  });

  it('names a stale read: the write had completed before the read started', () => {
    const write = w('C1', 'a1', 0, 2);
    const read = r('C2', [], 3, 4);
    expect(verdict([write, read])).toMatchObject({
      kind: 'not-linearizable',
      partition: 'x',
      operations: [write.id, read.id],
      message: "C2's read returned nothing, but C1's write of a1 had completed before it started",
    });
  });

  it('lets a read that overlaps a write return either the old or the new value', () => {
    expect(linearizable([w('C1', 'a1', 0, 10), r('C2', [], 2, 4)])).toBe(true);
    expect(linearizable([w('C1', 'a1', 0, 10), r('C2', ['a1'], 2, 4)])).toBe(true);
  });

  it('backtracks when the first order it tries for concurrent writes is wrong', () => {
    // Both writes overlap; the read after them says b1 came last, though a1's call comes first.
    expect(linearizable([w('C1', 'a1', 0, 10), w('C2', 'b1', 1, 10), r('C3', ['a1'], 11, 12)])).toBe(true);
    expect(linearizable([w('C1', 'a1', 0, 10), w('C2', 'b1', 1, 10), r('C3', ['b1'], 11, 12)])).toBe(true);
  });

  it('backtracks through several choices to find the only order that fits', () => {
    const ops = [w('C1', 'a1', 0, 5), w('C2', 'b1', 1, 6), r('C3', ['b1'], 2, 3), r('C3', ['a1'], 7, 8), w('C2', 'b2', 7, 20), r('C1', ['b2'], 9, 10), r('C3', ['b2'], 11, 12)];
    const result = searchLinearization(registerModel, ops);
    expect(result.kind).toBe('linearizable');
    expect(result.explored).toBeGreaterThan(ops.length * 2);
  });

  it('refuses two reads after both writes that disagree, however it orders the writes', () => {
    const ops = [w('C1', 'a1', 0, 5), w('C2', 'b1', 1, 6), r('C3', ['a1'], 7, 8), r('C3', ['b1'], 9, 10)];
    const found = verdict(ops);
    expect(found.kind).toBe('not-linearizable');
    if (found.kind !== 'not-linearizable') return;
    expect(found.operations).toHaveLength(4);
    expect(found.message).toMatch(/^no single order of these operations fits one register: /);
    expect(found.message).toContain("C3's read returned a1; C3's read returned b1");
  });

  it('names a read that went from new to old', () => {
    const ops = [w('C1', 'a1', 0, 20), r('C2', ['a1'], 2, 4), r('C3', [], 6, 8)];
    expect(verdict(ops)).toMatchObject({
      kind: 'not-linearizable',
      message: "C3's read returned nothing after C2's read had already returned a1",
    });
  });

  it('names a write ordered before one that had finished before it started', () => {
    const ops = [w('C2', 'b1', 0, 2), w('C1', 'a1', 3, 5), r('C3', ['b2'], 3, 4), w('C3', 'b2', 1, 2.5), r('C1', ['b1'], 6, 8)];
    const found = verdict(ops);
    expect(found).toMatchObject({
      kind: 'not-linearizable',
      message: "C1's read returned b1, but C1's write of a1 had completed before it started, and C2's write of b1 had completed before that write began",
    });
    if (found.kind === 'not-linearizable') expect(found.operations).toEqual(['C2:0', 'C1:3', 'C1:6']);
  });

  it('refuses a read that returned two siblings at once', () => {
    const ops = [w('C1', 'a1', 0, 2), w('C2', 'b1', 0, 2), r('C1', ['a1', 'b1'], 3, 4)];
    expect(verdict(ops)).toMatchObject({ kind: 'not-linearizable', message: "C1's read returned a1 and b1 at once, but one register holds one value" });
  });

  it('treats a write with no answer as one that may take effect at any later time, or never', () => {
    expect(linearizable([w('C1', 'a1', 0, null), r('C2', [], 1, 2), r('C2', ['a1'], 3, 4)])).toBe(true);
    expect(linearizable([w('C1', 'a1', 0, null), r('C2', [], 5, 6)])).toBe(true);
    expect(verdict([w('C1', 'a1', 0, null), r('C2', ['a1'], 1, 2), r('C3', [], 3, 4)])).toMatchObject({ kind: 'not-linearizable' });
  });

  it('checks each key as its own register and says which key broke', () => {
    const ops = [w('C1', 'a1', 0, 2, 'x'), r('C2', ['a1'], 3, 4, 'x'), w('C1', 'a2', 5, 6, 'y'), r('C2', [], 7, 8, 'y'), r('C2', [], 0, 1, 'z')];
    expect(verdict(ops)).toMatchObject({ kind: 'not-linearizable', partition: 'y', message: "C2's read returned nothing, but C1's write of a2 had completed before it started" });
  });

  it('finds the smallest contradiction among many operations', () => {
    const noise = Array.from({ length: 30 }, (_, i) => r('C4', ['a1'], 10 + 3 * i, 11 + 3 * i));
    const ops = [w('C1', 'a1', 0, 9), ...noise, w('C2', 'b1', 100, 102), r('C3', ['a1'], 103, 104)];
    const found = verdict(ops);
    expect(found).toMatchObject({ kind: 'not-linearizable', message: "C3's read returned a1, but C2's write of b1 had completed before it started, and C1's write of a1 had completed before that write began" });
    if (found.kind === 'not-linearizable') expect(found.operations).toHaveLength(3);
  });

  it('refuses a history whose operations return before they start or share an id', () => {
    expect(() => verdict([w('C1', 'a1', 5, 2)])).toThrow(/returns before it is invoked/);
    expect(() => verdict([w('C1', 'a1', 0, 2), w('C1', 'a2', 0, 3)])).toThrow(/two operations with the id C1:0/);
  });
});

/** Every order of the operations that respects real time, tried on a register: the slow truth. */
function bruteForce(ops: readonly RegisterOperation[]): boolean {
  const used = new Array<boolean>(ops.length).fill(false);
  const place = (state: string | null, count: number): boolean => {
    if (count === ops.length) return true;
    for (let i = 0; i < ops.length; i++) {
      if (used[i]) continue;
      // i may go next only if no unplaced operation finished before it started.
      if (ops.some((o, j) => !used[j] && j !== i && o.return !== null && o.return < ops[i]!.invoke)) continue;
      const after = registerModel.step(state, ops[i]!.input);
      if (after === undefined) continue;
      used[i] = true;
      const ok = place(after, count + 1);
      used[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return place(null, 0);
}

describe('the linearizability checker against brute force', () => {
  const small = fc.array(
    fc.record({
      write: fc.boolean(),
      value: fc.constantFrom('a', 'b', 'c'),
      invoke: fc.integer({ min: 0, max: 12 }),
      length: fc.integer({ min: 0, max: 6 }),
      open: fc.boolean(),
      reads: fc.constantFrom([], ['a'], ['b'], ['c'], ['a', 'b']),
    }),
    { maxLength: 6 },
  );

  it('agrees with trying every order, on thousands of small random histories', () => {
    fc.assert(
      fc.property(small, (drafts) => {
        const ops: RegisterOperation[] = drafts.map((d, i) => ({
          id: `op${i}`,
          client: `C${i}`,
          partition: 'x',
          input: d.write ? { kind: 'write', value: `${d.value}` } : { kind: 'read', values: d.reads },
          invoke: d.invoke * 2,
          return: d.write && d.open ? null : d.invoke * 2 + d.length * 2 + 1,
        }));
        expect(searchLinearization(registerModel, ops).kind === 'linearizable').toBe(bruteForce(ops));
      }),
      { numRuns: 3_000, seed: 42 },
    );
  });

  it('accepts long histories played on a real register, with several clients and keys', () => {
    for (const seed of [1, 2, 3]) {
      const ops = registerHistory(1_000, 4, 3, seed);
      const result = checkRegisterHistory(ops);
      expect(result.kind).toBe('linearizable');
      // About linear: a memoised search does not retry a configuration.
      expect(result.explored).toBeLessThan(ops.length * 20);
    }
  });
});
