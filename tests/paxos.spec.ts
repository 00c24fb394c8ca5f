// The flows a person does on the Paxos page. Every wait is on state (the simulator root's
// data-step / data-status, the rules' data-status), never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, loadScenarioToEnd, openProtocol, playToQuiet, rule } from './simulator';

const openPaxos = (page: Page) => openProtocol(page, '', 'paxos.html');

const node = (root: Locator, name: string) => actions(root).locator('li[data-node]').filter({ hasText: name });

test('a proposal plays to a chosen value that both proposers learn, with every invariant kept', async ({ page }) => {
  const root = await openPaxos(page);
  await actions(root).getByRole('button', { name: 'P1: Propose its value' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await playToQuiet(root);
  for (const name of ['P1', 'P2']) await expect(node(root, name)).toContainText('learned');
  await expect(root.locator('[data-panel="log"]')).toContainText('learns that A is chosen');
  for (const id of ['agreement', 'validity', 'learner-consistency']) await expect(rule(root, id)).toHaveAttribute('data-status', 'ok');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('with one acceptor crashed, a majority still chooses a value', async ({ page }) => {
  const root = await openPaxos(page);
  const panel = actions(root);
  await panel.getByRole('button', { name: 'Crash A2' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await panel.getByRole('button', { name: 'P2: Propose its value' }).click();
  await expect(root).toHaveAttribute('data-step', '2');
  await playToQuiet(root);
  await expect(node(root, 'A2')).toContainText('crashed');
  for (const name of ['P1', 'P2']) await expect(node(root, name)).toContainText('learned');
  await expect(root.locator('[data-panel="log"]')).toContainText('learns that B is chosen');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('the dueling proposers scenario shows ballots rising with nothing chosen', async ({ page }) => {
  const root = await openPaxos(page);
  await loadScenarioToEnd(page, root, 'dueling-proposers');
  const duel = rule(root, 'dueling-proposers');
  await expect(duel).toHaveAttribute('data-status', 'active');
  await expect(duel).toContainText('P1 and P2 have started 4 ballots');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('a forgetful acceptor lets two values be chosen, and the violation is marked on the timeline', async ({ page }) => {
  const root = await openPaxos(page);
  await loadScenarioToEnd(page, root, 'forgetful-acceptor-two-values');
  await expect(root).toHaveAttribute('data-variant', 'forgetful-acceptor');
  const agreement = rule(root, 'agreement');
  await expect(agreement).toHaveAttribute('data-status', 'broken');
  await expect(agreement).toContainText('A was chosen in ballot (1,P1)');
  await expect(root.locator('[data-view="timeline"] .alert.violation').first()).toBeVisible();
  await expect(root.locator('[data-view="timeline"] [data-violation-step]').first()).toHaveAttribute('data-violation-step', /\d+/);
});

test('the Paxos page passes axe, mid-run with a violation', async ({ page }) => {
  const root = await openPaxos(page);
  await loadScenarioToEnd(page, root, 'minority-quorum-two-values');
  await expect(rule(root, 'agreement')).toHaveAttribute('data-status', 'broken');
  await root.locator('[data-panel="inspector"]').getByRole('button', { name: 'A2', exact: true }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
});
