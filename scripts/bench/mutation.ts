// The mutation score of each protocol machine file (`npm run mutate`, StrykerJS, outside CI), read
// from the JSON reports under reports/mutation: for each file, the newest run that mutated it.
// Stryker's score: killed and timed-out mutants over all that ran or had no test reach them.
// Nothing is printed for files never mutated on this machine; docs/mutation/ keeps the figures
// and what each surviving mutant is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figure';

interface Report {
  readonly files: { readonly [path: string]: { readonly mutants: readonly { readonly status: string }[] } };
}

const folder = 'reports/mutation';

export function mutationFigures(): Figure[] {
  if (!existsSync(folder)) return [];
  const newest = new Map<string, { time: number; statuses: string[] }>();
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json'))) {
    const path = join(folder, name);
    const time = statSync(path).mtimeMs;
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const known = newest.get(file);
      if (known === undefined || known.time < time) newest.set(file, { time, statuses: mutants.map((m) => m.status) });
    }
  }
  return [...newest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { statuses }]) => {
      const count = (status: string) => statuses.filter((s) => s === status).length;
      const detected = count('Killed') + count('Timeout');
      const counted = detected + count('Survived') + count('NoCoverage');
      return {
        name: `mutation score, ${file.replace(/^src\/protocols\//, '')}`,
        value: Math.round((1000 * detected) / Math.max(1, counted)) / 10,
        unit: '%',
        budget: { limit: 90, atLeast: true },
        note: `${detected} of ${counted} mutants killed; ${count('Survived')} survived, ${count('NoCoverage')} reached by no test`,
      };
    });
}
