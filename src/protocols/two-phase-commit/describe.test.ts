import { describe, expect, it } from 'vitest';
import { apply } from '../../engine';
import { playScenario } from '../kit';
import { twoPhaseCommit } from './index';

const scenario = (id: string) => twoPhaseCommit.scenarios.find((s) => s.id === id)!;
const rows = (fields: readonly { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));

describe('two-phase commit node descriptions', () => {
  it('show a prepared participant as blocked while the coordinator is down, with its log', () => {
    const s = scenario('coordinator-crash-after-prepare');
    const { world } = playScenario(twoPhaseCommit, { ...s, steps: s.steps.slice(0, 5) });
    const p1 = twoPhaseCommit.describe(world, 1);
    expect(p1).toMatchObject({ name: 'P1', role: 'participant', label: 'prepared', status: 'blocked' });
    expect(rows(p1.fields)).toEqual({
      state: 'prepared and blocked: in doubt, cannot reach the coordinator',
      vote: 'YES',
      outcome: 'unknown',
      'waiting for': 'the coordinator to come back',
      log: 'vote = yes',
    });
    const coordinator = twoPhaseCommit.describe(world, 0);
    expect(coordinator).toMatchObject({ label: 'down', status: 'down' });
    expect(rows(coordinator.fields)).toEqual({ state: 'down: only its log survives', log: 'started = true' });
  });

  it('show what the coordinator is waiting for while it collects votes', () => {
    const s = scenario('lost-vote-timeout');
    const { world } = playScenario(twoPhaseCommit, { ...s, steps: s.steps.slice(0, 6) });
    const coordinator = twoPhaseCommit.describe(world, 0);
    expect(coordinator).toMatchObject({ label: 'preparing', status: 'waiting' });
    expect(rows(coordinator.fields)).toMatchObject({
      state: 'collecting votes',
      votes: 'P1 yes, P2 –, P3 yes',
      decision: 'none yet',
      'waiting for': 'votes from P2',
    });
  });

  it('show a participant that will vote NO, and offer vote-no only before it has voted', () => {
    const s = scenario('one-no-vote');
    const { world } = playScenario(twoPhaseCommit, { ...s, steps: s.steps.slice(0, 1) });
    expect(rows(twoPhaseCommit.describe(world, 2).fields)['vote']).toBe('not yet (will vote NO)');
    expect(world.system.clientOps(world, 2)).toEqual([]);
    expect(world.system.clientOps(world, 1)).toEqual([{ op: 'vote-no', label: 'Vote NO when asked' }]);
    expect(world.system.clientOps(world, 0)).toEqual([{ op: 'begin', label: 'Begin a transaction' }]);
    const begun = apply(world, { type: 'client', node: 0, op: 'begin' });
    expect(begun.system.clientOps(begun, 0)).toEqual([]);
  });

  it('show the finished outcome on every node', () => {
    const { world } = playScenario(twoPhaseCommit, scenario('happy-commit'));
    expect(twoPhaseCommit.describe(world, 0)).toMatchObject({ label: 'finished', status: 'done' });
    expect(rows(twoPhaseCommit.describe(world, 0).fields)['log']).toBe('started = true, decision = commit, ended = true');
    expect(twoPhaseCommit.describe(world, 3)).toMatchObject({ label: 'committed', status: 'done' });
  });

  it('describe every message in the protocol’s own words', () => {
    expect(twoPhaseCommit.describeMessage({ type: 'VOTE', vote: 'yes' })).toBe('VOTE yes');
    expect(twoPhaseCommit.describeMessage({ type: 'ACK', outcome: 'abort' })).toBe('ACK abort');
    expect(twoPhaseCommit.describeMessage({ type: 'PREPARE' })).toBe('PREPARE');
    expect(twoPhaseCommit.describeMessage({ type: 'QUERY' })).toBe('QUERY');
  });
});
