import { describe, expect, it } from 'vitest';
import type { World } from '../../engine';
import { deliver, machineState, runUntil, type ScenarioStep } from '../kit';
import { formGroup, produce } from './scenario-steps';
import { machineRuns, sentBy } from '../kit/testing/machine-runs';
import { kafkaConsumerOffsets as kafka } from './index';

// The sink applies each write once, confirms a copy without applying it again, and keeps what it
// recorded across a crash.

const { play, told } = machineRuns(kafka, 'sink');
const SINK = 4;
const sentFrom = (world: World, type: string) => sentBy(world, SINK, type);
const polled: readonly ScenarioStep[] = [...formGroup, ...produce(), runUntil('OUTPUT', 'C1', 'sink')];

describe('the Kafka sink', () => {
  it('applies a duplicated output once and confirms both copies', () => {
    const world = play([...formGroup, ...produce(), runUntil('RECORDS', 'broker', 'C1'), { do: 'fire', node: 'C1', timer: 'process' }, { do: 'duplicate', message: { type: 'OUTPUT' } }, deliver('OUTPUT', 'C1', 'sink'), deliver('OUTPUT', 'C1', 'sink')]);
    expect(world.nodes[SINK]!.persisted['processed']).toBe('r1 by C1');
    expect(told(world)).toContain('Sink has already applied this write of r1: it confirms it without applying it again');
    expect(sentFrom(world, 'OUTPUT_OK')).toEqual([
      { type: 'OUTPUT_OK', id: 'C1.g1.p0@0#1' },
      { type: 'OUTPUT_OK', id: 'C1.g1.p0@0#1' },
    ]);
  });

  it('answers the transaction coordinator’s write with WRITTEN, not OUTPUT_OK', () => {
    const world = play([...formGroup, ...produce(), runUntil('WRITE', 'broker', 'sink')], { semantics: 'exactly-once' });
    expect(sentFrom(world, 'WRITTEN')).toEqual([{ type: 'WRITTEN', id: 'C1.g1.p0@0' }]);
  });

  it('restarted, still knows what it recorded and which writes it applied', () => {
    const world = play([...polled, { do: 'crash', node: 'sink' }, { do: 'restart', node: 'sink' }]);
    expect(machineState(world, SINK)!.context).toEqual({ processed: [['r1', 'C1']], applied: ['C1.g1.p0@0#1'] });
  });
});
