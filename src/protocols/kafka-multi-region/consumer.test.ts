import { describe, expect, it } from 'vitest';
import { deliver, runUntil, type ScenarioStep } from '../kit';
import { counted } from './accounting';
import { play } from './test-runs';

// The consumer's rules that the scenarios leave unpinned: which confirmation ends a write, and
// how it resumes, polls and steps down.

const produce = (region: 'A' | 'B'): ScenarioStep => ({ do: 'client', node: region, op: 'produce' });

describe('a multi-region consumer', () => {
  it('does not take a late confirmation of its previous write for the one in flight: nothing is lost', () => {
    // CA's retry sends a1's write twice; the database answers the copy only once CA is writing a2,
    // whose own write is lost. Taking that answer for a2's would leave a2 never counted.
    const world = play(
      [
        produce('A'),
        produce('A'),
        runUntil('RECORDS', 'A', 'CA'),
        { do: 'fire', node: 'CA', timer: 'process' },
        { do: 'fire', node: 'CA', timer: 'retry' },
        deliver('OUTPUT', 'CA', 'database'),
        deliver('OUTPUT_OK', 'database', 'CA'),
        deliver('FETCH', 'CA', 'A'),
        deliver('RECORDS', 'A', 'CA'),
        { do: 'fire', node: 'CA', timer: 'process' },
        deliver('OUTPUT', 'CA', 'database'),
        { do: 'drop', message: { type: 'OUTPUT', from: 'CA', to: 'database' } },
        deliver('OUTPUT_OK', 'database', 'CA'),
        { do: 'fire', node: 'CA', timer: 'retry' },
        deliver('OUTPUT', 'CA', 'database'),
      ],
      { maxPollRecords: 1 },
    );
    expect(world.violations).toEqual([]);
    expect(counted(world)).toEqual([
      ['a1', 0, 1],
      ['a2', 0, 1],
    ]);
  });
});
