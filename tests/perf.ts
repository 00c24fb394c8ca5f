// UI measurements for `npm run bench` (see perf.config.ts). Figures, not assertions: nothing here
// fails on a slow machine. Frame times come from requestAnimationFrame timestamps in the page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apply, createWorld, encodeFrame, next, traceLength, type Choice } from '../src/engine';
import { twoPhaseCommit as protocol } from '../src/protocols/two-phase-commit';
import { PROTOCOL_PAGE, simulator } from './simulator';

const EVENTS = 10_000;

/** A two-phase commit run of at least EVENTS trace events: the coordinator crashes after
 *  PREPARE and the participants, blocked in doubt, keep asking it for the decision. */
function longRun(): { hash: string; steps: number; events: number } {
  const config = protocol.defaults();
  const system = protocol.build(config, 'correct');
  const { run } = protocol.compileScenario({
    id: 'bench',
    title: 'bench',
    summary: 'bench',
    steps: [
      { do: 'client', node: 'coordinator', op: 'begin' },
      { do: 'deliver', message: { type: 'PREPARE', to: 'P1' } },
      { do: 'deliver', message: { type: 'PREPARE', to: 'P2' } },
      { do: 'deliver', message: { type: 'PREPARE', to: 'P3' } },
      { do: 'crash', node: 'coordinator' },
    ],
  });
  const choices: Choice[] = [...run.choices];
  let world = run.choices.reduce((w, c) => apply(w, c), createWorld(system, run.seed));
  while (traceLength(world.trace) < EVENTS) {
    const choice = next(world);
    if (choice === null) throw new Error('the bench run went quiet before reaching its size');
    choices.push(choice);
    world = apply(world, choice);
  }
  const frame = { protocol: protocol.id, variant: 'correct', config, seed: run.seed, choices, step: choices.length };
  return { hash: `#${encodeFrame(frame)}`, steps: choices.length, events: traceLength(world.trace) };
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { frames: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1)!) };
};
const round = (x: number) => Math.round(x * 100) / 100;

/** Moves the scrubber once per animation frame across the run and returns the frame times. */
function scrubFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate((count) => {
    const slider = document.querySelector<HTMLInputElement>('section.simulator input[type="range"]')!;
    const end = Number(slider.max);
    return new Promise<number[]>((done) => {
      const times: number[] = [];
      let last = 0;
      let i = 0;
      const frame = (now: number) => {
        if (last !== 0) times.push(now - last);
        last = now;
        if (i++ >= count) return done(times);
        slider.value = String(Math.round(((i * 7919) % count) / count * end));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }, frames);
}

/** Records frame times for a while as the page does whatever it is doing (playing). */
function watchFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((done) => {
        const times: number[] = [];
        let last = 0;
        const frame = (now: number) => {
          if (last !== 0) times.push(now - last);
          last = now;
          if (times.length >= count) return done(times);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    frames,
  );
}

/** Time from a scrub to the simulator showing that step (state and DOM, before paint). */
function seekTimes(page: Page, seeks: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const root = document.querySelector<HTMLElement>('section.simulator')!;
    const slider = root.querySelector<HTMLInputElement>('input[type="range"]')!;
    const end = Number(slider.max);
    const times: number[] = [];
    for (let i = 1; i <= count; i++) {
      const target = String(Math.round(((i * 104729) % count) / count * end));
      if (target === root.dataset['step']) continue;
      const shown = new Promise<void>((resolve) => {
        const watch = new MutationObserver(() => {
          if (root.dataset['step'] === target) {
            watch.disconnect();
            resolve();
          }
        });
        watch.observe(root, { attributes: true, attributeFilter: ['data-step'] });
      });
      const start = performance.now();
      slider.value = target;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await shown;
      times.push(performance.now() - start);
      await new Promise(requestAnimationFrame);
    }
    return times;
  }, seeks);
}

test('simulator figures on a 10,000-event two-phase commit run', async ({ page }) => {
  const run = longRun();
  await page.goto(`${PROTOCOL_PAGE}${run.hash}`);
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-end', String(run.steps));
  await expect(root).toHaveAttribute('data-step', String(run.steps));

  const scrubbing = stats(await scrubFrames(page, 240));
  const seeking = stats(await seekTimes(page, 100));

  await root.getByRole('slider', { name: 'Step in the run' }).fill('0');
  await root.getByLabel('Speed').selectOption('32');
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  const playing = stats(await watchFrames(page, 240));
  await root.getByRole('button', { name: 'Pause', exact: true }).click();

  const figures = { run: { steps: run.steps, events: run.events }, scrubbing, playing, seek: seeking };
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/ui.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
});
