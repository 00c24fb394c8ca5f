import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../engine';
import { createShareLinks, readLinkHash, shareUrl } from './share';

const frameHash = (run: Parameters<typeof shareUrl>[1], step: number) => `#${encodeFrame({ ...run, step })}`;

const run = {
  protocol: 'two-phase-commit',
  variant: 'no-decision-log',
  config: { participants: 3 },
  seed: 42,
  choices: [{ type: 'client', node: 0, op: 'begin' } as const, { type: 'crash', node: 0 } as const],
};

describe('share links', () => {
  it('a frame read back from its hash is the same run at the same step', () => {
    const reading = readLinkHash(frameHash(run, 1));
    expect(reading).toEqual({ kind: 'frame', run, step: 1 });
  });

  it('the link keeps the page address and replaces any old hash', () => {
    const url = shareUrl('https://example.org/sub/two-phase-commit.html?present#old', run, 2);
    expect(url.startsWith('https://example.org/sub/two-phase-commit.html?present#1.')).toBe(true);
    expect(url).not.toContain('#old');
  });

  it('on a long run, moving the cursor writes none of its choices again', () => {
    const choices = Array.from({ length: 100_000 }, (_, i) => ({ type: 'deliver', id: i }) as const);
    const long = { ...run, choices };
    const links = createShareLinks();
    const page = 'https://example.org/two-phase-commit.html';
    expect(links(page, long, 100_000)).toBe(shareUrl(page, long, 100_000));
    const written = links.choicesWritten;
    for (const step of [99_999, 50_000, 3, 100_000]) expect(links(page, long, step)).toBe(shareUrl(page, long, step));
    expect(links.choicesWritten).toBe(written);
  });

  it('an empty hash is no link at all', () => {
    expect(readLinkHash('')).toEqual({ kind: 'none' });
    expect(readLinkHash('#')).toEqual({ kind: 'none' });
  });

  it('a damaged link says so in words, with the codec’s reason', () => {
    const hash = frameHash(run, 1);
    const reading = readLinkHash(hash.slice(0, -3));
    expect(reading.kind).toBe('bad');
    expect(reading.kind === 'bad' && reading.message).toMatch(/^This link is damaged \(.+\)\. Here is a fresh run instead\.$/);
  });
});
