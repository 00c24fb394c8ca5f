import { describe, expect, it } from 'vitest';
import { protocols } from './registry';
import { fuzzLinks, fuzzProblem, scenarioFrames } from './testing/fuzz-links';

// The fuzz corpus kept as a test: a few hundred mutated links per protocol, the same every run.
// The big run (tens of thousands, and long runs) is scripts/fuzz.ts.
const LINKS_PER_PROTOCOL = 300;

describe('mutated share links', () => {
  for (const protocol of protocols)
    it(`${protocol.id}: ${LINKS_PER_PROTOCOL} of them never throw, never open as another run, and explain themselves in one short line`, () => {
      const links = fuzzLinks(scenarioFrames(protocol), LINKS_PER_PROTOCOL, 8);
      const problems = links.map((link) => ({ link, problem: fuzzProblem(link) })).filter((r) => r.problem !== null);
      expect(problems.map((p) => `${p.problem} (${p.link.how}): ${p.link.text.slice(0, 120)}`)).toEqual([]);
      // The corpus must reach past the check code: some links open, some are refused deep inside.
      expect(links.filter((l) => l.resealed).length).toBeGreaterThan(LINKS_PER_PROTOCOL / 2);
    });
});
