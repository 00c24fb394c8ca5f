import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFrame } from '../engine';
import { protocolById, protocols } from '../protocols/registry';
import { fuzzLinks, scenarioFrames } from '../protocols/testing/fuzz-links';
import { cli, hasControl } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'fault-lines-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const twoPhase = protocolById('two-phase-commit')!;
const link = (frame: Partial<Parameters<typeof encodeFrame>[0]>) =>
  `#${encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config: twoPhase.defaults(), seed: 1, choices: [], step: 0, ...frame })}`;

/** One line on stderr, exit 2, nothing on stdout. */
function refusedInOneLine(result: { code: number; out: string; err: string }) {
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
}

describe('fault-lines run, given a path that is not a link file', () => {
  it('refuses a directory with one line, not a stack trace', async () => {
    const result = await cli(['run', dir]);
    refusedInOneLine(result);
    expect(result.err).toContain('is a directory');
  });

  it('refuses a pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await cli(['run', fifo]);
    refusedInOneLine(result);
    expect(result.err).toContain('is not a regular file');
  });

  it('refuses a device such as /dev/zero instead of reading it without end', async () => {
    const result = await cli(['run', '/dev/zero']);
    refusedInOneLine(result);
    expect(result.err).toContain('is not a regular file');
  });

  it('refuses a file larger than any link, without reading it', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(2_000_000));
    const result = await cli(['run', big]);
    refusedInOneLine(result);
    expect(result.err).toContain('holds 2,000,000 bytes');
  });

  it('still reads a file holding a link', async () => {
    const file = join(dir, 'link.txt');
    writeFileSync(file, `https://example.org/two-phase-commit.html${link({ choices: [{ type: 'client', node: 0, op: 'begin' }], step: 1 })}\n`);
    const result = await cli(['run', file]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('A client asks coordinator to begin a transaction');
  });
});

describe('fault-lines output, whatever a link holds', () => {
  const escape = '\u001b]0;owned\u0007\u001b[2J\u009b31m';
  const hostile: [string, string][] = [
    ['a variant', link({ variant: `x${escape}` })],
    ['a config key', link({ config: { ...twoPhase.defaults(), [`k${escape}`]: 1 } })],
    ['a config value', link({ config: { ...twoPhase.defaults(), participants: `3${escape}` } })],
    ['an operation', link({ choices: [{ type: 'client', node: 0, op: `begin${escape}` }], step: 1 })],
  ];
  for (const [where, text] of hostile)
    it(`writes no control character to the terminal from ${where}`, async () => {
      const result = await cli(['run', text]);
      expect(result.code).toBe(2);
      expect(hasControl(result.err)).toBe(false);
      expect(result.err).toContain('\\x1b');
    });

  it('answers fuzzed links with a run or one clean line, never a stack trace', async () => {
    for (const protocol of protocols)
      for (const link of fuzzLinks(scenarioFrames(protocol), 30, 52)) {
        const result = await cli(['run', `https://example.org/${protocol.id}.html#${link.text}`]);
        expect([0, 2], link.how).toContain(result.code);
        expect(hasControl(result.out + result.err), link.how).toBe(false);
        if (result.code === 2) expect(result.err.trimEnd().split('\n'), link.how).toHaveLength(1);
      }
  });

  it('quotes at most sixty characters of a 900 KB name', async () => {
    const result = await cli(['run', link({ variant: 'v'.repeat(900_000) })]);
    expect(result.code).toBe(2);
    expect(result.err.length).toBeLessThan(400);
    expect(result.err).toContain(`"${'v'.repeat(60)}…" (900,000 characters)`);
  });

  it('escapes control characters in arguments it echoes', async () => {
    const result = await cli(['frobnicate\u001b[31m']);
    expect(result.code).toBe(2);
    expect(hasControl(result.err)).toBe(false);
  });

  it('refuses a hostile target, a delay that is not a plain number, and a value given to a flag, each in one line', async () => {
    for (const args of [
      ['--target', 'zombie\u001b[2J__proto__'],
      ['--target', 'constructor'],
      ['--max-delay', '1e3'],
      ['--max-delay', '99999999999'],
      ['--timed=yes'],
      ['--from-start=1'],
    ]) {
      const result = await cli(['check', 'kafka-consumer-offsets', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(hasControl(result.err)).toBe(false);
      expect(result.err.split('\n')[0]).toMatch(/^fault-lines: (there is no invariant or condition|--max-delay must be|--\S+ takes no value)/);
    }
  });
});

describe('fault-lines check --set', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope'])
    it(`refuses the unknown key "${key}" like any other`, async () => {
      const result = await cli(['check', 'two-phase-commit', '--set', `${key}=1`, '--depth', '2']);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`unknown option "${key}"`);
    });
});

describe('fault-lines messages say what is true', () => {
  it('an unknown scenario is named as one, with the scenarios there are', async () => {
    const result = await cli(['run', 'two-phase-commit/nope']);
    refusedInOneLine(result);
    expect(result.err).toContain('Two-phase commit has no scenario "nope" (scenarios: happy-commit');
  });

  it('something that is neither a file, a link nor a scenario is called that', async () => {
    const result = await cli(['run', 'no/such/file.txt']);
    refusedInOneLine(result);
    expect(result.err).toContain('"no/such/file.txt" is not a file, a share link or <protocol>/<scenario>');
  });

  it('the check header names the config values it uses, even those equal to the defaults', async () => {
    const small = await cli(['check', 'two-phase-commit', '--depth', '3']);
    expect(small.err).toContain('checking two-phase-commit (correct) with participants=2, voteTimeoutTicks=');
    const three = await cli(['check', 'two-phase-commit', '--set', 'participants=3', '--set', 'lossPercent=0', '--depth', '3']);
    expect(three.err).toContain('with participants=3,');
    expect(three.err).not.toContain('lossPercent');
  });
});
