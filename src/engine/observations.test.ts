import { describe, expect, it } from 'vitest';
import { apply, createWorld, type Choice, type Observation } from './index';
import { ObservationList } from './observations';
import { floodSystem } from './testing/flood';

const seen = (node: number, value: Observation['value']): Observation => ({ step: 0, tick: 0, node, value });
const observe: Choice = { type: 'client', node: 0, op: 'observe' };

describe('the observation list', () => {
  it('a step that observes something keeps the earlier list whole and shares it, instead of copying it', () => {
    const once = apply(createWorld(floodSystem(4), 1), observe);
    const twice = apply(once, observe);
    expect(twice.observations.length).toBe(once.observations.length + 4);
    expect(twice.observations.prefix(once.observations.length)).toBe(once.observations);
    expect(once.observations.toArray()).toHaveLength(4);
  });

  it('is read oldest first, whole or from any point', () => {
    const list = ObservationList.from([seen(0, 'a'), seen(1, 'b'), seen(2, 'c')]);
    expect([...list].map((o) => o.value)).toEqual(['a', 'b', 'c']);
    expect(list.since(1).map((o) => o.value)).toEqual(['b', 'c']);
    expect(list.since(3)).toEqual([]);
    expect(list.prefix(1)?.toArray().map((o) => o.value)).toEqual(['a']);
    expect(list.prefix(4)).toBeNull();
  });

  it('starts empty and separate for every world, so caches keyed by it never mix two runs', () => {
    expect(createWorld(floodSystem(4), 1).observations).not.toBe(createWorld(floodSystem(4), 1).observations);
    expect([...ObservationList.empty()]).toEqual([]);
  });
});
