import { describe, expect, it } from 'vitest';
import { configFromText } from '../kit';
import { twoPhaseCommit } from './index';

const problems = (input: Record<string, unknown>) => {
  const result = twoPhaseCommit.validate(input);
  return result.ok ? [] : result.problems;
};

describe('two-phase commit configuration', () => {
  it('defaults to three participants and the shared network options', () => {
    expect(twoPhaseCommit.defaults()).toEqual({
      participants: 3,
      voteTimeoutTicks: 60,
      retryTicks: 50,
      latencyTicksMin: 8,
      latencyTicksMax: 16,
      lossPercent: 0,
      duplicationPercent: 0,
    });
    expect(twoPhaseCommit.validate({})).toEqual({ ok: true, config: twoPhaseCommit.defaults() });
  });

  it('builds one coordinator and P1..Pn, with the network options in the system', () => {
    const system = twoPhaseCommit.build({ ...twoPhaseCommit.defaults(), participants: 5, lossPercent: 10 }, 'correct');
    expect(system.nodes.map((n) => n.name)).toEqual(['coordinator', 'P1', 'P2', 'P3', 'P4', 'P5']);
    expect(system.network).toEqual({ latencyTicksMin: 8, latencyTicksMax: 16, lossPercent: 10, duplicationPercent: 0 });
  });

  it('says "2 to 7 participants" when the count is out of range', () => {
    expect(problems({ participants: 1 })).toEqual(['participants: 2 to 7 participants, got 1']);
    expect(problems({ participants: 8 })).toEqual(['participants: 2 to 7 participants, got 8']);
    expect(problems({ participants: 7 })).toEqual([]);
  });

  it('rejects values of the wrong type, and every problem is reported', () => {
    expect(problems({ participants: '4', lossPercent: 2.5 })).toEqual([
      'participants: a whole number is needed (2 to 7 participants), got "4"',
      'lossPercent: a whole number is needed (0 to 100 percent), got 2.5',
    ]);
  });

  it('reports unknown options by name', () => {
    expect(problems({ participant: 4 })).toEqual([expect.stringMatching(/^unknown option "participant" \(known options: participants, /)]);
  });

  it('checks that the slowest delivery is not faster than the fastest', () => {
    expect(problems({ latencyTicksMin: 20, latencyTicksMax: 10 })).toEqual([
      'latencyTicksMax must be a whole number, at least latencyTicksMin',
    ]);
  });

  it('reads typed text (from the CLI or a form) into values before checking them', () => {
    const input = configFromText(twoPhaseCommit.config, { participants: '4', lossPercent: 'lots' });
    expect(input).toEqual({ participants: 4, lossPercent: 'lots' });
    expect(problems(input)).toEqual(['lossPercent: a whole number is needed (0 to 100 percent), got "lots"']);
  });

  it('refuses to build an unknown variant or a bad config, saying why', () => {
    expect(() => twoPhaseCommit.build(twoPhaseCommit.defaults(), 'nope')).toThrow(/no variant "nope".*correct, no-decision-log/);
    expect(() => twoPhaseCommit.build({ ...twoPhaseCommit.defaults(), participants: 0 }, 'correct')).toThrow(/2 to 7 participants/);
  });
});
