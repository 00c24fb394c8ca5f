// `npx tsx scripts/fuzz.ts [--links N] [--schedules N] [--steps N] [--seed S]`: the big fuzz run
// of issue 8, as a hostile user would try the app. The unit tests keep a few hundred of these
// links (src/protocols/fuzz.test.ts); this runs tens of thousands, plus random schedules per
// variant, a 100,000-step run of every protocol and mutated links through the CLI. It prints
// what it tried and every problem, and exits 1 if there was one. Everything is seeded.
import { createWorld, draw } from '../src/engine';
import { chaosRun } from '../src/engine/testing/schedules';
import { main } from '../src/cli/main';
import { protocols } from '../src/protocols/registry';
import { fuzzLinks, fuzzProblem, reasonProblem, scenarioFrames } from '../src/protocols/testing/fuzz-links';
import { longRunOf } from './bench/long-run';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const linksPerProtocol = option('links', 12_000);
const schedulesPerVariant = option('schedules', 1_000);
const longSteps = option('steps', 100_000);
const seed = option('seed', 24);

const problems: string[] = [];
const report = (line: string) => console.log(line);

function fuzzLinksOf(): void {
  for (const protocol of protocols) {
    const links = fuzzLinks(scenarioFrames(protocol), linksPerProtocol, seed);
    let opened = 0;
    for (const link of links) {
      let problem: string | null;
      try {
        problem = fuzzProblem(link);
      } catch (error) {
        problem = `threw ${String(error)}`;
      }
      if (problem !== null) problems.push(`${protocol.id} link (${link.how}): ${problem}: ${link.text.slice(0, 160)}`);
      else if (link.resealed) opened++;
    }
    report(`${protocol.id}: ${links.length} mutated links, ${opened} re-sealed ones handled`);
  }
}

function randomSchedules(): void {
  for (const protocol of protocols)
    for (const variant of protocol.variants) {
      const system = protocol.build(protocol.defaults(), variant.id);
      let broken = 0;
      for (let run = 0; run < schedulesPerVariant; run++) {
        const picks = Array.from({ length: 60 }, (_, i) => Math.floor(draw(seed + run, 'schedule', i) * 1_000_000));
        try {
          const { world } = chaosRun(createWorld(system, seed + run), picks);
          if (world.violations.length > 0) broken++;
          for (const v of world.violations) {
            const problem = reasonProblem(v.message);
            if (problem !== null) problems.push(`${protocol.id}/${variant.id}: ${problem}`);
          }
        } catch (error) {
          problems.push(`${protocol.id}/${variant.id} schedule ${run} threw ${String(error)}`);
        }
      }
      if (variant.id === 'correct' && broken > 0) problems.push(`${protocol.id}: the correct variant broke an invariant in ${broken} random schedules`);
      report(`${protocol.id}/${variant.id}: ${schedulesPerVariant} random schedules, ${broken} broke an invariant`);
    }
}

function longRuns(): void {
  for (const protocol of protocols) {
    const started = performance.now();
    const { history, steps } = longRunOf(protocol, longSteps);
    const seconds = (performance.now() - started) / 1000;
    report(`${protocol.id}: a ${steps.toLocaleString('en-US')}-step run in ${seconds.toFixed(1)} s (${Math.round(steps / seconds).toLocaleString('en-US')} steps/s)`);
    if (history === null) problems.push(`${protocol.id}: the long run did not reach ${longSteps} steps`);
  }
}

async function cliLinks(): Promise<void> {
  let runs = 0;
  for (const protocol of protocols)
    for (const link of fuzzLinks(scenarioFrames(protocol), 200, seed + 1)) {
      let out = '';
      let err = '';
      const code = await main(['run', `https://example.org/${protocol.id}.html#${link.text}`], { out: { write: (t) => (out += t) }, err: { write: (t) => (err += t) } });
      runs++;
      if (code !== 0 && code !== 2) problems.push(`CLI exit ${code} on ${link.text.slice(0, 120)}`);
      const problem = err === '' ? null : reasonProblem(err.trimEnd());
      if (problem !== null) problems.push(`CLI (${link.how}): ${problem}`);
      if (out.split('\n').some((line) => reasonProblem(line.slice(0, 500)) !== null)) problems.push(`CLI wrote a control character for ${link.text.slice(0, 120)}`);
    }
  report(`CLI: ${runs} mutated links run`);
}

fuzzLinksOf();
randomSchedules();
longRuns();
await cliLinks();
for (const problem of problems.slice(0, 100)) console.log(`PROBLEM ${problem}`);
console.log(problems.length === 0 ? 'no problems found' : `${problems.length} problems found`);
process.exitCode = problems.length === 0 ? 0 : 1;
