import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, nodeIn, runUntil, type ScenarioStep } from '../kit';
import { formGroup, formGroupAlone, produce } from './scenario-steps';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// The transaction coordinator's outbox: the output of each committed transaction stays there,
// and is written to the sink again, until the sink confirms that very output.

const { play, told } = machineRuns(kafka, 'broker-outbox');
const BROKER = 0;
const C1 = 2;
const exactlyOnce = { semantics: 'exactly-once', maxPollRecords: 1 };
const toWrite = (world: World) => kafka.describe(world, BROKER).fields.find((f) => f.name === 'to write to the sink')?.value ?? 'nothing';

/** Two transactions committed (r1, then r2); r1's write to the sink is lost, r2's is confirmed, and the sink's confirmation comes twice. */
const twoPending: readonly ScenarioStep[] = [
  ...formGroupAlone,
  ...produce(),
  ...produce(),
  runUntil('TXN', 'C1', 'broker'),
  { do: 'drop', message: { type: 'WRITE' } },
  deliver('TXN_DONE', 'broker', 'C1'),
  deliver('FETCH', 'C1', 'broker'),
  deliver('RECORDS', 'broker', 'C1'),
  { do: 'fire', node: 'C1', timer: 'process' },
  deliver('TXN', 'C1', 'broker'),
  deliver('WRITE', 'broker', 'sink'),
  { do: 'duplicate', message: { type: 'WRITTEN' } },
  deliver('WRITTEN', 'sink', 'broker'),
];

describe('the Kafka transaction coordinator', () => {
  it('keeps the output the sink has not confirmed, and its timer to write it again, when the sink confirms another', () => {
    const world = play(twoPending, exactlyOnce);
    expect(toWrite(world)).toBe('r1');
    expect(world.timers.some((t) => t.node === BROKER && t.name === 'resend')).toBe(true);
    const resent = play([...twoPending, { do: 'fire', node: 'broker', timer: 'resend' }], exactlyOnce);
    expect(sentBy(resent, BROKER, 'WRITE').map((b) => b['id'])).toEqual(['C1.g1.p0@0', 'C1.g1.p1@0', 'C1.g1.p0@0']);
  });

  it('saves nothing again when the sink confirms the same output twice', () => {
    const world = play([...twoPending, deliver('WRITTEN', 'sink', 'broker')], exactlyOnce);
    expect(told(world).split('\n').filter((line) => line.startsWith('Broker writes to its log: to write'))).toHaveLength(1);
  });

  it('saves nothing again when the sink confirms the same output twice and nothing else is pending', () => {
    const steps: ScenarioStep[] = [...formGroup, ...produce(), runUntil('TXN', 'C1', 'broker'), deliver('WRITE', 'broker', 'sink'), { do: 'duplicate', message: { type: 'WRITTEN' } }, deliver('WRITTEN', 'sink', 'broker')];
    const world = play([...steps, deliver('WRITTEN', 'sink', 'broker')], exactlyOnce);
    expect(told(world).split('\n').filter((line) => line.startsWith('Broker writes to its log: to write'))).toHaveLength(1);
  });

  it('confirms a transaction sent again after its answer was lost, and the consumer goes on', () => {
    const world = play([...formGroupAlone, ...produce(), runUntil('TXN', 'C1', 'broker'), { do: 'drop', message: { type: 'TXN_DONE' } }, { do: 'fire', node: 'C1', timer: 'retry' }, deliver('TXN', 'C1', 'broker'), deliver('TXN_DONE', 'broker', 'C1')], exactlyOnce);
    expect(nodeIn(world, C1, 'transacting')).toBe(false);
    expect(sentBy(world, C1, 'FETCH').length).toBeGreaterThan(1);
  });
});
