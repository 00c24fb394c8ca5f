import { describe, expect, it } from 'vitest';
import { pingSystem } from '../testing/ping';
import { checkWorld } from './check-world';
import { Interner } from './interner';
import { counterSystem } from './testing/counter';

describe('a search interner', () => {
  it('gives equal texts one id, and a part the id of its text, made once', () => {
    const parts = new Interner();
    let made = 0;
    const text = (p: { readonly name: string }) => (made++, p.name);
    const a = { name: 'a' };
    expect(parts.idOf(a, text)).toBe(0);
    expect(parts.idOf({ name: 'b' }, text)).toBe(1);
    expect(parts.idOf({ name: 'a' }, text)).toBe(0);
    expect(parts.idOf(a, text)).toBe(0);
    expect(made).toBe(3);
  });

  it('ignores the id an earlier search left on a part, and keeps the part as it was', () => {
    const part = { name: 'shared' };
    const first = new Interner();
    first.intern('something else');
    expect(first.idOf(part, (p) => p.name)).toBe(1);
    const second = new Interner();
    expect(second.held(part)).toBe(-1);
    expect(second.idOf(part, (p) => p.name)).toBe(0);
    expect(Object.keys(part)).toEqual(['name']);
    expect(JSON.stringify(part)).toBe('{"name":"shared"}');
  });

  it('gives a frozen part an id too', () => {
    const parts = new Interner();
    const frozen = Object.freeze({ name: 'x' });
    expect(parts.idOf(frozen, (p) => p.name)).toBe(0);
    expect(parts.held(frozen)).toBe(0);
  });

  it('lets a second search of the same worlds count what the first counted, though their parts carry its ids', () => {
    // Both searches meet the very same start world and its parts; the second must not read the
    // first one's ids as its own, or it would merge states that differ.
    const system = counterSystem('correct');
    const search = () => checkWorld(system, 1, { maxDepth: 14, budget: { crashes: 1, losses: 1 }, prefix: [{ type: 'client', node: 0, op: 'inc' }] });
    const first = search();
    checkWorld(pingSystem(), 1, { maxDepth: 10, budget: { losses: 1 } });
    expect(search()).toEqual(first);
  });
});
