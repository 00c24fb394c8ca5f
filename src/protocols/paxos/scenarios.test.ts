import { describe, expect, it } from 'vitest';
import { traceToArray } from '../../engine';
import { playScenario } from '../kit';
import { eachScenario } from '../kit/testing/scenario-runs';
import { paxos } from './index';

/** The value every proposer learned by the end of a correct scenario. */
const expectedLearned: Record<string, string> = {
  'chosen-no-failures': 'A',
  'minority-crashed': 'B',
  'proposer-crash-after-phase-1': 'A',
  'lost-accept-retry': 'A',
};

const scenario = (id: string) => paxos.scenarios.find((s) => s.id === id)!;

describe('Paxos scenarios', () => {
  it('include the required stories, and a failing run for every broken variant', () => {
    const ids = paxos.scenarios.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([...Object.keys(expectedLearned), 'dueling-proposers']));
    for (const variant of paxos.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
      expect(paxos.scenarios.some((s) => s.variant === variant)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  eachScenario(paxos, (s, played) => {
    if ((s.variant ?? 'correct') === 'correct') {
      it('keeps every invariant', () => {
        expect(played.world.violations).toEqual([]);
      });
    } else {
      it('ends with two values chosen: a violation of agreement', () => {
        expect(played.world.violations.map((v) => v.rule)).toContain('agreement');
      });
    }
  });

  for (const [id, value] of Object.entries(expectedLearned))
    it(`${id} ends with every live proposer knowing that ${value} is chosen`, () => {
      const { world } = playScenario(paxos, scenario(id));
      const proposers = [0, 1].filter((p) => world.nodes[p]!.up);
      expect(proposers.length).toBeGreaterThan(0);
      for (const p of proposers) expect(world.nodes[p]!.persisted['learned']).toBe(value);
    });

  it('a proposer that takes over proposes the value already accepted, not its own', () => {
    const { world } = playScenario(paxos, scenario('proposer-crash-after-phase-1'));
    const accepts = traceToArray(world.trace).filter((e) => e.type === 'send' && e.envelope.body.type === 'ACCEPT' && e.envelope.from === 1);
    expect(accepts.length).toBeGreaterThan(0);
    for (const e of accepts) if (e.type === 'send') expect(e.envelope.body['value']).toBe('A');
  });

  it('shows the dueling-proposers condition while ballots rise and nothing is chosen', () => {
    const { world } = playScenario(paxos, scenario('dueling-proposers'));
    expect(world.violations).toEqual([]);
    expect(world.conditions['dueling-proposers']).toMatchObject({ nodes: [0, 1] });
    expect(world.conditions['dueling-proposers']!.message).toBe('P1 and P2 have started 4 ballots between them and none has chosen a value yet');
    expect(world.observations.toArray().some((o) => typeof o.value === 'object' && o.value !== null && 'accepted' in o.value)).toBe(false);
  });
});
