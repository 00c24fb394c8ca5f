import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, playScenario, runUntil } from '../kit';
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

describe('a Kafka consumer, told its commit failed', () => {
  it('committing synchronously after the group dropped it, hears UNKNOWN_MEMBER_ID and rejoins at once', () => {
    const world = play([
      ...formGroup,
      ...produce(),
      runUntil('OUTPUT_OK', 'sink', 'C1'),
      { do: 'fire', node: 'broker', timer: 'session.C1' },
      deliver('COMMIT', 'C1', 'broker'),
      deliver('COMMIT_FAILED', 'broker', 'C1'),
    ]);
    expect(told(world)).toContain('C1 is told its commit of p0=1 failed with UNKNOWN_MEMBER_ID: it has been fenced out and must rejoin');
    expect(nodeIn(world, C1, 'joining')).toBe(true);
  });

  it('committing asynchronously after the group dropped it, hears that its commit was refused and rejoins', () => {
    const world = play(
      [...formGroup, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1'), { do: 'fire', node: 'broker', timer: 'session.C1' }, deliver('COMMIT', 'C1', 'broker'), deliver('COMMIT_FAILED', 'broker', 'C1')],
      { commit: 'async' },
    );
    expect(told(world)).toContain('C1 is told its commit of p0=1 failed with UNKNOWN_MEMBER_ID: it has been fenced out and must rejoin');
    expect(nodeIn(world, C1, 'joining')).toBe(true);
  });
});

describe('a Kafka consumer, between two steps of its work', () => {
  it('at most once, once its commit is confirmed, waits only for its processing timer', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('COMMITTED', 'broker', 'C1')], { semantics: 'at-most-once' });
    expect(nodeIn(world, C1, 'polled')).toBe(true);
    expect(timersOf(world, C1)).toEqual(['heartbeat', 'process']);
  });

  it('with auto-commit, polls again as soon as the sink has its output', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1')], { commit: 'auto' });
    expect(sentBy(world, C1, 'FETCH').at(-1)).toEqual({ type: 'FETCH', positions: [[0, 1], [1, 0]], max: 2 });
  });

  it('committing before processing (the broken variant), polls again once it has processed', () => {
    const steps = [...formGroupAlone, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1')];
    const { world } = playScenario(kafka, { id: 'cbp', title: 'cbp', summary: '', variant: 'commit-before-process', config: {}, steps });
    expect(sentBy(world, C1, 'FETCH').at(-1)).toEqual({ type: 'FETCH', positions: [[0, 1], [1, 0]], max: 2 });
  });

  it('does not take a late OK for its previous output as the OK for the one in flight', () => {
    // r1's write is sent twice (no OK in time); the copy's OK arrives while C1 writes r2, whose own write is lost.
    const world = play(
      [
        ...formGroupAlone,
        ...produce(),
        ...produce(),
        runUntil('OUTPUT', 'C1', 'sink'),
        { do: 'fire', node: 'C1', timer: 'retry' },
        deliver('OUTPUT', 'C1', 'sink'),
        deliver('OUTPUT_OK', 'sink', 'C1'),
        deliver('COMMIT', 'C1', 'broker'),
        deliver('COMMITTED', 'broker', 'C1'),
        deliver('FETCH', 'C1', 'broker'),
        deliver('RECORDS', 'broker', 'C1'),
        { do: 'fire', node: 'C1', timer: 'process' },
        { do: 'drop', message: { type: 'OUTPUT', from: 'C1', to: 'sink' } },
        deliver('OUTPUT_OK', 'sink', 'C1'),
      ],
      { maxPollRecords: 1 },
    );
    expect(told(world)).toContain('C1 processes r2 and writes the output to the sink');
    expect(nodeIn(world, C1, 'processing')).toBe(true);
    expect(sentBy(world, C1, 'COMMIT')).toHaveLength(1);
  });
});

describe('a Kafka consumer, exactly once', () => {
  it('does not take a late confirmation of its previous transaction for the one in flight', () => {
    // r1's transaction is sent twice (no answer in time); the copy's answer arrives while C1's
    // transaction for r2 is on its way, and that one is lost.
    const world = play(
      [
        ...formGroupAlone,
        ...produce(),
        ...produce(),
        runUntil('TXN', 'C1', 'broker'),
        { do: 'fire', node: 'C1', timer: 'retry' },
        deliver('TXN', 'C1', 'broker'),
        deliver('TXN_DONE', 'broker', 'C1'),
        deliver('FETCH', 'C1', 'broker'),
        deliver('RECORDS', 'broker', 'C1'),
        { do: 'fire', node: 'C1', timer: 'process' },
        { do: 'drop', message: { type: 'TXN', from: 'C1' } },
        deliver('TXN_DONE', 'broker', 'C1'),
      ],
      { semantics: 'exactly-once', maxPollRecords: 1 },
    );
    expect(told(world)).toContain('C1 processes r2 and sends the output with the offsets p1=1 as one transaction');
    expect(nodeIn(world, C1, 'transacting')).toBe(true);
  });
});

describe('a Kafka consumer that owns no partition', () => {
  it('sits idle and polls nothing', () => {
    const world = play([runUntil('ASSIGNED', 'broker', 'C3')], { consumers: 3 });
    expect(nodeIn(world, 4, 'idle')).toBe(true);
    expect(sentBy(world, 4, 'FETCH')).toEqual([]);
  });
});

describe('a Kafka consumer, at most once with commit set to auto', () => {
  it('commits each batch before processing it and never on a timer', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('OUTPUT', 'C1', 'sink')], { semantics: 'at-most-once', commit: 'auto' });
    expect(timersOf(world, C1)).not.toContain('auto-commit');
    expect(told(world)).toContain('C1 commits p0=1 before processing r1');
  });
});

