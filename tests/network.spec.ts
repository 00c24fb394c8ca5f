// The network panel: the random-loss knob and the partition editor are recorded as choices,
// so the history (and a share link) reproduce them; both work from the keyboard.
import { expect, test } from '@playwright/test';
import { actions, openProtocol, rule, step } from './simulator';

test('the random-loss knob is a recorded step, and the scheduler then loses messages', async ({ page }) => {
  const root = await openProtocol(page);
  const network = root.locator('[data-panel="network"]');
  await network.getByLabel('Random message loss').selectOption('100');
  await expect(root).toHaveAttribute('data-step', '1');
  await expect(root.locator('[data-panel="log"] li[data-step="1"]')).toContainText('loses 100% of messages');
  await actions(root).getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  await step(root);
  await expect(root.locator('[data-panel="log"] li[data-step="3"]')).toContainText('is lost');
});

test('cutting a prepared participant off blocks it in doubt, and healing frees it', async ({ page }) => {
  const root = await openProtocol(page);
  await actions(root).getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  await actions(root).getByRole('button', { name: 'Deliver PREPARE coordinator → P1' }).click();

  const network = root.locator('[data-panel="network"]');
  await network.getByRole('checkbox', { name: 'P1' }).check();
  await network.getByRole('button', { name: 'Cut the network' }).press('Enter');
  await expect(network.getByTestId('partition')).toContainText('P1');
  const blocked = rule(root, 'blocked-in-doubt');
  await expect(blocked).toHaveAttribute('data-status', 'active');
  await expect(blocked).toContainText('a partition cuts it off from the coordinator');

  await network.getByRole('button', { name: 'Heal the network' }).click();
  await expect(blocked).toHaveAttribute('data-status', 'held');
  await expect(root).toHaveAttribute('data-step', '4');
});
