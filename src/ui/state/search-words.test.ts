import { describe, expect, it } from 'vitest';
import { outcomeText, progressText, type OutcomeContext } from './search-words';
import { pageStateCap } from './violation-search.svelte';

const any: OutcomeContext = { target: { rule: null, kind: 'invariant' }, fromStep: 0, maxStates: 1_000_000, maxSteps: 11, seconds: 2.04 };
const condition: OutcomeContext = { ...any, target: { rule: 'blocked-in-doubt', kind: 'condition' } };

describe('what the Find a violation panel says', () => {
  it('tells progress as states, depth of the bound and rate, with thousands separated', () => {
    expect(progressText({ states: 0, steps: 0, maxSteps: 11, statesPerSecond: 0 })).toBe('Searching…');
    expect(progressText({ states: 120_000, steps: 7, maxSteps: 11, statesPerSecond: 85_321 })).toBe('Searching: 120,000 states, depth 7 of 11, 85,321 states a second');
  });

  it('says where a rule breaks, after how many steps from where the search started', () => {
    const outcome = { kind: 'found', rule: 'atomicity', message: 'P1 committed while P2 aborted', choices: new Array(9).fill({ type: 'heal' }), states: 28_518 } as const;
    expect(outcomeText(outcome, any)).toBe(
      'Found: atomicity breaks after 9 steps from the start: P1 committed while P2 aborted. The run is open as a new branch, at step 9, where it breaks (28,518 states searched in 2.0 s).',
    );
    expect(outcomeText(outcome, { ...condition, fromStep: 6 })).toMatch(/^Found: atomicity holds after 3 steps from step 6: .* at step 9, where it begins/);
  });

  it('says nothing breaks within the bounds, or at any depth, or that the cap stopped it', () => {
    const none = (stopped: 'bounds' | 'everything' | 'cap') => ({ kind: 'none', states: 277_480, steps: 11, stopped, reason: null }) as const;
    expect(outcomeText(none('bounds'), any)).toBe('No violation within these bounds: 277,480 states, depth 11 (2.0 s).');
    expect(outcomeText(none('bounds'), condition)).toMatch(/^No run reaches blocked-in-doubt within these bounds/);
    expect(outcomeText(none('everything'), any)).toMatch(/^No violation at any depth: all 277,480 reachable states searched/);
    expect(outcomeText({ ...none('cap'), steps: 9 }, any)).toBe(
      'The search stopped at its cap of 1,000,000 states, at depth 9 of 11, with nothing found so far. Ask for fewer steps or faults, or use fewer nodes in Setup, to search the whole bounds.',
    );
  });

  it('says when the search followed the clock, and how late messages could be', () => {
    const none = { kind: 'none', states: 25_880, steps: 9, stopped: 'bounds', reason: null } as const;
    expect(outcomeText(none, { ...condition, timing: { maxDelay: 20 } })).toBe(
      'No run reaches blocked-in-doubt, following the clock with messages at most 20 ticks late, within these bounds: 25,880 states, depth 9 (2.0 s).',
    );
    const found = { kind: 'found', rule: 'zombie', message: 'C1 was removed', choices: [{ type: 'heal' }], states: 3 } as const;
    expect(outcomeText(found, { ...condition, timing: { maxDelay: null } })).toMatch(/^Found, following the clock: zombie holds after 1 step from the start/);
  });

  it('says when the frame searched from already breaks the rule', () => {
    const already = { kind: 'already', rule: 'atomicity', message: 'P1 committed while P2 aborted' } as const;
    expect(outcomeText(already, { ...any, fromStep: 12 })).toBe(
      'atomicity is already broken at the frame searched from (step 12): P1 committed while P2 aborted. Search from the start, or from an earlier step.',
    );
  });

  it('keeps fewer states on a device with little memory', () => {
    expect(pageStateCap(undefined)).toBe(1_000_000);
    expect(pageStateCap(8)).toBe(1_000_000);
    expect(pageStateCap(2)).toBe(250_000);
  });
});
