// The flows a person does on the Kafka consumer offsets page: a record lost, a record processed
// twice, a zombie fenced, and the page under axe. Every wait is on state (the simulator root's
// data-step, the rules' data-status), never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, rule, simulator, stepOf } from './simulator';

async function openKafka(page: Page): Promise<Locator> {
  await page.goto('kafka-consumer-offsets.html');
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-step', /\d+/);
  return root;
}

/** Loads a scenario from its card and moves to its last step. */
async function loadScenarioToEnd(page: Page, root: Locator, id: string): Promise<void> {
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  const end = await root.getAttribute('data-end');
  await expect(root).toHaveAttribute('data-step', end!);
}

const inspect = async (root: Locator, name: string) => {
  await root.locator('[data-panel="inspector"]').getByRole('button', { name, exact: true }).click();
  return root.locator('[data-panel="inspector"]');
};

test('a produced record is polled, processed and committed by its partition\'s owner', async ({ page }) => {
  const root = await openKafka(page);
  await actions(root).getByRole('button', { name: 'producer: Produce a record' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  const log = root.locator('[data-panel="log"]');
  await expect(log).toContainText(/sink records the output of r1 from C1/i, { timeout: 20_000 });
  await expect(log).toContainText(/broker commits p0=1 for C1/i, { timeout: 20_000 });
  await root.getByRole('button', { name: 'Pause', exact: true }).click();
  for (const id of ['no-loss', 'no-duplicates', 'single-owner']) await expect(rule(root, id)).toHaveAttribute('data-status', 'ok');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('committing before processing loses a record when the consumer crashes, and the checker\'s rule says which', async ({ page }) => {
  const root = await openKafka(page);
  await loadScenarioToEnd(page, root, 'commit-before-process-loses');
  await expect(root).toHaveAttribute('data-variant', 'commit-before-process');
  const noLoss = rule(root, 'no-loss');
  await expect(noLoss).toHaveAttribute('data-status', 'broken');
  await expect(noLoss).toContainText("r1 is below p0's committed offset 1, never processed");
  const sink = await inspect(root, 'sink');
  await expect(sink).toContainText('lost');
  await expect(sink).toContainText('r1');
  await expect(root.locator('[data-view="timeline"] .alert.violation').first()).toBeVisible();
});

test('at-least-once processes a record twice after a crash, and says that is allowed', async ({ page }) => {
  const root = await openKafka(page);
  await loadScenarioToEnd(page, root, 'crash-at-least-once');
  await expect(rule(root, 'records-processed-twice')).toHaveAttribute('data-status', 'active');
  await expect(rule(root, 'records-processed-twice')).toContainText('r1 was processed twice, by C1 and then C2 (at-least-once allows this)');
  await expect(rule(root, 'no-loss')).toHaveAttribute('data-status', 'ok');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('without transactional fencing a zombie\'s output is written twice under exactly-once', async ({ page }) => {
  const root = await openKafka(page);
  await loadScenarioToEnd(page, root, 'no-transactional-fencing-duplicates');
  const noDuplicates = rule(root, 'no-duplicates');
  await expect(noDuplicates).toHaveAttribute('data-status', 'broken');
  await expect(noDuplicates).toContainText('r1 was processed twice, by C2 and then C1');
});

test('a zombie is shown as one while it works, and its late commit is fenced', async ({ page }) => {
  const root = await openKafka(page);
  await loadScenarioToEnd(page, root, 'session-timeout-zombie');
  await expect(root.locator('[data-panel="log"]')).toContainText(/refuses C1's commit of p0=1 with ILLEGAL_GENERATION/);
  const slider = root.getByRole('slider', { name: 'Step in the run' });
  const end = await stepOf(root);
  await slider.fill(String(end - 30));
  await expect(rule(root, 'zombie')).toHaveAttribute('data-status', 'active');
  await expect(rule(root, 'zombie')).toContainText('C1 still works on p0 for generation 1, but the group has removed it');
});

test('the Kafka page passes axe, mid-run with a violation and a node inspected', async ({ page }) => {
  const root = await openKafka(page);
  await loadScenarioToEnd(page, root, 'auto-commit-ahead-loses');
  await expect(rule(root, 'no-loss')).toHaveAttribute('data-status', 'broken');
  await inspect(root, 'broker');
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
});
