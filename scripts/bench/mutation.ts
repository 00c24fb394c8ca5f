// The mutation score of each protocol machine file measured so far (`npm run mutate`, StrykerJS,
// outside CI: about three seconds a mutant, so hours for every file). docs/mutation/scores.json
// keeps, per file, the last Stryker run and the score once the tests added since are counted,
// each survivor of that run applied again by hand; the protocol's note there says what every
// mutant left is and why it changes nothing anyone can observe.
import { readFileSync } from 'node:fs';
import type { Figure } from './figure';

interface Score {
  readonly file: string;
  readonly mutants: number;
  /** Killed (or timed out) in the last Stryker run. */
  readonly stryker: number;
  /** Killed once the tests added since are counted. */
  readonly checked: number;
}

const percent = (killed: number, mutants: number) => Math.round((1000 * killed) / mutants) / 10;

export function mutationFigures(): Figure[] {
  const { files } = JSON.parse(readFileSync('docs/mutation/scores.json', 'utf8')) as { files: readonly Score[] };
  return files.map(({ file, mutants, stryker, checked }) => ({
    name: `mutation score, ${file}`,
    value: percent(checked, mutants),
    unit: '%',
    budget: { limit: 90, atLeast: true },
    note: `${checked} of ${mutants} mutants killed; the last Stryker run killed ${stryker} (${percent(stryker, mutants)}%)`,
  }));
}
