import { describe, expect, it } from 'vitest';
import { deliver, runUntil, type ScenarioStep } from '../kit';
import { counted } from './accounting';
import type { World } from '../../engine';
import { play, sent, told } from './test-runs';

// The database's rules beyond fencing itself: what it keeps across a restart (what it counted,
// which writes it applied, the newest epoch and its writer) and what it answers a claim.

const failOver: ScenarioStep = { do: 'client', node: 'coordinator', op: 'fail-over' };
const restart: ScenarioStep[] = [
  { do: 'crash', node: 'database' },
  { do: 'restart', node: 'database' },
];
/** CA polls a1 and sends its output to the database (in flight). */
const writeA1: ScenarioStep[] = [{ do: 'client', node: 'A', op: 'produce' }, runUntil('RECORDS', 'A', 'CA'), { do: 'fire', node: 'CA', timer: 'process' }];
/** The same with a1 and a2 in one write. */
const writeA1A2: ScenarioStep[] = [{ do: 'client', node: 'A', op: 'produce' }, ...writeA1];
const databaseLines = (world: World) => told(world).filter((line) => line.startsWith('Database'));

describe('a multi-region database', () => {
  it('restarted, still refuses the old writer and says which region writes in which epoch', () => {
    const world = play([...writeA1, failOver, deliver('WRITER', 'coordinator', 'database'), ...restart, deliver('OUTPUT', 'CA', 'database')]);
    expect(sent(world, 'database', 'CA').at(-1)).toMatchObject({ type: 'OUTPUT_FENCED', epoch: 2 });
    expect(told(world)).toContain('Database refuses a1 from region A: epoch 1 is over, region B writes in epoch 2.');
    expect(counted(world)).toEqual([]);
  });

  it('restarted, keeps what it counted and which writes it applied: a repeated write is confirmed, not counted again', () => {
    const world = play([...writeA1, { do: 'duplicate', message: { type: 'OUTPUT', from: 'CA', to: 'database' } }, deliver('OUTPUT', 'CA', 'database'), ...restart, deliver('OUTPUT', 'CA', 'database')]);
    expect(counted(world)).toEqual([['a1', 0, 1]]);
    expect(sent(world, 'database', 'CA').map((b) => b.type)).toEqual(['OUTPUT_OK', 'OUTPUT_OK']);
  });

  it('restarted, tells a new writer what is already done', () => {
    const world = play([...writeA1, runUntil('OUTPUT_OK', 'database', 'CA'), ...restart, failOver, runUntil('CLAIMED', 'database', 'CB')], { arrangement: 'active-active' });
    expect(sent(world, 'database', 'CB').find((b) => b.type === 'CLAIMED')).toMatchObject({ epoch: 2, progress: [1, 0] });
  });

  it('refuses a write from an epoch that is over even when its region writes again in a later epoch', () => {
    // CA's write from epoch 1 is still on its way when region A becomes the writer again, in epoch 3.
    const world = play([...writeA1A2, failOver, failOver, deliver('WRITER', 'coordinator', 'database'), deliver('WRITER', 'coordinator', 'database'), deliver('OUTPUT', 'CA', 'database')]);
    expect(sent(world, 'database', 'CA').at(-1)).toMatchObject({ type: 'OUTPUT_FENCED', epoch: 3 });
    expect(databaseLines(world)).toContain('Database refuses a1 a2 from region A: epoch 1 is over, region A writes in epoch 3.');
    expect(counted(world)).toEqual([]);
  });

  it('answers a claim for an epoch that is over with the newer epoch it counts', () => {
    // CA restarts believing it still writes in epoch 1, and claims it.
    const world = play([failOver, deliver('WRITER', 'coordinator', 'database'), { do: 'crash', node: 'CA' }, { do: 'restart', node: 'CA' }, runUntil('CLAIMED', 'database', 'CA')]);
    expect(sent(world, 'database', 'CA')).toEqual([{ type: 'CLAIMED', epoch: 2, progress: [0, 0] }]);
  });

  it('says which records of a write it counts, and which of them it had already counted', () => {
    // CA writes a1 a2 in one go; region A is lost before any checkpoint reaches B, so CB does both again.
    const world = play([
      ...writeA1A2,
      runUntil('OUTPUT_OK', 'database', 'CA'),
      runUntil('MIRROR_RECORDS', 'A', 'B'),
      { do: 'crash', node: 'A' },
      { do: 'crash', node: 'CA' },
      failOver,
      runUntil('OUTPUT_OK', 'database', 'CB'),
    ]);
    expect(databaseLines(world)).toContain('Database counts a1 a2 from region A.');
    expect(databaseLines(world)).toContain('Database counts a1 a2 from region B: a1 a2 were already counted.');
  });

  it('restarted, reads back what it counted in an epoch of two digits', () => {
    const world = play([...Array.from({ length: 9 }, () => failOver), { do: 'client', node: 'B', op: 'produce' }, runUntil('OUTPUT_OK', 'database', 'CB'), ...restart]);
    expect(counted(world)).toEqual([['b1', 1, 10]]);
  });
});
