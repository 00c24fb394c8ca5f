import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, runUntil } from '../kit';
import { failOver, fencedMidWrite, hasTimer, kept, nodeOf, play, produce, sent, told } from './test-runs';

// How a consumer gets through a lost message and a change of writer at each step of its work.

const types = (bodies: readonly { readonly type: string }[]) => bodies.map((b) => b.type);

describe('a multi-region consumer, step by step', () => {
  it('not the writer at the start, stands by (active-passive)', () => {
    const world = play([]);
    expect(nodeIn(world, nodeOf(world, 'CB'), 'standby')).toBe(true);
  });

  it('asks again when its claim, its resume request or its fetch is lost', () => {
    const world = play([
      failOver,
      deliver('WRITER', 'coordinator', 'CB'),
      { do: 'drop', message: { type: 'CLAIM', from: 'CB' } },
      { do: 'fire', node: 'CB', timer: 'retry' },
      deliver('CLAIM', 'CB', 'database'),
      deliver('CLAIMED', 'database', 'CB'),
      { do: 'drop', message: { type: 'RESUME', from: 'CB' } },
      { do: 'fire', node: 'CB', timer: 'retry' },
      deliver('RESUME', 'CB', 'B'),
      deliver('RESUME_FROM', 'B', 'CB'),
      { do: 'drop', message: { type: 'FETCH', from: 'CB' } },
      { do: 'fire', node: 'CB', timer: 'retry' },
    ]);
    expect(types(sent(world, 'CB', 'database'))).toEqual(['CLAIM', 'CLAIM']);
    expect(types(sent(world, 'CB', 'B'))).toEqual(['RESUME', 'RESUME', 'FETCH', 'FETCH']);
    expect(kept(world, 'CB', 'batch')).toEqual([]);
  });

  it('told while taking over that another region writes after all, stands by', () => {
    const world = play([failOver, deliver('WRITER', 'coordinator', 'CB'), failOver, deliver('WRITER', 'coordinator', 'CB')]);
    expect(kept(world, 'CB', 'epoch')).toBe(3);
    expect(nodeIn(world, nodeOf(world, 'CB'), 'standby')).toBe(true);
  });

  it('fenced under active-active, counts the batch as done and keeps working, no longer the writer', () => {
    const world = play(fencedMidWrite, { arrangement: 'active-active' });
    expect([kept(world, 'CA', 'writer'), kept(world, 'CA', 'progress')]).toEqual([false, [1, 0]]);
    expect(nodeIn(world, nodeOf(world, 'CA'), 'fetching')).toBe(true);
  });

  it('told under active-active that another region writes while it holds a batch, still processes it and discards the output', () => {
    const world = play([produce('A'), runUntil('RECORDS', 'A', 'CA'), failOver, deliver('WRITER', 'coordinator', 'CA'), { do: 'fire', node: 'CA', timer: 'process' }], {
      arrangement: 'active-active',
    });
    expect(told(world)).toContain('CA processes a1 and discards the output: region A is not the writer.');
  });

  it('never the writer, says nothing of losing the role when another region becomes the writer', () => {
    const world = play([failOver, deliver('WRITER', 'coordinator', 'CC')], { regions: 3 });
    expect(kept(world, 'CC', 'epoch')).toBe(2);
    expect(told(world).filter((line) => line.startsWith('CC') && line.includes('no longer the writer'))).toEqual([]);
  });

  it('answered with nothing new, waits for its poll timer with no request left to retry', () => {
    const world = play([runUntil('RECORDS', 'A', 'CA')]);
    expect(nodeIn(world, nodeOf(world, 'CA'), 'idle')).toBe(true);
    expect([hasTimer(world, 'CA', 'poll'), hasTimer(world, 'CA', 'retry')]).toEqual([true, false]);
  });

  it('idle when told that another region writes, stops polling (active-passive)', () => {
    const world = play([runUntil('RECORDS', 'A', 'CA'), failOver, deliver('WRITER', 'coordinator', 'CA')]);
    expect(nodeIn(world, nodeOf(world, 'CA'), 'standby')).toBe(true);
    expect(hasTimer(world, 'CA', 'poll')).toBe(false);
  });

  it('waiting for records when told that another region writes, stops asking (active-passive)', () => {
    const world = play([failOver, deliver('WRITER', 'coordinator', 'CA')]);
    expect(hasTimer(world, 'CA', 'retry')).toBe(false);
  });

  it('holding a batch, waits only for its processing timer, with no request left to retry', () => {
    const world = play([produce('A'), runUntil('RECORDS', 'A', 'CA')]);
    expect([hasTimer(world, 'CA', 'process'), hasTimer(world, 'CA', 'retry')]).toEqual([true, false]);
  });
});
