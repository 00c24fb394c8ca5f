// Find a violation: the model checker in a Web Worker, from the page. It must find the run the CLI
// finds, say so when nothing breaks within the bounds, stop when asked, and leave the page usable
// while it searches.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, loadScenarioToEnd, openProtocol, playToQuiet, rule, step } from './simulator';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What `fault-lines check` prints on stdout (it exits 1 when it finds a violation). */
function cli(...args: string[]): string {
  try {
    return execFileSync('node', ['bin/fault-lines.js', 'check', 'two-phase-commit', ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

/** Sets the variant and the number of participants in Setup: a fresh run. */
async function setUp(sim: Locator, variant: string, participants: number): Promise<void> {
  const setup = sim.locator('[data-panel="setup"]');
  await setup.getByTestId('variant').selectOption(variant);
  await setup.getByLabel('Participants').fill(String(participants));
  await setup.getByRole('button', { name: 'Start a run with these settings' }).click();
  await expect(actions(sim).locator('li[data-node]')).toHaveCount(participants + 1);
}

function panel(sim: Locator): Locator {
  return sim.locator('[data-panel="search"]');
}

const outcome = (sim: Locator) => panel(sim).getByTestId('search-outcome');

async function search(page: Page, sim: Locator, bounds: { steps?: number; from?: 'the start of the run' } = {}): Promise<void> {
  const find = panel(sim);
  if (bounds.steps !== undefined) await find.getByLabel('Steps deep').fill(String(bounds.steps));
  if (bounds.from !== undefined) await find.getByLabel('Search from').selectOption({ label: bounds.from });
  await find.getByRole('button', { name: 'Find a violation' }).click();
}

test('on no-decision-log, Find a violation opens a branch ending in the atomicity violation, as long as the CLI’s run', async ({ page }) => {
  test.setTimeout(180_000);
  const sim = await openProtocol(page);
  await setUp(sim, 'no-decision-log', 2);
  // A run already played, so the run found becomes a second branch beside it.
  await actions(sim).getByRole('button', { name: /Begin/ }).click();
  await playToQuiet(sim);
  await search(page, sim, { from: 'the start of the run' });
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'found', { timeout: 150_000 });
  await expect(outcome(sim)).toContainText('Found: atomicity breaks after');

  const length = Number(/shortest run: (\d+) steps/.exec(cli('--variant', 'no-decision-log'))?.[1]);
  expect(length).toBeGreaterThan(0);
  await expect(sim).toHaveAttribute('data-step', String(length));
  await expect(sim).toHaveAttribute('data-end', String(length));
  await expect(rule(sim, 'atomicity')).toHaveAttribute('data-status', 'broken');
  await expect(sim.locator('[data-panel="branches"] li[data-branch]')).toHaveCount(2);
  // The run is told step by step, and the last step is marked as where the rule breaks.
  const steps = panel(sim).getByRole('list', { name: 'The run found, step by step' }).getByRole('listitem');
  await expect(steps).toHaveCount(length);
  await expect(steps.last()).toContainText('⚠ atomicity breaks here');
  // Ready to share: the link reproduces this frame.
  await expect(sim.getByTestId('share-link')).toHaveValue(new RegExp(`\\.${length}\\.`));
});

test('on the correct variant it says no violation within the bounds, with the CLI’s count of states', async ({ page }) => {
  test.setTimeout(120_000);
  const sim = await openProtocol(page);
  await setUp(sim, 'correct', 2);
  await search(page, sim, { steps: 6 });
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'none', { timeout: 100_000 });
  const states = /(\d+) distinct states, depth 7/.exec(cli('--depth', '7'))?.[1];
  await expect(outcome(sim)).toContainText(`No violation within these bounds: ${Number(states).toLocaleString('en-US')} states, depth 6`);
  await expect(sim).toHaveAttribute('data-step', '0');
});

test('a search can be cancelled, a second one replaces the first, and the page stays usable meanwhile', async ({ page }) => {
  test.setTimeout(120_000);
  const sim = await openProtocol(page);
  // Three participants, eleven steps deep: a search far longer than this test.
  await search(page, sim);
  const progress = panel(sim).getByTestId('search-progress');
  await expect(progress).toContainText(/Searching: [\d,]+ states, depth \d+ of 11/, { timeout: 60_000 });
  // The page answers while the worker searches.
  await step(sim);
  await step(sim);
  await expect(rule(sim, 'atomicity')).toHaveAttribute('data-status', 'ok');
  // A second search (by keyboard) replaces the first.
  await panel(sim).getByRole('button', { name: 'Find a violation' }).focus();
  await page.keyboard.press('Enter');
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'running');
  await panel(sim).getByRole('button', { name: 'Cancel' }).click();
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'cancelled');
  await expect(outcome(sim)).toHaveText('Search cancelled.');
  await expect(progress).toHaveCount(0);
  await step(sim);
  await expect(sim).toHaveAttribute('data-step', '3');
});

test('it looks for a condition too: a run where a participant is blocked in doubt', async ({ page }) => {
  const sim = await openProtocol(page);
  await setUp(sim, 'correct', 2);
  await panel(sim).getByLabel('Look for').selectOption({ label: 'a state where blocked-in-doubt holds' });
  await panel(sim).getByLabel('Steps deep').fill('4');
  await panel(sim).getByRole('button', { name: 'Find a run to it' }).click();
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'found', { timeout: 25_000 });
  await expect(outcome(sim)).toContainText('Found: blocked-in-doubt holds after 3 steps from the start');
  await expect(rule(sim, 'blocked-in-doubt')).toHaveAttribute('data-status', 'active');
  await expect(panel(sim).getByRole('listitem').last()).toContainText('◆ blocked-in-doubt begins here');
});

test('bounds out of range get a plain sentence, not a search', async ({ page }) => {
  const sim = await openProtocol(page);
  await search(page, sim, { steps: 99 });
  await expect(outcome(sim)).toHaveText('Steps deep must be a whole number from 1 to 40.');
});

test('following the clock, Kafka’s group removes no live consumer without a fault, where any order finds one at once', async ({ page }) => {
  test.setTimeout(120_000);
  const sim = await openProtocol(page, '', 'kafka-consumer-offsets.html');
  await loadScenarioToEnd(page, sim, 'happy-path');
  const end = await sim.getAttribute('data-step');
  const find = panel(sim);
  await find.getByLabel('Look for').selectOption({ label: 'a state where zombie holds' });
  await find.getByLabel('Crashes').fill('0');
  await find.getByLabel('Losses').fill('0');
  await find.getByLabel('Time').selectOption({ label: 'follow the clock, bounded delays' });
  await expect(find).toContainText('a message arrives at most this many ticks after it is due');
  await find.getByLabel('Messages late by at most (ticks)').fill('20');
  await find.getByRole('button', { name: 'Find a run to it' }).click();
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'none', { timeout: 100_000 });
  await expect(outcome(sim)).toContainText('No run reaches zombie, following the clock with messages at most 20 ticks late, within these bounds');
  await expect(sim).toHaveAttribute('data-step', end!);

  await find.getByLabel('Time').selectOption({ label: 'any order (timers may fire early)' });
  await find.getByRole('button', { name: 'Find a run to it' }).click();
  await expect(outcome(sim)).toHaveAttribute('data-kind', 'found', { timeout: 100_000 });
  await expect(outcome(sim)).toContainText('Found: zombie holds after 1 step');
  await expect(find.getByRole('listitem').last()).toContainText('fires early');
});
