import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, runUntil, type ScenarioStep } from '../kit';
import { formGroup, produce } from './scenario-steps';
import { machineRuns } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// Answers from a generation a consumer has left behind: a refused commit or a heartbeat's error
// that arrives once it is in the next generation says nothing about that one.

const { play, told } = machineRuns(kafka, 'consumer-generations');
const C1 = 2;

type Semantics = 'at-most-once' | 'at-least-once' | 'exactly-once';
const request = { 'at-most-once': 'COMMIT', 'at-least-once': 'COMMIT', 'exactly-once': 'TXN' } as const;
const answer = { 'at-most-once': 'COMMIT_FAILED', 'at-least-once': 'COMMIT_FAILED', 'exactly-once': 'TXN_FENCED' } as const;

/** From holding r1 to its commit (or transaction) on its way, under each semantics. */
const toRequest = (semantics: Semantics): ScenarioStep[] =>
  semantics === 'at-most-once'
    ? []
    : semantics === 'exactly-once'
      ? [{ do: 'fire', node: 'C1', timer: 'process' }]
      : [{ do: 'fire', node: 'C1', timer: 'process' }, deliver('OUTPUT', 'C1', 'sink'), deliver('OUTPUT_OK', 'sink', 'C1')];

/** C1 polls r1 and gets as far as sending its commit or transaction. */
const pollsR1 = (semantics: Semantics): ScenarioStep[] => [
  ...formGroup,
  ...produce(),
  runUntil('RECORDS', 'broker', 'C1'),
  ...toRequest(semantics),
];

/**
 * The group drops C1 while its commit (or transaction) of r1 is on its way: it is refused, and
 * that answer and the answer to a heartbeat are sent twice. C1 and C2 form generation 2, led by
 * C2; the copies are still on their way.
 */
const copiesFromGeneration1 = (semantics: Semantics): ScenarioStep[] => [
  ...pollsR1(semantics),
  { do: 'fire', node: 'broker', timer: 'session.C1' },
  deliver(request[semantics], 'C1', 'broker'),
  { do: 'duplicate', message: { type: answer[semantics], to: 'C1' } },
  { do: 'fire', node: 'C1', timer: 'heartbeat' },
  deliver('HEARTBEAT', 'C1', 'broker'),
  { do: 'duplicate', message: { type: 'HEARTBEAT_REPLY', to: 'C1' } },
  deliver(answer[semantics], 'broker', 'C1'),
  deliver('HEARTBEAT_REPLY', 'broker', 'C1'),
  deliver('JOIN', 'C1', 'broker'),
  { do: 'fire', node: 'C2', timer: 'heartbeat' },
  deliver('HEARTBEAT', 'C2', 'broker'),
  deliver('HEARTBEAT_REPLY', 'broker', 'C2'),
  deliver('JOIN', 'C2', 'broker'),
  deliver('JOINED', 'broker', 'C1'),
];

/** ...then C1 polls r1 again in generation 2 and sends its commit (or transaction) of it. */
const waitingInGeneration2 = (semantics: Semantics): ScenarioStep[] => [
  ...copiesFromGeneration1(semantics),
  deliver('JOINED', 'broker', 'C2'),
  deliver('SYNC', 'C2', 'broker'),
  deliver('ASSIGNED', 'broker', 'C1'),
  deliver('FETCH', 'C1', 'broker'),
  deliver('RECORDS', 'broker', 'C1'),
  ...toRequest(semantics),
];

describe('a Kafka consumer in a new generation', () => {
  it('ignores a refused commit of the generation it left', () => {
    const world = play([...copiesFromGeneration1('at-least-once'), deliver('COMMIT_FAILED', 'broker', 'C1')]);
    expect(told(world)).toContain('C1 receives JOINED g2');
    expect(told(world).split('\n').at(-1)).toBe('C1 receives COMMIT p0=1 UNKNOWN_MEMBER_ID from broker.');
    expect(told(world).match(/C1 is told its commit/g)).toHaveLength(1);
    expect(nodeIn(world, C1, 'awaiting')).toBe(true);
  });

  it("ignores a heartbeat's error from the generation it left", () => {
    const world = play([...copiesFromGeneration1('at-least-once'), deliver('HEARTBEAT_REPLY', 'broker', 'C1')]);
    expect(told(world)).not.toContain('C1 hears UNKNOWN_MEMBER_ID');
    expect(nodeIn(world, C1, 'awaiting')).toBe(true);
  });

  const waiting = { 'at-most-once': 'committingPolled', 'at-least-once': 'committing', 'exactly-once': 'transacting' } as const;
  for (const semantics of ['at-most-once', 'at-least-once', 'exactly-once'] as const)
    it(`${semantics}, waiting for the answer to its ${request[semantics]} of r1, ignores the refusal of the one it sent in the generation it left`, () => {
      const world = play([...waitingInGeneration2(semantics), deliver(answer[semantics], 'broker', 'C1')], { semantics });
      expect(told(world)).toContain('C1 owns p0 from 0 (nothing committed: auto.offset.reset=earliest) in generation 2');
      expect(nodeIn(world, C1, waiting[semantics])).toBe(true);
    });
});
