import { describe, expect, it } from 'vitest';
import { checkWorld, replay } from '../../engine';
import { checkingStart, crashableNodes } from '../kit';
import { cacheWriteStrategies as protocol } from './index';

// The checker's own defaults (index.ts): two servers, one key, the search starting with App1's
// write and App2's read of x both begun, at most one crash of the cache or the database and one
// lost message. `fault-lines check` runs the same searches.
const { maxDepth, budget } = protocol.checking;

function search(variant: string, overrides: { readonly [key: string]: string | boolean } = {}, depth = maxDepth) {
  const checked = protocol.validate({ ...protocol.checking.config, ...overrides }, variant);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const system = protocol.build(checked.config, variant);
  const crashable = crashableNodes(protocol, system)!;
  const result = checkWorld(system, 1, { maxDepth: depth, budget, crashable, prefix: checkingStart(protocol, variant, checked.config) });
  return { system, result };
}

describe('the checker on cache write strategies', () => {
  // One level short of the default depth keeps the suite quick; the full default searches are
  // figures of `npm run bench`, and the README gives their sizes.
  const strategies: { readonly [key: string]: string | boolean }[] = [{ strategy: 'write-through' }, { strategy: 'write-through', sequential: true }, { strategy: 'write-around', readThrough: true }, { strategy: 'write-back' }];
  for (const overrides of strategies)
    it(`finds no violation of the correct protocol with ${JSON.stringify(overrides)}`, () => {
      expect(search('correct', overrides, maxDepth - 1).result).toMatchObject({ kind: 'none', depth: maxDepth - 1 });
    });

  const caught: Record<string, { rule: string; message: RegExp }> = {
    'unguarded-fill': { rule: 'coherent-when-quiet', message: /^everything has settled, yet the cache holds x=x0 v0 while the database has x=a1 v1$/ },
    'volatile-write-back': { rule: 'acknowledged-write-durable', message: /^App1 was told that x=a1 \(v1\) is written, but no copy is left/ },
    'invalidate-then-write': { rule: 'coherent-when-quiet', message: /the cache holds x=x0 v0 while the database has x=a1 v1$/ },
    'parallel-write-partial-failure': { rule: 'coherent-when-quiet', message: /the cache holds x=\w+ \w+ while the database has x=\w+ v\d$/ },
  };

  for (const [variant, expected] of Object.entries(caught))
    it(`finds a short, replayable run of ${variant} that breaks ${expected.rule}`, () => {
      const { system, result } = search(variant);
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe(expected.rule);
      expect(result.message).toMatch(expected.message);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations[0]?.rule).toBe(expected.rule);
    });

  it('runs each strategy’s bug under that strategy, whatever the config asks, and an unguarded fill under any', () => {
    const strategy = (variant: string, asked: string) => {
      const checked = protocol.validate({ strategy: asked }, variant);
      return checked.ok ? checked.config['strategy'] : checked.problems;
    };
    expect(strategy('volatile-write-back', 'write-through')).toBe('write-back');
    expect(strategy('invalidate-then-write', 'write-back')).toBe('write-around');
    expect(strategy('parallel-write-partial-failure', 'write-around')).toBe('write-through');
    expect(strategy('unguarded-fill', 'write-back')).toBe('write-back');
  });

  it('catches an unguarded fill under every strategy', () => {
    for (const overrides of [{ strategy: 'write-through' }, { strategy: 'write-around' }, { strategy: 'write-back' }])
      expect(search('unguarded-fill', overrides).result.kind, JSON.stringify(overrides)).toBe('violation');
  });

  it('starts from App1’s write alone when there is only one server', () => {
    const config = protocol.validate({ apps: 1 });
    if (!config.ok) throw new Error(config.problems.join('; '));
    expect(checkingStart(protocol, 'correct', config.config)).toEqual([{ type: 'client', node: 0, op: 'write x' }]);
  });
});
