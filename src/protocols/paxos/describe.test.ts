import { describe, expect, it } from 'vitest';
import { playScenario, type StatechartDescription } from '../kit';
import { paxos } from './index';

const scenario = (id: string) => paxos.scenarios.find((s) => s.id === id)!;
const rows = (fields: readonly { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));
const upTo = (id: string, steps: number) => playScenario(paxos, { ...scenario(id), steps: scenario(id).steps.slice(0, steps) }).world;
const chart = (role: string): StatechartDescription => paxos.roles.find((r) => r.role === role)!.statechart;

describe('Paxos node descriptions', () => {
  it('show an acceptor’s promise, acceptance and log in plain words', () => {
    const world = playScenario(paxos, scenario('chosen-no-failures')).world;
    const a1 = paxos.describe(world, 2);
    expect(a1).toMatchObject({ name: 'A1', role: 'acceptor', label: 'accepted', status: 'done' });
    expect(rows(a1.fields)).toEqual({
      state: 'has accepted a value',
      promised: 'ballot (1,P1): it refuses anything lower',
      accepted: 'A in ballot (1,P1)',
      log: 'promised = (1,P1), accepted = (1,P1), value = A',
    });
    expect(rows(paxos.describe(world, 1).fields)).toMatchObject({ learned: 'A is chosen', 'own value': 'B', state: 'knows the chosen value' });
  });

  it('draw on each proposer who promised its ballot, and mark one that went on without a majority', () => {
    const world = playScenario(paxos, scenario('minority-quorum-two-values')).world;
    const facts = (node: number) => Object.fromEntries(paxos.describe(world, node).facts.map((f) => [f.name, f.kind === 'value' ? f.value : '']));
    // The minority-quorum variant lets both proposers go on after one promise.
    expect([facts(0)['promises'], facts(1)['promises']]).toEqual(['A1 (1 of 3), no majority', 'A3 (1 of 3), no majority']);
    const correct = playScenario(paxos, scenario('chosen-no-failures')).world;
    expect(paxos.describe(correct, 0).facts.find((f) => f.name === 'promises')).toMatchObject({ value: 'A1 and A2 (2 of 3)' });
    const fresh = playScenario(paxos, { ...scenario('chosen-no-failures'), steps: [] }).world;
    expect(paxos.describe(fresh, 0).facts.map((f) => f.name)).toEqual(['ballot', 'learned']);
  });

  it('show an acceptor’s log on it when the log does not hold its promise or acceptance, which a crash will erase', () => {
    const facts = (world: ReturnType<typeof upTo>, node: number) => paxos.describe(world, node).facts.map((f) => (f.kind === 'value' ? `${f.name}: ${f.value}` : f.name));
    const forgetful = playScenario(paxos, scenario('forgetful-acceptor-two-values')).world;
    expect(facts(forgetful, 2)).toEqual(['promised: (1,P2)', 'accepted: B @ (1,P2)', 'log: empty']);
    const correct = playScenario(paxos, scenario('chosen-no-failures')).world;
    expect(facts(correct, 2)).toEqual(['promised: (1,P1)', 'accepted: A @ (1,P1)']);
  });

  it('show what a proposer in phase 1 is waiting for, and a proposer that backs off', () => {
    const preparing = paxos.describe(upTo('dueling-proposers', 5), 0);
    expect(preparing).toMatchObject({ label: 'proposing.preparing', status: 'working' });
    expect(rows(preparing.fields)).toMatchObject({ state: 'phase 1: 1 of 2 promises needed', ballot: '(1,P1)', 'waiting for': 'promises from A2 and A3' });
    const backingOff = paxos.describe(upTo('dueling-proposers', 14), 0);
    expect(backingOff).toMatchObject({ status: 'blocked' });
    expect(rows(backingOff.fields)['state']).toBe('backing off: a higher ballot cut in');
  });

  it('show a crashed acceptor as down with only its log', () => {
    const world = upTo('minority-crashed', 1);
    expect(paxos.describe(world, 4)).toMatchObject({ label: 'down', status: 'down' });
    expect(rows(paxos.describe(world, 4).fields)).toEqual({ state: 'down: only its log survives', log: 'nothing' });
  });

  it('offer "propose" only to an idle proposer', () => {
    const world = upTo('dueling-proposers', 1);
    expect(world.system.clientOps(world, 0)).toEqual([]);
    expect(world.system.clientOps(world, 1)).toEqual([{ op: 'propose', label: 'Propose its value' }]);
    expect(world.system.clientOps(world, 2)).toEqual([]);
  });

  it('describe every message in the protocol’s own words, its payload first', () => {
    const ballot = { round: 2, proposer: 1 };
    expect(paxos.describeMessage({ type: 'PREPARE', ballot })).toBe('PREPARE (2,P1)');
    expect(paxos.describeMessage({ type: 'PROMISE', ballot, accepted: null, value: null })).toBe('PROMISE (2,P1), none accepted');
    expect(paxos.describeMessage({ type: 'PROMISE', ballot, accepted: { round: 1, proposer: 2 }, value: 'B' })).toBe(
      'PROMISE (2,P1), had B @(1,P2)',
    );
    expect(paxos.describeMessage({ type: 'NACK', ballot, promised: { round: 3, proposer: 2 } })).toBe('NACK (2,P1): promised (3,P2)');
    expect(paxos.describeMessage({ type: 'ACCEPT', ballot, value: 'A' })).toBe('ACCEPT A @(2,P1)');
    expect(paxos.describeMessage({ type: 'ACCEPTED', ballot, value: 'A' })).toBe('ACCEPTED A @(2,P1)');
  });

  it('draw the statecharts from the machines, with the guards the broken variants replace', () => {
    const lines = (c: StatechartDescription) => c.transitions.map((t) => `${t.source} --${t.event}${t.guard === null ? '' : ` [${t.guard}]`}--> ${t.target ?? '(stays)'}`);
    expect(chart('proposer').states.map((s) => s.id)).toEqual([
      'start',
      'idle',
      'proposing',
      'proposing.preparing',
      'proposing.accepting',
      'proposing.backoff',
      'learned',
    ]);
    expect(lines(chart('proposer'))).toContain('proposing.preparing --always [promiseQuorum]--> proposing.accepting');
    expect(lines(chart('acceptor'))).toContain('promised --ACCEPT [notBelowPromise]--> accepted');
  });
});

describe('Paxos configuration', () => {
  it('defaults to two proposers, three acceptors and no randomized backoff', () => {
    expect(paxos.defaults()).toMatchObject({ proposers: 2, acceptors: 3, retryTicks: 80, randomizedBackoff: false });
    const system = paxos.build({ ...paxos.defaults(), proposers: 3, acceptors: 5 }, 'correct');
    expect(system.nodes.map((n) => n.name)).toEqual(['P1', 'P2', 'P3', 'A1', 'A2', 'A3', 'A4', 'A5']);
  });

  it('says what is wrong with a bad count', () => {
    const result = paxos.validate({ proposers: 4, acceptors: 2 });
    expect(result).toEqual({ ok: false, problems: ['proposers: 1 to 3 proposers, got 4', 'acceptors: 3 to 7 acceptors, got 2'] });
  });
});
