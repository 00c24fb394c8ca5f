// The flows a person does on the quorum replication page. Every wait is on state (the simulator
// root's data-step / data-status, the rules' data-status, the operation bars' data attributes),
// never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, loadScenarioToEnd, openProtocol, playToQuiet, rule } from './simulator';

const openQuorum = (page: Page) => openProtocol(page, '', 'quorum-replication.html');

const operations = (root: Locator) => root.locator('[data-view="timeline"] [data-operation]');

test('a put and then a get play out as two bars on the clients’ lanes, every invariant kept', async ({ page }) => {
  const root = await openQuorum(page);
  await actions(root).getByRole('button', { name: 'C1: Put x' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await playToQuiet(root);
  await actions(root).getByRole('button', { name: 'C2: Get x' }).click();
  await playToQuiet(root);
  await expect(root.locator('[data-panel="log"]')).toContainText('C2 gets x = a1');
  await root.getByRole('button', { name: 'Whole run' }).click();
  await expect(operations(root).filter({ hasText: 'put x=a1' })).toHaveAttribute('data-outcome', 'ok');
  await expect(operations(root).filter({ hasText: 'get x → a1' })).toHaveAttribute('data-outcome', 'ok');
  for (const id of ['linearizable', 'no-lost-acknowledged-write', 'converged-when-quiet']) await expect(rule(root, id)).toHaveAttribute('data-status', 'ok');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('a stale read with R + W not above N is named as a linearizability violation and its two operations are marked', async ({ page }) => {
  const root = await openQuorum(page);
  await loadScenarioToEnd(page, root, 'stale-read-r-plus-w');
  await expect(root).toHaveAttribute('data-variant', 'r-plus-w-not-above-n');
  const linearizable = rule(root, 'linearizable');
  await expect(linearizable).toHaveAttribute('data-status', 'broken');
  await expect(linearizable).toContainText("C2's read returned nothing, but C1's write of a1 had completed before it started");
  await expect(root.locator('[data-view="timeline"] [data-named="true"]')).toHaveCount(2);
  await expect(operations(root).filter({ hasText: 'get x → nothing' })).toHaveAttribute('data-named', 'true');
  // Before the read returned, nothing was broken yet and no operation was marked.
  await linearizable.getByRole('button', { name: /Show me/ }).click();
  await page.keyboard.press('ArrowLeft');
  await expect(linearizable).toHaveAttribute('data-status', 'ahead');
  await expect(root.locator('[data-view="timeline"] [data-named="true"]')).toHaveCount(0);
});

test('last write wins loses an acknowledged write to a skewed clock, under the dynamo promise', async ({ page }) => {
  const root = await openQuorum(page);
  await loadScenarioToEnd(page, root, 'last-write-wins-loses-a-write');
  await expect(root).toHaveAttribute('data-variant', 'last-write-wins');
  const lost = rule(root, 'no-lost-acknowledged-write');
  await expect(lost).toHaveAttribute('data-status', 'broken');
  await expect(lost).toContainText("C1's put of x = a1 was acknowledged, but no node holds it any more");
  await expect(operations(root).filter({ hasText: 'put x=a1' })).toHaveAttribute('data-named', 'true');
  await expect(rule(root, 'linearizable')).toHaveAttribute('data-status', 'ok');
});

test('an impossible quorum is refused with the reason, and the run goes on unchanged', async ({ page }) => {
  const root = await openQuorum(page);
  const setup = root.locator('[data-panel="setup"]');
  await setup.getByLabel('Read quorum (R)').fill('4');
  await setup.getByRole('button', { name: 'Start a run with these settings' }).click();
  await expect(setup.getByTestId('config-problems')).toContainText('R is 4, more than N = 3');
});

test('the quorum replication page passes axe, mid-run with a violation and operations drawn', async ({ page }) => {
  const root = await openQuorum(page);
  await loadScenarioToEnd(page, root, 'new-then-old');
  await expect(rule(root, 'linearizable')).toHaveAttribute('data-status', 'broken');
  await root.locator('[data-panel="inspector"]').getByRole('button', { name: 'S1', exact: true }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
});
