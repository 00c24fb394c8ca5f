// Frame times in Chromium while scrubbing and while playing a 10,000-step two-phase commit run
// (the coordinator crashes after PREPARE and never returns, so the participants keep asking).
// The page is the built site, served by `vite preview`; frames are timed in the page with
// requestAnimationFrame, so a frame that takes longer than 16.7 ms shows as a longer interval.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { encodeFrame } from '../../src/engine';
import { weightFigures } from './bundle';
import { percentiles, type Figure } from './figure';
import { longRun } from './long-run';
import { widgetFigures } from './widget';

const port = 4319;
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
  const browser = await chromium.launch({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
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
    const budget = { limit: 16.7, atLeast: false };
    return [
      ...weights,
      ...widgets,
      { name: 'scrubbing a 10,000-step run, median frame', value: scrubbing.median, unit: 'ms' },
      { name: 'scrubbing a 10,000-step run, p95 frame', value: scrubbing.p95, unit: 'ms', budget },
      { name: 'playing a 10,000-step run, median frame', value: playing.median, unit: 'ms' },
      { name: 'playing a 10,000-step run, p95 frame', value: playing.p95, unit: 'ms', budget },
    ];
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}
