import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, runUntil } from '../kit';
import { formGroup, formGroupAlone, produce } from './scenario-steps';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// A consumer whose request or answer is lost asks again, as often as it takes; an answer that
// comes too late for what it is doing now changes nothing.

const { play, told } = machineRuns(kafka, 'consumer-retries');
const C1 = 2;
const C2 = 3;
const timersOf = (world: World, node: number) => world.timers.filter((t) => t.node === node).map((t) => t.name).sort();

describe('a Kafka consumer, when a message is lost', () => {
  it('as a follower whose ASSIGNED is lost, keeps a retry timer after asking again, so it asks as often as it takes', () => {
    const world = play([...formGroup.slice(0, 4), { do: 'drop', message: { type: 'ASSIGNED', to: 'C2' } }, { do: 'fire', node: 'C2', timer: 'retry' }, { do: 'drop', message: { type: 'SYNC', from: 'C2' } }]);
    expect(nodeIn(world, C2, 'awaiting')).toBe(true);
    expect(timersOf(world, C2)).toEqual(['heartbeat', 'retry']);
  });

  it('committing synchronously, sends its commit again when no answer comes', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('COMMIT', 'C1', 'broker'), { do: 'fire', node: 'C1', timer: 'retry' }]);
    expect(sentBy(world, C1, 'COMMIT').map((b) => b['offsets'])).toEqual([[[0, 1]], [[0, 1]]]);
  });
});

describe('a Kafka consumer, answered too late', () => {
  /** One of a member's heartbeats, answered with an error: it rejoins. */
  const rejoins = (member: string) =>
    [{ do: 'fire', node: member, timer: 'heartbeat' }, deliver('HEARTBEAT', member, 'broker'), deliver('HEARTBEAT_REPLY', 'broker', member), deliver('JOIN', member, 'broker')] as const;

  it('ignores its partitions of an older generation, as the leader and as a follower of the new one', () => {
    // Both ASSIGNED of generation 1 are still on their way when the coordinator drops both members;
    // C2 rejoins first and leads generation 2, C1 follows. Then the old answers arrive.
    const world = play([
      ...formGroup.slice(0, 4),
      { do: 'fire', node: 'broker', timer: 'session.C2' },
      { do: 'fire', node: 'broker', timer: 'session.C1' },
      ...rejoins('C2'),
      ...rejoins('C1'),
      { do: 'fire', node: 'broker', timer: 'rebalance' },
      deliver('JOINED', 'broker', 'C2'),
      deliver('JOINED', 'broker', 'C1'),
      deliver('ASSIGNED', 'broker', 'C2'),
      deliver('ASSIGNED', 'broker', 'C1'),
    ]);
    expect([nodeIn(world, C2, 'leading'), nodeIn(world, C1, 'awaiting')]).toEqual([true, true]);
    expect(told(world)).not.toMatch(/C\d owns/);
    expect([sentBy(world, C1, 'FETCH'), sentBy(world, C2, 'FETCH')]).toEqual([[], []]);
  });
});

describe('a Kafka consumer, at most once with commit set to auto', () => {
  it('commits each batch before processing it and never on a timer', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('OUTPUT', 'C1', 'sink')], { semantics: 'at-most-once', commit: 'auto' });
    expect(timersOf(world, C1)).not.toContain('auto-commit');
    expect(told(world)).toContain('C1 commits p0=1 before processing r1');
  });
});

