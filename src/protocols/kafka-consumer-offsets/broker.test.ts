import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, machineState, nodeIn, runUntil } from '../kit';
import { formGroup, joinedLost, produce } from './scenario-steps';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// The broker's rules the guided runs do not reach: a repeated record or transaction is kept once,
// a member whose answer was lost is answered again, a rebalance nobody rejoins empties the group,
// and a restarted broker reads everything back from its log.

const { play, told } = machineRuns(kafka, 'broker');
const BROKER = 0;
const sink = (world: World) => String(world.nodes[4]!.persisted['processed'] ?? '');

describe('the Kafka broker', () => {
  it('keeps one copy of a record the producer sent twice, and confirms both at the same offset', () => {
    const world = play([{ do: 'client', node: 'producer', op: 'produce' }, { do: 'duplicate', message: { type: 'PRODUCE' } }, deliver('PRODUCE', 'producer', 'broker'), deliver('PRODUCE', 'producer', 'broker')]);
    expect(world.nodes[BROKER]!.persisted['p0']).toBe('r1');
    expect(sentBy(world, BROKER, 'PRODUCED')).toEqual([
      { type: 'PRODUCED', partition: 0, offset: 0, value: 'r1' },
      { type: 'PRODUCED', partition: 0, offset: 0, value: 'r1' },
    ]);
    expect(told(world)).toContain('Broker already has r1 at p0@0: it confirms without appending again');
  });

  it('tells a member whose JOINED was lost, and who asks again, that it is in the generation', () => {
    const world = play(joinedLost('C2'));
    expect(told(world)).toContain('Broker tells C2 again that it is in generation 1');
    expect(sentBy(world, BROKER, 'JOINED').at(-1)).toEqual({ type: 'JOINED', generation: 1, leader: 'C1', members: [] });
  });

  it('gives a member whose ASSIGNED was lost its partitions again', () => {
    const world = play([...formGroup.slice(0, 4), { do: 'drop', message: { type: 'ASSIGNED', to: 'C1' } }, { do: 'fire', node: 'C1', timer: 'retry' }, deliver('SYNC', 'C1', 'broker')]);
    expect(told(world)).toContain('Broker tells C1 its partitions of generation 1 again');
    expect(sentBy(world, BROKER, 'ASSIGNED').at(-1)).toEqual({ type: 'ASSIGNED', generation: 1, partitions: [{ partition: 0, committed: null, logEnd: 0 }] });
  });

  it('ends a rebalance that nobody rejoins with an empty group', () => {
    const world = play([...formGroup, { do: 'crash', node: 'C1' }, { do: 'crash', node: 'C2' }, { do: 'fire', node: 'broker', timer: 'session.C2' }, { do: 'fire', node: 'broker', timer: 'rebalance' }]);
    expect(told(world)).toContain('Broker ends the rebalance with nobody rejoined: the group is empty');
    expect(nodeIn(world, BROKER, 'empty')).toBe(true);
    expect(world.timers.filter((t) => t.node === BROKER).map((t) => t.name)).toEqual([]);
  });

  it('restarted, reads its partitions, the committed offsets and the generation back from its log', () => {
    const world = play([...formGroup, ...produce(), runUntil('COMMITTED', 'broker', 'C1'), { do: 'crash', node: 'broker' }, { do: 'restart', node: 'broker' }]);
    expect(told(world)).toContain('Broker reads its partitions (1, 0 records), the committed offsets and generation 1 from its log; the group has no members until they rejoin');
    expect(machineState<{ committed: unknown }>(world, BROKER)!.context.committed).toEqual([1, null]);
  });
});

describe('the Kafka broker in a rebalance', () => {
  const rebalanceTimer = (world: World) => world.timers.filter((t) => t.node === BROKER && t.name === 'rebalance').map((t) => t.dueTick - t.setTick);

  it('waits a moment for more members when a group forms, and a whole session timeout when it rebalances', () => {
    expect(rebalanceTimer(play([runUntil('JOIN', 'C1', 'broker')]))).toEqual([32]);
    const rejoined = play([...formGroup, { do: 'crash', node: 'C2' }, { do: 'restart', node: 'C2' }, runUntil('JOIN', 'C2', 'broker')]);
    expect(told(rejoined)).toContain('Broker lets C2 join: a rebalance is under way, waiting for C1 to rejoin');
    expect(rebalanceTimer(rejoined)).toEqual([100]);
  });

  it('removes a member that does not rejoin before the rebalance ends, and stops its session timer', () => {
    const world = play([...formGroup, { do: 'crash', node: 'C2' }, { do: 'restart', node: 'C2' }, runUntil('JOIN', 'C2', 'broker'), { do: 'crash', node: 'C1' }, { do: 'fire', node: 'broker', timer: 'rebalance' }]);
    expect(told(world)).toContain('Broker starts generation 2 with C2, led by C2; C1 did not rejoin in time and is removed');
    expect(world.timers.filter((t) => t.node === BROKER).map((t) => t.name)).toEqual(['session.C2']);
    expect(world.nodes[BROKER]!.persisted['generation']).toBe(2);
  });
});

describe('the Kafka broker as transaction coordinator', () => {
  const exactlyOnce = { semantics: 'exactly-once' };

  it('confirms a transaction sent again after its answer was lost, without committing it twice', () => {
    const world = play([...formGroup, ...produce(), runUntil('TXN', 'C1', 'broker'), { do: 'drop', message: { type: 'TXN_DONE' } }, { do: 'fire', node: 'C1', timer: 'retry' }, deliver('TXN', 'C1', 'broker'), runUntil('WRITTEN', 'sink', 'broker')], exactlyOnce);
    expect(told(world)).toContain("Broker has already committed C1's transaction: it confirms it again");
    expect(sink(world)).toBe('r1 by C1');
  });

  it('writes a committed transaction’s output to the sink again until the sink confirms it, also after a restart', () => {
    const lost = play([...formGroup, ...produce(), runUntil('TXN', 'C1', 'broker'), { do: 'drop', message: { type: 'WRITE' } }, { do: 'fire', node: 'broker', timer: 'resend' }], exactlyOnce);
    expect(sentBy(lost, BROKER, 'WRITE')).toHaveLength(2);
    const restarted = play([...formGroup, ...produce(), runUntil('TXN', 'C1', 'broker'), { do: 'drop', message: { type: 'WRITE' } }, { do: 'crash', node: 'broker' }, { do: 'restart', node: 'broker' }], exactlyOnce);
    expect(sentBy(restarted, BROKER, 'WRITE')).toHaveLength(2);
    expect(restarted.timers.some((t) => t.node === BROKER && t.name === 'resend')).toBe(true);
    const confirmed = play([...formGroup, ...produce(), runUntil('TXN', 'C1', 'broker'), runUntil('WRITTEN', 'sink', 'broker')], exactlyOnce);
    expect(confirmed.timers.some((t) => t.node === BROKER && t.name === 'resend')).toBe(false);
    expect(confirmed.nodes[BROKER]!.persisted['to write']).toBe('nothing');
  });
});
