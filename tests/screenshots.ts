// Saves the main states as PNGs (see screenshots.config.ts). Each shot waits on state first.
import { expect, test, type Page } from '@playwright/test';
import { actions, openProtocol, playToQuiet, rule, simulator } from './simulator';

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `screenshots/${test.info().project.name}-${name}.png`, fullPage });

test('home page', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(page, 'home');
  await shot(page, 'home-full', true);
});

test('protocol page at the start, light and dark', async ({ page }) => {
  const root = await openProtocol(page);
  await expect(root).toHaveAttribute('data-step', '0');
  await shot(page, 'protocol-start');
  await shot(page, 'protocol-start-full', true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'protocol-start-dark');
});

test('a run played to commit', async ({ page }) => {
  const root = await openProtocol(page);
  await actions(root).getByRole('button', { name: /Begin/ }).click();
  await playToQuiet(root);
  await root.scrollIntoViewIfNeeded();
  await shot(page, 'committed');
});

test('coordinator crashed: participants blocked in doubt', async ({ page }) => {
  const root = await openProtocol(page);
  await root.locator('[data-panel="setup"] select').first().selectOption('coordinator-crash-after-prepare');
  await root.getByRole('button', { name: 'Load' }).click();
  await root.getByRole('slider', { name: 'Step in the run' }).fill('8');
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'active');
  await simulator(page).scrollIntoViewIfNeeded();
  await shot(page, 'blocked');
  await shot(page, 'blocked-full', true);
});

test('a broken variant with its violation', async ({ page }) => {
  const root = await openProtocol(page);
  const broken = page.locator('[data-scenario="no-decision-log-split"]');
  await broken.getByRole('button').click();
  await expect(root).toHaveAttribute('data-variant', 'no-decision-log');
  await root.focus();
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-violations', /[1-9]/);
  await shot(page, 'violation');
});

test('presentation mode', async ({ page }) => {
  await page.goto('two-phase-commit.html?present');
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-theme', 'projector');
  await shot(page, 'presentation');
});

// The last step of every scenario that breaks a rule, on every protocol page: the picture alone
// should say which node holds what, what the messages carry and where the rule broke.
for (const [protocol, scenarios] of [
  ['two-phase-commit', ['no-decision-log-split', 'coordinator-crash-after-prepare']],
  ['paxos', ['minority-quorum-two-values', 'forgetful-acceptor-two-values']],
  ['kafka-consumer-offsets', ['commit-before-process-loses', 'no-transactional-fencing-duplicates']],
  ['cache-write-strategies', ['unguarded-fill-stale-forever', 'volatile-write-back-lost-write']],
  ['quorum-replication', ['stale-read-r-plus-w', 'last-write-wins-loses-a-write']],
  ['kafka-multi-region', ['failover-raw-offset', 'no-writer-fencing-split']],
] as const) {
  for (const id of scenarios) {
    for (const theme of ['light', 'dark', 'projector'])
    test(`${protocol}: ${id} at its last step, ${theme}`, async ({ page }) => {
      await page.goto(`${protocol}.html?theme=${theme}`);
      const root = simulator(page);
      const card = page.locator(`[data-scenario="${id}"]`);
      await card.getByRole('button').click();
      await expect(root).not.toHaveAttribute('data-end', '0');
      await root.focus();
      await page.keyboard.press('End');
      await expect(root).toHaveAttribute('data-step', (await root.getAttribute('data-end'))!);
      await root.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `${protocol}-${id}-${theme}`);
    });
  }
}

test('a blog post with two widgets, an iframe and hostile embeds', async ({ page }) => {
  const { serveTestPages } = await import('./pages');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await serveTestPages(page);
  await page.goto('tests-pages/blog.html');
  await expect(page.locator('#duel section.simulator')).toHaveAttribute('data-step', '0');
  await shot(page, 'blog');
  for (const id of ['blocked', 'framed', 'unknown', 'absurd', 'markup', 'scenario-markup']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator('#blocked section.simulator')).toHaveAttribute('data-step', '0');
  await expect(page.locator('#absurd section.simulator')).toHaveAttribute('data-step', '0');
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, 'blog-full', true);
});

/** Loads a Kafka scenario from its card and moves to its last step (or `back` steps before it). */
async function kafkaScenario(page: Page, id: string, back = 0) {
  await page.goto('kafka-consumer-offsets.html');
  const root = simulator(page);
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  const end = Number(await root.getAttribute('data-end'));
  await root.getByRole('slider', { name: 'Step in the run' }).fill(String(end - back));
  await expect(root).toHaveAttribute('data-step', String(end - back));
  return root;
}

