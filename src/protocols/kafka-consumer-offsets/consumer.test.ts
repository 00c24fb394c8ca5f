import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, runUntil } from '../kit';
import { formGroup, formGroupAlone, produce } from './scenario-steps';
import { zombieSteps } from './scenarios-zombie';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// A consumer's rules the guided runs do not reach: auto-commit, retried and empty polls, and an
// at-most-once zombie whose commit is refused.

const { play, told } = machineRuns(kafka, 'consumer');
const C1 = 2;
const C2 = 3;
const timersOf = (world: World, node: number) => world.timers.filter((t) => t.node === node).map((t) => `${t.name} for ${t.dueTick - t.setTick}`).sort();

describe('a Kafka consumer', () => {
  it('with auto-commit, commits what it has processed when its auto-commit timer fires, and keeps the timer running', () => {
    const config = { commit: 'auto', partitions: 1 };
    const processed = play([...formGroup, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1')], config);
    expect(timersOf(processed, C1)).toContain('auto-commit for 50');
    expect(timersOf(processed, C2).filter((t) => t.startsWith('auto-commit'))).toEqual([]);
    expect(sentBy(processed, C1, 'COMMIT')).toEqual([]);
    const world = play([...formGroup, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1'), { do: 'fire', node: 'C1', timer: 'auto-commit' }], config);
    expect(sentBy(world, C1, 'COMMIT')).toEqual([{ type: 'COMMIT', member: 'C1', generation: 1, offsets: [[0, 1]] }]);
    expect(told(world)).toContain('C1 auto-commits p0=1: what it has processed');
    expect(timersOf(world, C1)).toContain('auto-commit for 50');
    const again = play([...formGroup, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1'), { do: 'fire', node: 'C1', timer: 'auto-commit' }, runUntil('COMMITTED', 'broker', 'C1'), { do: 'fire', node: 'C1', timer: 'auto-commit' }], config);
    expect(sentBy(again, C1, 'COMMIT')).toHaveLength(1);
  });

  it('asks again when its poll gets no answer in time', () => {
    const world = play([...formGroup, { do: 'drop', message: { type: 'FETCH', from: 'C1' } }, { do: 'fire', node: 'C1', timer: 'retry' }]);
    expect(sentBy(world, C1, 'FETCH')).toEqual([
      { type: 'FETCH', positions: [[0, 0]], max: 2 },
      { type: 'FETCH', positions: [[0, 0]], max: 2 },
    ]);
  });

  it('as a follower whose ASSIGNED was lost, asks for its partitions again and gets them', () => {
    const lost = play([...formGroup.slice(0, 4), { do: 'drop', message: { type: 'ASSIGNED', to: 'C2' } }]);
    expect(nodeIn(lost, C2, 'awaiting')).toBe(true);
    expect(timersOf(lost, C2)).toEqual(['heartbeat for 30', 'retry for 64']);
    const world = play([...formGroup.slice(0, 4), { do: 'drop', message: { type: 'ASSIGNED', to: 'C2' } }, { do: 'fire', node: 'C2', timer: 'retry' }, deliver('SYNC', 'C2', 'broker'), deliver('ASSIGNED', 'broker', 'C2')]);
    expect(told(world)).toContain('C2 has not heard its partitions of generation 1: it asks the coordinator again');
    expect(sentBy(world, C2, 'SYNC')).toEqual([{ type: 'SYNC', member: 'C2', generation: 1, assignment: [] }]);
    expect(sentBy(world, C2, 'FETCH')).toEqual([{ type: 'FETCH', positions: [[1, 0]], max: 2 }]);
  });

  it('finding nothing new, stops waiting and polls again after a while', () => {
    const world = play([...formGroup, runUntil('RECORDS', 'broker', 'C1')]);
    expect(nodeIn(world, C1, 'idle')).toBe(true);
    expect(timersOf(world, C1)).toEqual(['heartbeat for 30', 'poll for 40']);
  });

  it('at most once, a zombie whose commit is refused drops its batch unprocessed and rejoins', () => {
    const world = play([...zombieSteps(runUntil('COMMIT', 'C2', 'broker')), runUntil('COMMIT_FAILED', 'broker', 'C1')], { semantics: 'at-most-once' });
    expect(told(world)).toContain('C1 drops r1 without processing them and will rejoin the group');
    expect(nodeIn(world, C1, 'joining')).toBe(true);
    expect(sentBy(world, C1, 'OUTPUT')).toEqual([]);
  });

  it('commits only the offsets that moved since its last confirmed commit', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('COMMITTED', 'broker', 'C1'), ...produce(), runUntil('COMMIT', 'C1', 'broker')]);
    expect(sentBy(world, C1, 'COMMIT').map((b) => b['offsets'])).toEqual([[[0, 1]], [[1, 1]]]);
    expect(told(world)).toContain('C1 commits p1=1: the records it processed');
  });
});
