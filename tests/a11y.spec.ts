// An axe scan of every page, in each theme and in the states that show the most UI.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openProtocol, PROTOCOL_PAGE, rule, simulator } from './simulator';

async function scan(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the home page passes axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await scan(page);
  });

  test(`the protocol page passes axe in the ${scheme} theme, mid-run with a violation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const root = await openProtocol(page);
    await page.locator('[data-scenario="no-decision-log-split"]').getByRole('button').click();
    await root.focus();
    await page.keyboard.press('End');
    await expect(rule(root, 'atomicity')).toHaveAttribute('data-status', 'broken');
    await root.locator('[data-panel="inspector"]').getByRole('button', { name: 'P1', exact: true }).click();
    await scan(page);
  });
}

test('the projector theme passes axe, with the help overlay open', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}?present`);
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-theme', 'projector');
  await root.focus();
  await page.keyboard.press('?');
  await expect(root.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await scan(page);
});

test('a page with a damaged link passes axe', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}#nonsense`);
  await expect(simulator(page).getByTestId('notice')).toBeVisible();
  await scan(page);
});

test('the search panel passes axe with a run found, step by step', async ({ page }) => {
  const root = await openProtocol(page);
  const search = root.locator('[data-panel="search"]');
  await search.getByLabel('Look for').selectOption({ label: 'a state where blocked-in-doubt holds' });
  await search.getByLabel('Steps deep').fill('4');
  await search.getByRole('button', { name: 'Find a run to it' }).click();
  await expect(search.getByTestId('search-outcome')).toHaveAttribute('data-kind', 'found', { timeout: 25_000 });
  await scan(page);
});
