import { describe, expect, it } from 'vitest';
import { createWorld, ObservationList, type Json, type Observation, type World } from '../../engine';
import { paxos } from './index';
import { conditions, invariants } from './rules';

/** An observation whose value counts how often it is read. */
function counted(reads: { count: number }, node: number, value: Json): Observation {
  return {
    step: 0,
    tick: 0,
    node,
    get value() {
      reads.count++;
      return value;
    },
  };
}

describe('Paxos rules on a long run', () => {
  it('read each new observation a bounded number of times, so a step costs the same at step 100 and at step 100,000', () => {
    const start = createWorld(paxos.build(paxos.defaults(), 'correct'), 1);
    const reads = { count: 0 };
    let world: World = start;
    const observations = 2_000;
    for (let i = 0; i < observations; i++) {
      // What 100% loss gives: the two proposers start ballot after ballot and nothing is accepted.
      const next = world.observations.append(counted(reads, i % 2, { ballot: `${i + 1}.${(i % 2) + 1}` }));
      world = { ...world, step: i + 1, observations: next };
      for (const rule of [...invariants, ...conditions]) rule.check(world);
    }
    expect(reads.count).toBeLessThanOrEqual(observations * 4);
    expect(conditions[0]!.check(world)?.message).toBe(`P1 and P2 have started ${observations} ballots between them and none has chosen a value yet`);
  });

  it('still name two chosen values whichever order the acceptances come in', () => {
    const start = createWorld(paxos.build(paxos.defaults(), 'minority-quorum'), 1);
    const accepted = (node: number, value: string, ballot: string): Observation => ({ step: 0, tick: 0, node, value: { accepted: value, ballot } });
    const list = ObservationList.from([
      { step: 0, tick: 0, node: 1, value: { proposed: 'B' } },
      accepted(3, 'B', '1.2'),
      accepted(4, 'B', '1.2'),
      { step: 0, tick: 0, node: 0, value: { proposed: 'A' } },
      accepted(2, 'A', '1.1'),
      accepted(3, 'A', '1.1'),
    ]);
    const breach = invariants[0]!.check({ ...start, observations: list });
    expect(breach?.message).toBe('A was chosen in ballot (1,P1) by A1 and A2, and B in ballot (1,P2) by A2 and A3');
    expect(breach?.nodes).toEqual([2, 3, 4]);
  });
});
