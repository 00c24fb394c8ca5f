import { describe, expect, it } from 'vitest';
import { checkWorld, replay, walkWorld } from '../../engine';
import { checkingStart } from '../kit';
import { paxos } from './index';
import { paxosWithPlantedBugs } from './testing/planted';

// The checker's own defaults for Paxos (index.ts): every search starts after the same prefix,
// which plays the same way in every variant: P1 proposes and A is chosen by A1 and A2 while A3
// hears nothing; P1 learns it and the news to P2 is lost, so nothing is left in flight. The
// checker must then find, on its own, a second ballot that chooses B (P2 proposing, with at most
// one crash), or show that no run of that length does.
const { maxDepth, budget } = paxos.checking;
const config = paxos.defaults();
const prefixOf = (variant: string) => checkingStart(paxos, variant, config);

describe('the checker on Paxos', () => {
  it('finds no violation of the correct variant within small bounds', () => {
    const result = checkWorld(paxos.build(config, 'correct'), 1, { maxDepth, budget, prefix: prefixOf('correct') });
    expect(result).toMatchObject({ kind: 'none', depth: maxDepth });
  });

  for (const variant of ['forgetful-acceptor', 'ignores-accepted-value', 'minority-quorum'])
    it(`finds a short, replayable run of ${variant} in which two values are chosen`, () => {
      const system = paxos.build(config, variant);
      const result = checkWorld(system, 1, { maxDepth, budget, prefix: prefixOf(variant) });
      expect(result.kind).toBe('violation');
      if (result.kind !== 'violation') return;
      expect(result.rule).toBe('agreement');
      expect(result.message).toMatch(/^A was chosen in ballot \(1,P1\) by .*, and B in ballot \(1,P2\) by /);
      const replayed = replay(system, 1, result.choices);
      expect(replayed.ok).toBe(true);
      expect(replayed.world.violations.map((v) => v.rule)).toContain('agreement');
    });

  it('finds B chosen in (1,P2) and then A in (2,P1) when a proposer adopts the lowest accepted ballot, from where two ballots have accepted values', () => {
    const system = paxos.build(config, 'adopts-lowest-ballot');
    const result = checkWorld(system, 1, { maxDepth, budget, prefix: prefixOf('adopts-lowest-ballot') });
    expect(result).toMatchObject({ kind: 'violation', rule: 'agreement' });
    if (result.kind !== 'violation') return;
    expect(result.message).toMatch(/^B was chosen in ballot \(1,P2\) by A2 and A3, and A in ballot \(2,P1\) by A1 and A\d$/);
    expect(replay(system, 1, result.choices).world.violations.map((v) => v.rule)).toContain('agreement');
  });

  // From the very start the breadth-first search reaches about 10 steps, short of the 16 to 24
  // these breaches need; the random walks that `check --from-start` takes first reach them.
  for (const variant of paxos.variants.filter((v) => v.id !== 'correct').map((v) => v.id))
    it(`catches ${variant} from the very start with random walks, in a shrunk run that replays to two values chosen`, () => {
      const system = paxos.build(config, variant);
      const result = walkWorld(system, 1, { walks: 5_000, steps: 40, budget });
      expect(result).toMatchObject({ kind: 'violation', rule: 'agreement' });
      if (result.kind !== 'violation') return;
      expect(result.choices.length).toBeLessThanOrEqual(result.walkedSteps);
      expect(replay(system, 1, result.choices).world.violations.map((v) => v.rule)).toContain('agreement');
    });

  it('finds nothing in the correct variant on the same random walks from the start', () => {
    expect(walkWorld(paxos.build(config, 'correct'), 1, { walks: 5_000, steps: 40, budget })).toMatchObject({ kind: 'none', walks: 5_000 });
  });

  // Two acceptor bugs a reviewer planted (testing/planted.ts) passed every search from the usual
  // start: they need a crash before anything is chosen.
  for (const variant of ['unlogged-promise', 'misread-log'])
    it(`catches the planted bug ${variant} from the very start with random walks`, () => {
      const system = paxosWithPlantedBugs.build(config, variant);
      const result = walkWorld(system, 1, { walks: 5_000, steps: 40, budget });
      expect(result).toMatchObject({ kind: 'violation', rule: 'agreement' });
      if (result.kind === 'violation') expect(result.choices.filter((c) => c.type === 'crash')).toHaveLength(1);
    });
});
