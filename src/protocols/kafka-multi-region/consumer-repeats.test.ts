import { describe, expect, it } from 'vitest';
import { deliver, nodeIn, runUntil } from '../kit';
import { kafkaMultiRegion as multi } from './index';
import { failOver, kept, nodeOf, play, produce, sent, told } from './test-runs';

// What a consumer makes of news it already has, an answer that comes late, and its own log after a
// crash: none of them may send it back over work it has done.

const lines = (world: ReturnType<typeof play>, start: string) => told(world).filter((line) => line.startsWith(start));

describe('a multi-region consumer, given the same news again', () => {
  it('told again who writes in an epoch it already confirmed (its confirmation lost), only confirms again', () => {
    const world = play([
      failOver,
      deliver('WRITER', 'coordinator', 'CA'),
      deliver('WRITER', 'coordinator', 'CB'),
      { do: 'drop', message: { type: 'WRITER_OK', from: 'CA' } },
      { do: 'drop', message: { type: 'WRITER_OK', from: 'CB' } },
      { do: 'fire', node: 'coordinator', timer: 'announce' },
      deliver('WRITER', 'coordinator', 'CA'),
      deliver('WRITER', 'coordinator', 'CB'),
    ]);
    // The new writer claims its epoch once; the old one saves that it stepped down once.
    expect(sent(world, 'CB', 'database').map((b) => b.type)).toEqual(['CLAIM']);
    expect(lines(world, 'CB is the writer now')).toHaveLength(1);
    expect(lines(world, 'CA writes to its log')).toHaveLength(1);
    expect(sent(world, 'CA', 'coordinator').map((b) => b.type)).toEqual(['WRITER_OK', 'WRITER_OK']);
  });

  it('answered late for records it already did, ignores the answer and does not skip them again', () => {
    const world = play([
      produce('A'),
      runUntil('FETCH', 'CA', 'A'),
      { do: 'duplicate', message: { type: 'RECORDS', from: 'A', to: 'CA' } },
      deliver('RECORDS', 'A', 'CA'),
      { do: 'fire', node: 'CA', timer: 'process' },
      deliver('OUTPUT', 'CA', 'database'),
      deliver('OUTPUT_OK', 'database', 'CA'),
      deliver('RECORDS', 'A', 'CA'),
    ]);
    expect(kept(world, 'CA', 'position')).toBe(1);
    expect(lines(world, 'CA skips')).toEqual([]);
    expect(nodeIn(world, nodeOf(world, 'CA'), 'idle')).toBe(true);
  });

  it('the writer, crashed and restarted, reads from its log that it writes and claims its epoch again', () => {
    const world = play([failOver, deliver('WRITER', 'coordinator', 'CB'), { do: 'crash', node: 'CB' }, { do: 'restart', node: 'CB' }]);
    expect(kept(world, 'CB', 'writer')).toBe(true);
    expect(sent(world, 'CB', 'database')).toEqual([
      { type: 'CLAIM', region: 1, epoch: 2 },
      { type: 'CLAIM', region: 1, epoch: 2 },
    ]);
  });

  it('standing by, holds no batch: its picture shows nothing in hand', () => {
    const world = play([]);
    const standby = multi.describe(world, nodeOf(world, 'CB'));
    expect(standby.fields).toContainEqual(expect.objectContaining({ name: 'holds', value: 'nothing' }));
    expect(standby.facts.map((f) => f.name)).not.toContain('holds');
  });
});
