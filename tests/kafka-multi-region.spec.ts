// The failover flows on the multi-region Kafka page, and the page under axe. Every wait is on
// state (the simulator root's data-step, the rules' data-status), never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, rule, simulator } from './simulator';

async function openPage(page: Page): Promise<Locator> {
  await page.goto('kafka-multi-region.html');
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-step', /\d+/);
  return root;
}

async function loadScenarioToEnd(page: Page, root: Locator, id: string): Promise<void> {
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-step', (await root.getAttribute('data-end'))!);
}

test('a failover with the checkpoint mapped loses nothing and counts what it does again', async ({ page }) => {
  const root = await openPage(page);
  await loadScenarioToEnd(page, root, 'failover-mapped');
  for (const id of ['no-loss', 'bounded-reprocessing']) await expect(rule(root, id)).toHaveAttribute('data-status', 'ok');
  await expect(rule(root, 'reprocessing')).toContainText('1 record done again after the failover to region B: a3');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('the same failover with the raw offset loses records, and the rule says which', async ({ page }) => {
  const root = await openPage(page);
  await loadScenarioToEnd(page, root, 'failover-raw-offset');
  await expect(root).toHaveAttribute('data-variant', 'reuse-offset-across-regions');
  await expect(rule(root, 'no-loss')).toHaveAttribute('data-status', 'broken');
  await expect(rule(root, 'no-loss')).toContainText('has gone past b1 and b2 in its aggregate');
});

test('a person fails over by hand, and the new writer takes over', async ({ page }) => {
  const root = await openPage(page);
  await actions(root).getByRole('button', { name: 'A: Produce a record' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await actions(root).getByRole('button', { name: 'coordinator: Fail over to the next region' }).click();
  await expect(root).toHaveAttribute('data-step', '2');
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  const log = root.locator('[data-panel="log"]');
  await expect(log).toContainText(/CB maps the checkpoint shipped here/i, { timeout: 20_000 });
  await expect(log).toContainText(/database counts a1 from region B/i, { timeout: 20_000 });
  await root.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('the multi-region page passes axe, mid-run with a violation and a node inspected', async ({ page }) => {
  const root = await openPage(page);
  await loadScenarioToEnd(page, root, 'no-writer-fencing-split');
  await expect(rule(root, 'single-writer')).toHaveAttribute('data-status', 'broken');
  await root.locator('[data-panel="inspector"]').getByRole('button', { name: 'database', exact: true }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
});
