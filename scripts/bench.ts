// `npm run bench`: the figures of docs/ARCHITECTURE.md §7, printed as a table and as JSON.
// Budgets live here, never in tests. Run `npm run build` first for the page-weight and browser
// figures; the engine and checker figures need nothing but Node.
import { spawnSync } from 'node:child_process';
import { browserFigures } from './bench/browser';
import { engineFigures } from './bench/engine';
import { table, type Figure } from './bench/figure';
import { fromStartFigures } from './bench/from-start';
import { mutationFigures } from './bench/mutation';
import { quorumFigures } from './bench/quorum';
import { timedFigures } from './bench/timed';

const skipBrowser = process.argv.includes('--no-browser');
if (!process.argv.includes('--no-build')) spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const figures: Figure[] = [...engineFigures(), ...fromStartFigures(), ...quorumFigures(), ...timedFigures(), ...mutationFigures()];
if (!skipBrowser) figures.push(...(await browserFigures()));

console.log(table(figures));
console.log(JSON.stringify({ figures }, null, 2));
