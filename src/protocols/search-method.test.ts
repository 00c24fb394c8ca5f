// The checker's fast way of searching (search steps that keep no trace, and sleep sets that skip
// the orders of commuting choices) must find exactly what the plain way finds: the same number of
// distinct states, the same depth, and the same shortest run breaking the same rule. Checked on
// every protocol and every variant, with each kind of fault allowed, with the protocol's own
// default check (which finds each broken variant's bug), and for conditions as targets.
import { describe, expect, it } from 'vitest';
import { checkWorld, faultBudget, type WorldCheckOptions } from '../engine';
import { checkingBoundsOf, checkingStart } from './kit';
import type { Protocol } from './kit/types';
import { protocols } from './registry';

/** Depths that keep a search with one fault of every kind to a second or two. */
const everyFaultDepth: Record<string, number> = { 'two-phase-commit': 7, paxos: 6, 'quorum-replication': 5 };

function searchBoth(protocol: Protocol, variant: string, options: Omit<WorldCheckOptions, 'prefix'>) {
  const checked = protocol.validate(protocol.checking.config, variant);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const system = protocol.build(checked.config, variant);
  const prefix = checkingStart(protocol, variant, checked.config);
  const plain = checkWorld(system, 1, { ...options, prefix, method: { fullSteps: true, sleepSets: false } });
  const fast = checkWorld(system, 1, { ...options, prefix });
  return { plain, fast };
}

// The largest searches in the suite: on a shared machine they take minutes, not seconds.
describe('the fast search finds what the plain search finds', { timeout: 180_000 }, () => {
  for (const protocol of protocols)
    for (const variant of protocol.variants) {
      it(`on ${protocol.id}, variant ${variant.id}, one fault of every kind: the same states and depth`, () => {
        const maxDepth = everyFaultDepth[protocol.id] ?? 6;
        const { plain, fast } = searchBoth(protocol, variant.id, { maxDepth, budget: faultBudget({}, 1) });
        expect(fast).toEqual(plain);
        // A search that finds nothing must have been a large one; a bug found early ends it small.
        if (plain.kind === 'none') expect(plain.distinctStates).toBeGreaterThan(1000);
      });

      // The default check of a correct variant is the largest search of all (it finds nothing, so
      // it goes to the bound); the test above already covers the correct variants.
      if (variant.id !== 'correct')
        it(`on ${protocol.id}, variant ${variant.id}, the default check: the same shortest run to the same bug`, () => {
          const { maxDepth, budget } = checkingBoundsOf(protocol, variant.id);
          const { plain, fast } = searchBoth(protocol, variant.id, { maxDepth, budget });
          expect(fast).toEqual(plain);
          expect(plain.kind).toBe('violation');
        });
    }

  for (const protocol of protocols)
    for (const condition of protocol.conditions)
      it(`on ${protocol.id}, looking for the condition ${condition.id}: the same run to it`, () => {
        const maxDepth = everyFaultDepth[protocol.id] ?? 6;
        const { plain, fast } = searchBoth(protocol, 'correct', { maxDepth, budget: faultBudget({}, 1), target: condition.id });
        expect(fast).toEqual(plain);
      });
});
