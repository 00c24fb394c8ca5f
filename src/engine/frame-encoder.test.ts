import { describe, expect, it } from 'vitest';
import { createFrameEncoder } from './frame-encoder';
import { encodeFrame, type Choice, type SharedFrame } from './index';

/** Choices as an auto-played run with faults gives them: mostly rising ids, now and then something else. */
function longRun(steps: number): Choice[] {
  const choices: Choice[] = [];
  for (let i = 0; i < steps; i++) {
    if (i % 97 === 5) choices.push({ type: 'network', options: { lossPercent: i % 30 } });
    else if (i % 89 === 7) choices.push({ type: 'client', node: i % 3, op: `op ${i}` });
    else if (i % 83 === 3) choices.push({ type: 'partition', groups: [[0], [1, 2]] });
    else choices.push({ type: i % 5 === 0 ? 'fire' : 'deliver', id: i * 2 + (i % 7) });
  }
  return choices;
}

const frame = (choices: readonly Choice[], step = choices.length): SharedFrame => ({
  protocol: 'gossip',
  variant: 'correct',
  config: { nodes: 3, name: 'long run' },
  seed: 3,
  step,
  choices,
});

describe('encoding the frames of one run again and again', () => {
  const run = longRun(3_000);

  it('gives exactly the text encodeFrame gives, at every cursor and length', () => {
    const encode = createFrameEncoder();
    for (const length of [0, 1, 255, 256, 257, 1_000, run.length]) {
      const choices = run.slice(0, length);
      for (const step of [0, Math.floor(length / 2), length]) expect(encode(frame(choices, step))).toBe(encodeFrame(frame(choices, step)));
    }
  });

  it('writes no choice again when only the cursor moves, and one block at most when the run grows by a step', () => {
    const encode = createFrameEncoder();
    encode(frame(run));
    const first = encode.choicesWritten;
    expect(first).toBe(run.length);
    for (const step of [0, 10, 2_000, run.length - 1]) encode(frame(run, step));
    expect(encode.choicesWritten).toBe(first);
    const longer = [...run, { type: 'heal' } as const];
    expect(encode(frame(longer))).toBe(encodeFrame(frame(longer)));
    expect(encode.choicesWritten - first).toBeLessThanOrEqual(256);
  });

  it('writes anew from where a fork parts, even when the new choices equal the old ones', () => {
    const encode = createFrameEncoder();
    encode(frame(run));
    const forked = [...run.slice(0, 1_500), ...run.slice(1_500).map((c) => ({ ...c }))];
    forked[1_500] = { type: 'crash', node: 1 };
    expect(encode(frame(forked))).toBe(encodeFrame(frame(forked)));
  });

  it('refuses what encodeFrame refuses, with the same words', () => {
    const encode = createFrameEncoder();
    const bad = frame([...run.slice(0, 300), { type: 'deliver', id: -1 }]);
    expect(() => encode(bad)).toThrow('this run cannot be written as a link: choice 301: a deliver names id -1; ids are never negative');
    expect(() => encodeFrame(bad)).toThrow('this run cannot be written as a link: choice 301: a deliver names id -1; ids are never negative');
    expect(() => encode({ ...frame(run), seed: -1 })).toThrow('the seed must be a whole number');
  });
});
