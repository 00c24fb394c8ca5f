import { describe, expect, it } from 'vitest';
import { emptyWorld, ObservationList, type Observation, type World } from '../../engine';
import { pingSystem } from '../../engine/testing/ping';
import { observed, observationsOf, onObservations } from './world-query';

const worldWith = (observations: Observation[]): World => ({ ...emptyWorld(pingSystem(), 1), observations: ObservationList.from(observations) });
const seen = (node: number, value: Observation['value']): Observation => ({ step: 0, tick: 0, node, value });

describe('reading observations', () => {
  it('finds a field value a node observed, in short and in long lists alike', () => {
    const short = worldWith([seen(1, { vote: 'yes' }), seen(2, { outcome: 'abort' }), seen(1, 'plain')]);
    expect(observed(short, 1, 'vote', 'yes')).toBe(true);
    expect(observed(short, 2, 'vote', 'yes')).toBe(false);
    expect(observed(short, 2, 'outcome', 'abort')).toBe(true);
    const long = worldWith([...Array.from({ length: 100 }, (_, i) => seen(3, { n: i })), seen(1, { vote: 'no' })]);
    expect(observed(long, 1, 'vote', 'no')).toBe(true);
    expect(observed(long, 3, 'n', 99)).toBe(true);
    expect(observed(long, 3, 'n', 100)).toBe(false);
    expect(observationsOf(long, 1)).toEqual([{ vote: 'no' }]);
  });

  it('re-evaluates a rule only when something new was observed', () => {
    let calls = 0;
    const check = onObservations((w) => {
      calls++;
      return w.observations.length;
    });
    const one = worldWith([seen(1, 1)]);
    expect(check(one)).toBe(1);
    expect(check({ ...one })).toBe(1);
    expect(calls).toBe(1);
    expect(check({ ...one, observations: one.observations.append(seen(1, 2)) })).toBe(2);
    expect(calls).toBe(2);
  });
});
