import { describe, expect, it } from 'vitest';
import { faultKinds } from '../engine';
import { usage } from './main';
import { cli as run } from './testing';

const cli = (...argv: string[]) => run(argv);

describe('fault-lines CLI', () => {
  it('list names every protocol with its variants and scenarios', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    expect(out).toContain('two-phase-commit');
    expect(out).toContain('no-decision-log');
    expect(out).toContain('two-phase-commit/happy-commit');
  });

  it('run prints a scenario as narrated steps with its captions', async () => {
    const { code, out } = await cli('run', 'two-phase-commit/happy-commit');
    expect(code).toBe(0);
    expect(out).toMatch(/step 1, tick 0\n {2}- A client asks coordinator to begin a transaction/);
    expect(out).toContain('» ');
    expect(out).toContain('every invariant held');
  });

  it('run refuses a mangled link with a reason and exit code 2', async () => {
    const { code, err } = await cli('run', 'https://example.org/two-phase-commit.html#1.two-phase-commit.correct.1.3.zz');
    expect(code).toBe(2);
    expect(err).toContain('the link is damaged');
  });

  it('check finds the impatient participant breaking atomicity, with a share link that replays to it', async () => {
    const found = await cli('check', 'two-phase-commit', '--variant', 'impatient-participant', '--depth', '12', '--losses', '0');
    expect(found.code).toBe(1);
    expect(found.out).toMatch(/^violation of atomicity: /);
    const link = /share link: (\S+)/.exec(found.out)?.[1];
    expect(link).toBeDefined();
    const replayed = await cli('run', link!);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('VIOLATION of atomicity');
  });

  it('check reports nothing for the correct protocol within small bounds', async () => {
    const { code, out } = await cli('check', 'two-phase-commit', '--set', 'participants=2', '--depth', '8', '--losses', '0');
    expect(code).toBe(0);
    expect(out).toMatch(/^no violation within bounds: \d+ distinct states, depth 8/);
  });

  it('check takes a budget option for every kind of fault, and names them all in its usage', async () => {
    for (const { kind } of faultKinds) {
      const { code, err } = await cli('check', 'two-phase-commit', '--depth', '3', `--${kind}`, '2');
      expect(code, kind).toBe(0);
      expect(err, kind).toMatch(new RegExp(`at most .*2 ${kind}`));
      expect(usage).toContain(`[--${kind} N]`);
    }
  });

  it('bad arguments print the usage and exit 2', async () => {
    for (const argv of [['check'], ['check', 'nope'], ['check', 'two-phase-commit', '--depth', 'x'], ['frobnicate'], ['check', 'two-phase-commit', '--set', 'participants=9'], ['run', '--wat', '1']]) {
      const { code, err } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toContain('usage:');
    }
  });
});

describe('fault-lines check with its defaults', () => {
  it('catches every broken two-phase commit variant with a short run', async () => {
    for (const variant of ['no-decision-log', 'forgetful-participant', 'impatient-participant']) {
      const { code, out } = await cli('check', 'two-phase-commit', '--variant', variant);
      expect(code, variant).toBe(1);
      expect(out, variant).toMatch(/^violation of atomicity: P\d committed while P\d aborted\nshortest run: [1-9] steps/);
    }
  });
});

describe('fault-lines check paxos', () => {
  it('starts after a value is chosen and catches a minority quorum choosing a second value', async () => {
    const { code, out, err } = await cli('check', 'paxos', '--variant', 'minority-quorum');
    expect(err).toContain('starting from: A chosen by A1 and A2');
    expect(code).toBe(1);
    expect(out).toMatch(/^violation of agreement: A was chosen in ballot \(1,P1\) .* and B in ballot/);
    expect(out).toMatch(/13 starting steps, then \d found by the search/);
  });
});

describe('fault-lines check quorum-replication', () => {
  it('catches last-write-wins losing an acknowledged write, under the dynamo promise, with a share link that replays to it', async () => {
    const { code, out, err } = await cli('check', 'quorum-replication', '--variant', 'last-write-wins');
    expect(err).toContain('with consistency=dynamo');
    expect(code).toBe(1);
    expect(out).toMatch(/^violation of no-lost-acknowledged-write: C\d's put of x = [ab]1 was acknowledged, but no node holds it any more/);
    const link = /share link: (\S+)/.exec(out)?.[1];
    expect(link).toMatch(/quorum-replication\.html#/);
    const replayed = await cli('run', link!);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('VIOLATION of no-lost-acknowledged-write');
  });

  it('refuses an impossible quorum with the reason', async () => {
    const { code, err } = await cli('check', 'quorum-replication', '--set', 'r=4');
    expect(code).toBe(2);
    expect(err).toContain('R is 4, more than N = 3');
  });
});

describe('fault-lines check cache-write-strategies', () => {
  it('checks a broken variant under its own strategy, crashing only the cache and the database, and catches the lost write', async () => {
    const { code, out, err } = await cli('check', 'cache-write-strategies', '--variant', 'volatile-write-back');
    expect(err).toContain('with strategy=write-back');
    expect(err).toContain('(crashing only Cache and DB)');
    expect(code).toBe(1);
    expect(out).toMatch(/^violation of acknowledged-write-durable: App1 was told that x=a1 \(v1\) is written, but no copy is left/);
    expect(out).toContain('share link: http://localhost:5173/cache-write-strategies.html#1.cache-write-strategies.volatile-write-back.');
  });
});
