// Frame times in Chromium while scrubbing and while playing a 10,000-step two-phase commit run
// (the coordinator crashes after PREPARE and never returns, so the participants keep asking),
// and the time of a step with 2,000 messages in flight.
// The page is the built site, served by `vite preview`; frames are timed in the page with
// requestAnimationFrame, so a frame that takes longer than 16.7 ms shows as a longer interval.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { encodeFrame, type Choice } from '../../src/engine';
import { weightFigures } from './bundle';
import { percentiles, type Figure } from './figure';
import { longRun } from './long-run';
import { widgetFigures } from './widget';
import { workerFigures } from './worker';

// Another port can be chosen when 4319 is taken (BENCH_PORT=4999 npm run bench).
const port = Number(process.env['BENCH_PORT'] ?? 4319);
const steps = 10_000;

function longRunHash(): string {
  const { config, choices } = longRun(steps);
  return encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config, seed: 1, choices, step: choices.length });
}

/**
 * Runs `frames` animation frames in the page and returns the interval before each. While
 * scrubbing, every frame moves the scrubber to another step. The in-page code is a string
 * because tsx rewrites functions in a way the page cannot run.
 */
async function frameTimes(page: Page, frames: number, scrub: boolean): Promise<number[]> {
  const script = `new Promise((resolve) => {
    const slider = document.querySelector('input[type=range][aria-label="Step in the run"]');
    const times = [];
    let last = performance.now();
    let i = 0;
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (${scrub}) {
        slider.value = String(Math.floor((((i * 7919) % ${frames}) / ${frames}) * ${steps}));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (++i < ${frames}) requestAnimationFrame(tick);
      else resolve(times.slice(2));
    };
    requestAnimationFrame(tick);
  })`;
  return (await page.evaluate(script)) as number[];
}

/** `begin`, then the first PREPARE duplicated until 1,999 messages are in flight (issue 8). */
function crowdedHash(): string {
  const choices: Choice[] = [{ type: 'client', node: 0, op: 'begin' }, ...Array.from({ length: 1_996 }, (): Choice => ({ type: 'duplicate', id: 0 }))];
  return encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config: { participants: 3 }, seed: 1, choices, step: choices.length });
}

/** How long each of `count` steps takes, from the click on Step to the end of the frame that shows it. */
async function stepTimes(page: Page, count: number): Promise<number[]> {
  const script = `(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Step'));
    const times = [];
    for (let i = 0; i < ${count}; i++) {
      const started = performance.now();
      button.click();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - started);
    }
    return times;
  })()`;
  return (await page.evaluate(script)) as number[];
}

/** Frame times while scrubbing with "Find a violation" searching in its worker; the search is then cancelled. */
async function scrubbingWhileSearching(page: Page) {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const search = page.locator('[data-panel="search"]');
  await search.getByRole('button', { name: 'Find a violation' }).click();
  await search.getByTestId('search-progress').filter({ hasText: /[\d,]+ states/ }).waitFor({ timeout: 60_000 });
  const times = percentiles(await frameTimes(page, 240, true));
  await search.getByRole('button', { name: 'Cancel' }).click();
  return times;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the preview server at ${url} did not start`);
}

export async function browserFigures(): Promise<Figure[]> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync('dist/two-phase-commit.html')) return [];
  const server = spawn('npx', ['vite', 'preview', '--strictPort', '--port', String(port)], { stdio: 'ignore', detached: true });
  // Launched as a server so its process id is known: the worker figures read its CPU time.
  const browserServer = await chromium.launchServer({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  try {
    await waitForServer(`http://localhost:${port}/`);
    const weights = await weightFigures(() => browser.newPage(), `http://localhost:${port}`);
    const widgets = await widgetFigures(browser, `http://localhost:${port}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`http://localhost:${port}/two-phase-commit.html#${longRunHash()}`);
    await page.getByTestId('position').filter({ hasText: `Step ${steps}` }).waitFor();
    const scrubbing = percentiles(await frameTimes(page, 240, true));
    await page.getByLabel('Speed').selectOption({ label: '32 steps/s' });
    await page.getByRole('slider', { name: 'Step in the run' }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const playing = percentiles(await frameTimes(page, 240, false));
    const searching = await scrubbingWhileSearching(page);
    await page.goto(`http://localhost:${port}/two-phase-commit.html#${crowdedHash()}`);
    await page.getByTestId('position').filter({ hasText: 'Step 1997' }).waitFor();
    const crowded = percentiles(await stepTimes(page, 30));
    const budget = { limit: 16.7, atLeast: false };
    const workers = await workerFigures(await browser.newPage(), `http://localhost:${port}`, browserServer.process().pid);
    return [
      ...weights,
      ...widgets,
      ...workers,
      { name: 'scrubbing a 10,000-step run, median frame', value: scrubbing.median, unit: 'ms' },
      { name: 'scrubbing a 10,000-step run, p95 frame', value: scrubbing.p95, unit: 'ms', budget },
      { name: 'playing a 10,000-step run, median frame', value: playing.median, unit: 'ms' },
      { name: 'playing a 10,000-step run, p95 frame', value: playing.p95, unit: 'ms', budget },
      { name: 'a step with 2,000 messages in flight, median', value: crowded.median, unit: 'ms' },
      { name: 'a step with 2,000 messages in flight, p95', value: crowded.p95, unit: 'ms', budget },
      { name: 'scrubbing a 10,000-step run while a search runs, median frame', value: searching.median, unit: 'ms' },
      { name: 'scrubbing a 10,000-step run while a search runs, p95 frame', value: searching.p95, unit: 'ms', budget },
    ];
  } finally {
    await browser.close();
    await browserServer.close();
    // The server may have exited already (its port was taken): then there is nothing to stop.
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid);
  }
}
