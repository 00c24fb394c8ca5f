import { describe, expect, it } from 'vitest';
import { playScenario, type StatechartDescription } from '../kit';
import { twoPhaseCommit } from './index';

const chart = (role: string): StatechartDescription => twoPhaseCommit.roles.find((r) => r.role === role)!.statechart;

const lines = (c: StatechartDescription) =>
  c.transitions.map((t) => `${t.source} --${t.event}${t.guard === null ? '' : ` [${t.guard}]`}--> ${t.target ?? '(stays)'}`);

describe('the two-phase commit statecharts, read from the machines', () => {
  it('list the coordinator states with dotted ids for nested ones and the initial states marked', () => {
    const c = chart('coordinator');
    expect(c.id).toBe('coordinator');
    expect(c.states.map((s) => s.id)).toEqual(['start', 'idle', 'preparing', 'decided', 'decided.commit', 'decided.abort', 'finished']);
    expect(c.states.filter((s) => s.initial).map((s) => s.id)).toEqual(['start', 'decided.commit']);
    expect(c.states.find((s) => s.id === 'decided.abort')).toMatchObject({ label: 'abort', parent: 'decided', final: false });
  });

  it('show the coordinator transitions with plain event names, the vote timeout and guard names', () => {
    expect(lines(chart('coordinator'))).toEqual([
      'start --always [freshStart]--> idle',
      'start --always [logShowsEnd]--> finished',
      'start --always [logShowsCommit]--> decided.commit',
      'start --always [logShowsAbort]--> decided.abort',
      'start --always [logShowsStart]--> decided.abort',
      'start --always--> idle',
      'idle --begin--> preparing',
      'idle --QUERY--> (stays)',
      'preparing --VOTE [votedNo]--> decided.abort',
      'preparing --VOTE--> (stays)',
      'preparing --QUERY--> (stays)',
      'preparing --after vote timeout--> decided.abort',
      'preparing --always [allVotedYes]--> decided.commit',
      'decided --ACK--> (stays)',
      'decided --resend--> (stays)',
      'decided --QUERY--> (stays)',
      'decided --always [allAcked]--> finished',
      'finished --QUERY--> (stays)',
    ]);
  });

  it('show the participant waiting in doubt, and the guarded give-up that only the impatient variant takes', () => {
    const c = chart('participant');
    expect(c.states.map((s) => s.id)).toEqual(['start', 'working', 'prepared', 'committed', 'aborted']);
    expect(lines(c)).toContain('prepared --query [impatient]--> aborted');
    expect(lines(c)).toContain('prepared --query--> (stays)');
    expect(lines(c)).toContain('start --always [logShowsYesVote]--> prepared');
    expect(lines(c)).toContain('working --PREPARE [willVoteNo]--> aborted');
  });

  it('lights the active states of a running node, parents first, and none while it is down', () => {
    const scenario = twoPhaseCommit.scenarios.find((s) => s.id === 'coordinator-crash-after-commit-logged')!;
    const decided = playScenario(twoPhaseCommit, { ...scenario, steps: scenario.steps.slice(0, 5) }).world;
    expect(twoPhaseCommit.activeStates(decided, 0)).toEqual(['decided', 'decided.commit']);
    expect(twoPhaseCommit.activeStates(decided, 1)).toEqual(['prepared']);
    const crashed = playScenario(twoPhaseCommit, { ...scenario, steps: scenario.steps.slice(0, 6) }).world;
    expect(twoPhaseCommit.activeStates(crashed, 0)).toEqual([]);
  });
});
