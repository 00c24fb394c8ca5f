import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, runUntil, type ScenarioStep } from '../kit';
import { formGroup, joinedLost, produce } from './scenario-steps';
import { machineRuns } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// The group coordinator's words and answers in the moments the guided runs pass quickly: several
// members late for a rebalance, a leader whose JOINED was lost, a member the group dropped.

const { play, told } = machineRuns(kafka, 'broker-group');
const BROKER = 0;
const C1 = 2;
const C2 = 3;
const fieldOf = (world: World, name: string) => kafka.describe(world, BROKER).fields.find((f) => f.name === name)?.value;

/** C1, C2 and C3 form generation 1; then C1 restarts and rejoins. */
const c1Rejoins: readonly ScenarioStep[] = [
  runUntil('ASSIGNED', 'broker', 'C3'),
  { do: 'crash', node: 'C1' },
  { do: 'restart', node: 'C1' },
  runUntil('JOIN', 'C1', 'broker'),
];

describe('the Kafka group coordinator', () => {
  it('names every member it still waits for, and every member it removes when the rebalance ends', () => {
    const waiting = play(c1Rejoins, { consumers: 3 });
    expect(told(waiting)).toContain('Broker lets C1 join: a rebalance is under way, waiting for C3 and C2 to rejoin');
    const ended = play([...c1Rejoins, { do: 'crash', node: 'C2' }, { do: 'crash', node: 'C3' }, { do: 'fire', node: 'broker', timer: 'rebalance' }], { consumers: 3 });
    expect(told(ended)).toContain('Broker starts generation 2 with C1, led by C1; C3 and C2 did not rejoin in time and are removed');
  });

  it('tells a leader whose JOINED was lost, and who asks again, every member, so it assigns every partition', () => {
    const world = play([
      ...joinedLost('C1'),
      deliver('JOINED', 'broker', 'C1'),
      deliver('JOINED', 'broker', 'C2'),
    ]);
    expect(told(world)).toContain('C1 leads generation 1: it assigns C1: p0, C2: p1 (range)');
    expect([nodeIn(world, C1, 'leading'), nodeIn(world, C2, 'awaiting')]).toEqual([true, true]);
  });

  it('answers a follower whose JOINED was lost, and who asks again, so it waits for its partitions', () => {
    const world = play([
      ...joinedLost('C2'),
      deliver('JOINED', 'broker', 'C2'),
    ]);
    expect(nodeIn(world, C2, 'awaiting')).toBe(true);
  });

  it('ending a rebalance that nobody rejoins, has no members left', () => {
    const world = play([...formGroup, { do: 'crash', node: 'C1' }, { do: 'crash', node: 'C2' }, { do: 'fire', node: 'broker', timer: 'session.C2' }, { do: 'fire', node: 'broker', timer: 'rebalance' }]);
    expect(fieldOf(world, 'members')).toBe('none');
  });

  it('refuses the commit of a member it has dropped, saying it is no longer a member', () => {
    const world = play([...formGroup, ...produce(), runUntil('OUTPUT_OK', 'sink', 'C1'), { do: 'fire', node: 'broker', timer: 'session.C1' }, deliver('COMMIT', 'C1', 'broker')]);
    expect(told(world)).toContain("Broker refuses C1's commit of p0=1 with UNKNOWN_MEMBER_ID: it is no longer a member");
  });

  it('fences the transaction of a member it has dropped, saying it is no longer a member', () => {
    const world = play([...formGroup, ...produce(), runUntil('RECORDS', 'broker', 'C1'), { do: 'fire', node: 'broker', timer: 'session.C1' }, runUntil('TXN', 'C1', 'broker')], {
      semantics: 'exactly-once',
    });
    expect(told(world)).toContain("Broker fences C1's transaction with UNKNOWN_MEMBER_ID: it is no longer a member; its output is thrown away");
  });
});
