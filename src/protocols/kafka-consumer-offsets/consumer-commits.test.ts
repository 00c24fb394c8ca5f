import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, playScenario, runUntil, type ScenarioStep } from '../kit';
import { formGroupAlone, produce } from './scenario-steps';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// What a consumer commits, and which timers it keeps while it holds a batch or rejoins.

const { play, told } = machineRuns(kafka, 'consumer-commits');
const C1 = 2;
const timersOf = (world: World, node: number) => world.timers.filter((t) => t.node === node).map((t) => t.name).sort();
const aheadOf = (steps: readonly ScenarioStep[]) =>
  told(playScenario(kafka, { id: 'ahead', title: 'ahead', summary: '', variant: 'auto-commit-ahead', config: { commit: 'auto', partitions: 1 }, steps }).world);

describe('a Kafka consumer committing', () => {
  it('commits only the partitions that moved, also when it owns three and the last commit named one', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('COMMITTED', 'broker', 'C1'), ...produce(), runUntil('COMMIT', 'C1', 'broker')], { partitions: 3 });
    expect(sentBy(world, C1, 'COMMIT').map((b) => b['offsets'])).toEqual([[[0, 1]], [[1, 1]]]);
  });

  it('holding a batch, waits only for its processing timer, with no poll left to retry', () => {
    // Its first poll finds nothing; the next one finds r1.
    const world = play([...formGroupAlone, ...produce(), runUntil('RECORDS', 'broker', 'C1'), { do: 'fire', node: 'C1', timer: 'poll' }, deliver('FETCH', 'C1', 'broker'), deliver('RECORDS', 'broker', 'C1')]);
    expect(nodeIn(world, C1, 'polled')).toBe(true);
    expect(timersOf(world, C1)).toEqual(['heartbeat', 'process']);
  });

  it('with auto-commit, stops its auto-commit timer when it rejoins the group', () => {
    const world = play([...formGroupAlone, { do: 'fire', node: 'broker', timer: 'session.C1' }, runUntil('JOIN', 'C1', 'broker')], { commit: 'auto' });
    expect(nodeIn(world, C1, 'joining')).toBe(true);
    expect(timersOf(world, C1)).toEqual(['retry']);
  });
});

describe('the auto-commit-ahead consumer (broken)', () => {
  it('says that the one record it holds is not processed yet when it commits its position', () => {
    const lines = aheadOf([...formGroupAlone, ...produce(), runUntil('RECORDS', 'broker', 'C1'), { do: 'fire', node: 'C1', timer: 'auto-commit' }]);
    expect(lines).toContain('C1 auto-commits its position p0=1, although r1 is not processed yet');
  });

  it('holding nothing, commits its position with no excuse', () => {
    const lines = aheadOf([...formGroupAlone, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1'), { do: 'fire', node: 'C1', timer: 'auto-commit' }]);
    expect(lines.split('\n').filter((line) => line.startsWith('C1 auto-commits')).at(-1)).toBe('C1 auto-commits its position p0=1.');
  });
});
