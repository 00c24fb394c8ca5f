import { describe, expect, it } from 'vitest';
import { checkWorld, faultBudget, replay, type RunSpec } from '../engine';
import { playScenario } from './kit';
import { kafkaConsumerOffsets } from './kafka-consumer-offsets';
import { searchRun, type SearchRequest } from './search-run';
import { twoPhaseCommit } from './two-phase-commit';

const config = { ...twoPhaseCommit.defaults(), participants: 2 };
const run = (variant: string, choices: RunSpec['choices'] = []): RunSpec => ({ protocol: twoPhaseCommit.id, variant, config, seed: 1, choices });
const { budget, maxDepth } = twoPhaseCommit.checking;
const request = (variant: string, change: Partial<SearchRequest> = {}): SearchRequest => ({
  run: run(variant),
  steps: maxDepth - 1,
  budget: faultBudget(budget),
  target: null,
  maxStates: 1_000_000,
  timing: null,
  ...change,
});

describe('a search asked for by the page', () => {
  it('finds the run the CLI finds on no-decision-log: atomicity broken, the same length', () => {
    const outcome = searchRun(twoPhaseCommit, request('no-decision-log'));
    const cli = checkWorld(twoPhaseCommit.build(config, 'no-decision-log'), 1, { maxDepth, budget });
    expect(outcome).toMatchObject({ kind: 'found', rule: 'atomicity' });
    if (outcome.kind !== 'found' || cli.kind !== 'violation') throw new Error('both should find the bug');
    expect(outcome.choices).toEqual(cli.choices);
    expect(outcome.states).toBe(cli.distinctStates);
    expect(replay(twoPhaseCommit.build(config, 'no-decision-log'), 1, outcome.choices).world.violations[0]?.rule).toBe('atomicity');
  });

  it('says nothing breaks on the correct variant within the bounds, with the count of states', () => {
    const outcome = searchRun(twoPhaseCommit, request('correct', { steps: 6 }));
    const cli = checkWorld(twoPhaseCommit.build(config, 'correct'), 1, { maxDepth: 7, budget });
    expect(outcome).toEqual({ kind: 'none', states: cli.distinctStates, steps: 6, stopped: 'bounds', reason: null });
  });

  it('stops at the state cap and says so', () => {
    expect(searchRun(twoPhaseCommit, request('correct', { maxStates: 500 }))).toMatchObject({ kind: 'none', states: 500, stopped: 'cap' });
  });

  it('stops when the page asks, with the page’s words', () => {
    const outcome = searchRun(twoPhaseCommit, request('correct'), ({ states }) => (states >= 10_000 ? 'cancelled' : null));
    expect(outcome).toMatchObject({ kind: 'none', states: 10_000, stopped: 'asked', reason: 'cancelled' });
  });

  it('starts from the frame given, and finds a condition when asked for one', () => {
    const begun = run('correct', [{ type: 'client', node: 0, op: 'begin' }]);
    const outcome = searchRun(twoPhaseCommit, request('correct', { run: begun, target: 'blocked-in-doubt', steps: 4 }));
    expect(outcome).toMatchObject({ kind: 'found', rule: 'blocked-in-doubt' });
    if (outcome.kind === 'found') expect(outcome.choices[0]).toEqual(begun.choices[0]);
  });

  it('says when the frame searched from already breaks the rule', () => {
    const found = searchRun(twoPhaseCommit, request('no-decision-log'));
    if (found.kind !== 'found') throw new Error('expected the bug');
    expect(searchRun(twoPhaseCommit, request('no-decision-log', { run: run('no-decision-log', found.choices) }))).toMatchObject({
      kind: 'already',
      rule: 'atomicity',
    });
  });

  it('refuses bad bounds, unknown rules and runs that do not fit, each with a sentence', () => {
    expect(searchRun(twoPhaseCommit, request('correct', { steps: 0 }))).toEqual({ kind: 'failed', message: 'Steps deep must be a whole number from 1 to 40.' });
    expect(searchRun(twoPhaseCommit, request('correct', { budget: faultBudget({ crashes: 9 }) }))).toEqual({
      kind: 'failed',
      message: 'Crashes must be a whole number from 0 to 5.',
    });
    expect(searchRun(twoPhaseCommit, request('correct', { target: '<img src=x>' }))).toEqual({ kind: 'failed', message: 'Two-phase commit has no rule "<img src=x>".' });
    expect(searchRun(twoPhaseCommit, request('nope'))).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^This run cannot be searched: .*no variant "nope"/) });
    const impossible = run('correct', [{ type: 'deliver', id: 99 }]);
    expect(searchRun(twoPhaseCommit, request('correct', { run: impossible }))).toMatchObject({ kind: 'failed', message: expect.stringMatching(/prefix cannot be replayed/) });
    expect(searchRun(twoPhaseCommit, request('correct', { timing: { maxDelay: -1 } }))).toEqual({
      kind: 'failed',
      message: 'How late a message may be must be a whole number of ticks from 0 to 10,000, or left empty for any time.',
    });
  });

  it('follows the clock when asked: after the Kafka happy path, no zombie without a fault, where any order finds one at once', () => {
    const happy = playScenario(kafkaConsumerOffsets, kafkaConsumerOffsets.scenarios.find((s) => s.id === 'happy-path')!).run;
    const ask = (timing: SearchRequest['timing']) =>
      searchRun(kafkaConsumerOffsets, { run: happy, steps: 9, budget: faultBudget({}), target: 'zombie', maxStates: 1_000_000, timing });
    expect(ask(null)).toMatchObject({ kind: 'found', rule: 'zombie', choices: { length: happy.choices.length + 1 } });
    expect(ask({ maxDelay: 20 })).toMatchObject({ kind: 'none', stopped: 'bounds' });
  });
});
