import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, runUntil, type ScenarioStep } from '../kit';
import { counted } from './accounting';
import { thenFailover } from './scenarios';
import { failOver, fencedMidWrite, hasTimer, kept, nodeOf, play, produce, sent, told } from './test-runs';

// The consumer's rules that the scenarios leave unpinned: which confirmation ends a write, and
// how it resumes, polls and steps down.


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

  it('fenced into a newer epoch it was never told of, does not confirm it: the coordinator tells it again that it writes', () => {
    // Two failovers in a row make region A the writer again, in epoch 3. CA learns of epoch 3 only
    // from the database's refusal; the news that it writes is lost, and an older one arrives.
    const world = play([
      produce('A'),
      runUntil('RECORDS', 'A', 'CA'),
      { do: 'fire', node: 'CA', timer: 'process' },
      failOver,
      failOver,
      deliver('WRITER', 'coordinator', 'database'),
      deliver('WRITER', 'coordinator', 'database'),
      deliver('OUTPUT', 'CA', 'database'),
      deliver('OUTPUT_FENCED', 'database', 'CA'),
      { do: 'drop', message: { type: 'WRITER', from: 'coordinator', to: 'CA' } },
      deliver('WRITER', 'coordinator', 'CA'),
      deliver('WRITER_OK', 'CA', 'coordinator'),
      { do: 'fire', node: 'coordinator', timer: 'announce' },
      deliver('WRITER', 'coordinator', 'CA'),
    ]);
    expect(kept(world, 'CA', 'writer')).toBe(true);
    expect(kept(world, 'CA', 'epoch')).toBe(3);
    expect(sent(world, 'CA', 'database').at(-1)).toEqual({ type: 'CLAIM', region: 0, epoch: 3 });
  });

  it('told mid-write that another region writes, does not write again under that region\'s epoch: the new writer does the record', () => {
    // Active-active: CA's write of a1 is lost, then CA hears that region B writes in epoch 2.
    const steps: ScenarioStep[] = [
      produce('A'),
      runUntil('RECORDS', 'A', 'CA'),
      { do: 'fire', node: 'CA', timer: 'process' },
      { do: 'drop', message: { type: 'OUTPUT', from: 'CA', to: 'database' } },
      failOver,
      deliver('WRITER', 'coordinator', 'CA'),
      { do: 'fire', node: 'CA', timer: 'retry' },
    ];
    const world = play(steps, { arrangement: 'active-active' });
    expect(sent(world, 'CA', 'database').filter((b) => b.type === 'OUTPUT').map((b) => b['epoch'])).toEqual([1]);
    expect(told(world)).toContain('CA processes a1 and discards the output: region A is not the writer.');
    const later = play([...steps, runUntil('OUTPUT_OK', 'database', 'CB')], { arrangement: 'active-active' });
    expect(counted(later)).toEqual([['a1', 1, 2]]);
  });

  it('told that another region writes while it holds a batch, drops the batch and stops polling (active-passive)', () => {
    const world = play([produce('A'), runUntil('RECORDS', 'A', 'CA'), failOver, deliver('WRITER', 'coordinator', 'CA')]);
    expect(told(world)).toContain('CA is no longer the writer: region B writes in epoch 2.');
    expect(kept(world, 'CA', 'batch')).toEqual([]);
    expect(['poll', 'process', 'retry'].filter((timer) => hasTimer(world, 'CA', timer))).toEqual([]);
    expect(nodeIn(world, nodeOf(world, 'CA'), 'standby')).toBe(true);
  });

  it('fenced (active-passive), stands by for good: restarted, it does not claim the writer role again', () => {
    const fenced = fencedMidWrite;
    const world = play(fenced);
    expect(told(world)).toContain('CA is fenced: the database counts epoch 2, not its 1; it is no longer the writer.');
    expect(nodeIn(world, nodeOf(world, 'CA'), 'standby')).toBe(true);
    // Its refused batch is not done: the new writer will do it.
    expect([kept(world, 'CA', 'writer'), kept(world, 'CA', 'epoch'), kept(world, 'CA', 'batch'), kept(world, 'CA', 'progress')]).toEqual([false, 2, [], [0, 0]]);
    const restarted = play([...fenced, { do: 'crash', node: 'CA' }, { do: 'restart', node: 'CA' }]);
    expect(nodeIn(restarted, nodeOf(restarted, 'CA'), 'standby')).toBe(true);
    expect(kept(restarted, 'CA', 'epoch')).toBe(2);
  });

  it('taking over, says which checkpoint it maps, polls two records at once and skips those already done', () => {
    const world = play([...thenFailover, runUntil('OUTPUT_OK', 'database', 'CB'), { do: 'next', times: 40 }]);
    const lines = told(world);
    expect(lines).toContain('CB maps the checkpoint shipped here (A@3) onto its own aggregate: it starts at offset 0, the first record not yet done.');
    expect(lines).toContain('CB polls b1 (@0), b2 (@1).');
    expect(lines).toContain('CB skips a1 a2: they are already done.');
    expect(lines).toContain('CB processes b1 b2 and writes the output to the database (epoch 2).');
  });

  it('taking over where no checkpoint was ever shipped, says so and starts at the beginning', () => {
    const world = play([produce('A'), runUntil('OUTPUT_OK', 'database', 'CA'), { do: 'crash', node: 'A' }, { do: 'crash', node: 'CA' }, failOver, runUntil('RESUME_FROM', 'B', 'CB')]);
    expect(told(world)).toContain('CB maps the checkpoint shipped here (none yet) onto its own aggregate: it starts at offset 0, the first record not yet done.');
  });
});