test('kafka: a group consuming, a lost record, a zombie', async ({ page }) => {
  await page.goto('kafka-consumer-offsets.html');
  await expect(simulator(page)).toHaveAttribute('data-step', '0');
  await shot(page, 'kafka-start');
  await kafkaScenario(page, 'happy-path');
  await simulator(page).scrollIntoViewIfNeeded();
  await shot(page, 'kafka-happy');
  const lost = await kafkaScenario(page, 'commit-before-process-loses');
  await expect(rule(lost, 'no-loss')).toHaveAttribute('data-status', 'broken');
  await lost.scrollIntoViewIfNeeded();
  await shot(page, 'kafka-lost');
  await shot(page, 'kafka-lost-full', true);
  const zombie = await kafkaScenario(page, 'session-timeout-zombie', 30);
  await expect(rule(zombie, 'zombie')).toHaveAttribute('data-status', 'active');
  await zombie.scrollIntoViewIfNeeded();
  await shot(page, 'kafka-zombie');
});

test('kafka multi-region: offsets that differ, a mapped failover, a raw one', async ({ page }) => {
  for (const [id, name] of [
    ['offsets-differ', 'offsets'],
    ['failover-mapped', 'mapped'],
    ['failover-raw-offset', 'raw'],
    ['no-writer-fencing-split', 'split'],
  ] as const) {
    await page.goto('kafka-multi-region.html');
    const root = simulator(page);
    await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
    await expect(root).not.toHaveAttribute('data-end', '0');
    await root.focus();
    await page.keyboard.press('End');
    await expect(root).toHaveAttribute('data-step', (await root.getAttribute('data-end'))!);
    await root.scrollIntoViewIfNeeded();
    await shot(page, `multi-region-${name}`);
  }
});

// Find a violation: the panel while it searches, and the run it found opened as a branch.
test('searching, then the run found', async ({ page }) => {
  test.setTimeout(180_000);
  const root = await openProtocol(page);
  const search = root.locator('[data-panel="search"]');
  if ((await search.getAttribute('data-open')) === 'false') await search.getByRole('button', { name: 'Search all runs' }).click();
  await search.getByRole('button', { name: 'Find a violation' }).click();
  await expect(search.getByTestId('search-progress')).toContainText(/[\d,]+ states/, { timeout: 60_000 });
  await search.scrollIntoViewIfNeeded();
  await shot(page, 'search-running');
  await search.getByRole('button', { name: 'Cancel' }).click();
  const setup = root.locator('[data-panel="setup"]');
  if ((await setup.getAttribute('data-open')) === 'false') await setup.getByRole('button', { name: 'Setup' }).click();
  await setup.getByTestId('variant').selectOption('no-decision-log');
  await setup.getByLabel('Participants').fill('2');
  await setup.getByRole('button', { name: 'Start a run with these settings' }).click();
  await search.getByRole('button', { name: 'Find a violation' }).click();
  await expect(search.getByTestId('search-outcome')).toHaveAttribute('data-kind', 'found', { timeout: 150_000 });
  await search.scrollIntoViewIfNeeded();
  await shot(page, 'search-found');
  await root.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'search-found-top');
});

// The timed search: Kafka's group after its happy path, following the clock, finds no zombie.
test('search following the clock', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await openProtocol(page, '', 'kafka-consumer-offsets.html');
  await page.locator('[data-scenario="happy-path"]').getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  const search = root.locator('[data-panel="search"]');
  if ((await search.getAttribute('data-open')) === 'false') await search.getByRole('button', { name: 'Search all runs' }).click();
  await search.getByLabel('Look for').selectOption({ label: 'a state where zombie holds' });
  await search.getByLabel('Crashes').fill('0');
  await search.getByLabel('Losses').fill('0');
  await search.getByLabel('Time').selectOption({ label: 'follow the clock, bounded delays' });
  await search.getByRole('button', { name: 'Find a run to it' }).click();
  await expect(search.getByTestId('search-outcome')).toHaveAttribute('data-kind', 'none', { timeout: 100_000 });
  await search.scrollIntoViewIfNeeded();
  await shot(page, 'search-clock');
});

/** A cache write strategies scenario, moved to `step` (its end when omitted). */
async function cacheScenario(page: Page, id: string, step?: number) {
  await page.goto('cache-write-strategies.html');
  const root = simulator(page);
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  if (step !== undefined) await root.getByRole('slider', { name: 'Step in the run' }).fill(String(step));
  await simulator(page).scrollIntoViewIfNeeded();
  return root;
}

test('cache write strategies: write-back with a dirty entry, and the costs of write-through', async ({ page }) => {
  await cacheScenario(page, 'write-back', 5);
  await shot(page, 'cache-dirty');
  await shot(page, 'cache-dirty-full', true);
  const root = await cacheScenario(page, 'write-through');
  await root.locator('[data-panel="costs"]').scrollIntoViewIfNeeded();
  await shot(page, 'cache-costs');
  await page.getByTestId('cost-comparison').scrollIntoViewIfNeeded();
  await shot(page, 'cache-comparison');
});

test('cache write strategies: a stale fill kept for good', async ({ page }) => {
  const root = await cacheScenario(page, 'unguarded-fill-stale-forever');
  await expect(rule(root, 'coherent-when-quiet')).toHaveAttribute('data-status', 'broken');
  await shot(page, 'cache-stale');
  await shot(page, 'cache-stale-full', true);
});
