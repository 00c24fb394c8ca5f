import { describe, expect, it } from 'vitest';
import { cli } from './testing';

describe('fault-lines check on any config', () => {
  for (const set of ['acceptors=4', 'acceptors=5', 'acceptors=7', 'proposers=1', 'proposers=3'])
    it(`checks paxos with ${set}, starting where a value is chosen`, async () => {
      const result = await cli(['check', 'paxos', '--set', set, '--depth', '3']);
      expect(result.code, result.err).toBe(0);
      expect(result.err).toContain(set);
      expect(result.err).toMatch(/starting from: A chosen by A1/);
      expect(result.out).toMatch(/^no violation within bounds/);
    });

  it('catches a minority quorum with five acceptors too', async () => {
    const result = await cli(['check', 'paxos', '--variant', 'minority-quorum', '--set', 'acceptors=5']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('starting from: A chosen by A1, A2 and A3 in ballot (1,P1); P2 has not heard');
    expect(result.out).toMatch(/^violation of agreement: /);
  });
});

describe('fault-lines check on a large search', () => {
  it('stops with a sentence before memory runs out, and shows progress on a terminal', async () => {
    let now = 0;
    let asked = 0;
    const result = await cli(['check', 'two-phase-commit', '--set', 'participants=4', '--max-states', '50000000', '--depth', '40'], {
      terminal: true,
      clock: () => (now += 4_000),
      // Nearly full from the third look on.
      memory: () => ({ usedBytes: ++asked >= 3 ? 900 : 100, limitBytes: 1000 }),
    });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^no violation within bounds: 30000 distinct states, depth \d+ \(not exhaustive: memory is nearly full/);
    expect(result.err).toMatch(/… 10,000 distinct states, depth \d+ \([\d,]+ waiting\), [\d,]+ states\/s\n/);
  });

  it('prints no progress when stderr is not a terminal', async () => {
    const result = await cli(['check', 'two-phase-commit', '--set', 'participants=3', '--depth', '9'], { clock: () => Date.now() * 1000 });
    expect(result.err).not.toContain('distinct states');
  });
});

describe('fault-lines check from the start', () => {
  it('takes random walks first, says none broke a rule, then searches breadth first', async () => {
    const result = await cli(['check', 'paxos', '--from-start', '--walks', '200', '--depth', '4']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).not.toContain('starting from:');
    expect(result.err).toContain('the search ignores due times: it misses no breach, but a run it finds may fire a timer early or late');
    expect(result.out).toMatch(/^random walks: 200 walks of up to 40 steps, none broke a rule; then breadth-first:\nno violation within bounds: \d+ distinct states, depth 4/);
  });

  it('catches a proposer that ignores the accepted value from the very start, with a shrunk run whose share link replays to it', async () => {
    const found = await cli(['check', 'paxos', '--variant', 'ignores-accepted-value', '--from-start']);
    expect(found.code).toBe(1);
    expect(found.out).toMatch(/^violation of agreement: .* was chosen in ballot .* and .* in ballot /);
    expect(found.out).toMatch(/\nrun found by random walk [\d,]+ of 5,000: \d+ steps, shrunk from \d+ \(not always the shortest/);
    const replayed = await cli(['run', /share link: (\S+)/.exec(found.out)![1]!]);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('VIOLATION of agreement');
  });

  it('takes no walks when told --walks 0, and refuses a walk count that is not a whole number', async () => {
    const none = await cli(['check', 'paxos', '--from-start', '--walks', '0', '--depth', '3']);
    expect(none.out).toMatch(/^no violation within bounds/);
    const bad = await cli(['check', 'paxos', '--walks', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage:');
  });
});

describe('fault-lines check with a target and a clock', () => {
  const zombie = ['check', 'kafka-consumer-offsets', '--target', 'zombie', '--crashes', '0', '--losses', '0'];

  it('ignoring due times, reaches a zombie consumer by firing the session timer early, and says so', async () => {
    const result = await cli(zombie);
    expect(result.code).toBe(1);
    expect(result.err).toContain('looking for a state where zombie');
    expect(result.out).toMatch(/^reached zombie: C1 still works on p0 for generation 1, but the group has removed it\n/);
    expect(result.out).toContain('Timer session.C1 fires early on broker');
  });

  it('following the clock with messages at most 20 ticks late, no run reaches it without a fault', async () => {
    const result = await cli([...zombie, '--max-delay', '20', '--depth', '12']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('timed search: timers fire at their due tick, in order; a message arrives at most 20 ticks after its due tick');
    expect(result.out).toMatch(/^no run reaches zombie within bounds: [\d]+ distinct states, depth 12/);
  });

  it('says what --timed means on an asynchronous network', async () => {
    const result = await cli(['check', 'two-phase-commit', '--timed', '--depth', '6']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('a message arrives at any time after its due tick');
  });

  it('refuses a target the protocol does not have, naming the ones it has, and a delay that is not a whole number', async () => {
    const unknown = await cli(['check', 'paxos', '--target', '<b>nope</b>']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('there is no invariant or condition "<b>nope</b>" (invariants: agreement');
    const delay = await cli(['check', 'paxos', '--max-delay', '-3']);
    expect(delay.code).toBe(2);
    expect(delay.err).toContain('--max-delay must be a whole number from 0 to 100,000, not "-3"');
  });
});
