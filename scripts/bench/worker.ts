// The checker's rate in the page's Web Worker, in Chromium: the same searches as the CLI figures
// (engine.ts), posted to the worker the built site ships, as "Find a violation" does. Timed by the
// worker's clock, and by the CPU time of the page's renderer process (the worker is one of its
// threads), read from /proc, since the machine may be shared.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { faultBudget } from '../../src/engine';
import type { SearchRequest } from '../../src/protocols/search-run';
import { caseStart, checkerCases } from './engine';
import type { Figure } from './figure';

const ticksPerSecond = 100;

/** The pids of the processes descended from `root`. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents)
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
  };
  walk(root);
  return found;
}

/** CPU seconds used so far by the renderer processes under the browser (0 where /proc is missing). */
export function rendererCpuSeconds(browserPid: number | undefined): number {
  if (browserPid === undefined) return 0;
  let ticks = 0;
  for (const pid of descendants(browserPid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

interface Done {
  readonly outcome: { readonly kind: string; readonly states?: number };
  readonly seconds: number;
}

export async function workerFigures(page: Page, origin: string, browserPid: number | undefined): Promise<Figure[]> {
  const script = readdirSync('dist/assets').find((file) => file.startsWith('search-worker-') && file.endsWith('.js'));
  if (script === undefined) return [];
  await page.goto(`${origin}/two-phase-commit.html`);
  const figures: Figure[] = [];
  for (const [label, spec] of checkerCases) {
    const { config, prefix } = caseStart(spec);
    const request: SearchRequest = {
      run: { protocol: spec.protocol.id, variant: spec.variant, config, seed: 1, choices: prefix },
      steps: spec.maxDepth - 1,
      budget: faultBudget(spec.protocol.checking.budget),
      target: null,
      maxStates: spec.maxStates,
      timing: null,
    };
    // In-page code as strings: tsx rewrites functions in a way the page cannot run. One worker
    // serves two searches, as it serves a page's searches one after the other; the better counts.
    await page.evaluate(`window.benchWorker = new Worker(${JSON.stringify(`${origin}/assets/${script}`)}, { type: 'module' })`);
    const run = (id: number) => `new Promise((resolve) => {
      window.benchWorker.onmessage = (event) => { if (event.data.type === 'done') resolve(event.data); };
      window.benchWorker.postMessage({ id: ${id}, request: ${JSON.stringify(request)} });
    })`;
    const timed = async (id: number) => {
      const cpuBefore = rendererCpuSeconds(browserPid);
      const done = (await page.evaluate(run(id))) as Done;
      return { done, cpu: rendererCpuSeconds(browserPid) - cpuBefore };
    };
    const first = await timed(1);
    const second = await timed(2);
    await page.evaluate('window.benchWorker.terminate()');
    const { done, cpu } = second.done.seconds < first.done.seconds ? second : first;
    const states = done.outcome.states ?? 0;
    const note = `${states.toLocaleString('en-US')} states in ${done.seconds.toFixed(2)} s, ${cpu.toFixed(2)} s of renderer CPU (${done.outcome.kind}); first search ${first.done.seconds.toFixed(2)} s`;
    const budget = { limit: 100_000, atLeast: true };
    figures.push({ name: `checker distinct states/s in the page's worker, ${label}`, value: Math.round(states / done.seconds), unit: 'states/s', budget, note });
    if (cpu > 0) figures.push({ name: `checker distinct states per CPU second in the page's worker, ${label}`, value: Math.round(states / cpu), unit: 'states/s', budget });
  }
  return figures;
}
