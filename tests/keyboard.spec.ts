// The whole flow by keyboard only: Tab into the simulator, begin, step, crash, step back, drop a
// vote, play to the end, open the help. Shortcuts act only while the simulator has focus.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openProtocol, rule } from './simulator';

/** Presses Tab until the focused element matches, as a keyboard user would; bounded. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('the whole flow works by keyboard alone', async ({ page }) => {
  const root = await openProtocol(page);
  await tabTo(page, root);

  // Begin a transaction: Tab to the client operation and press Enter.
  await tabTo(page, root.getByRole('button', { name: 'coordinator: Begin a transaction' }));
  await page.keyboard.press('Enter');
  await expect(root).toHaveAttribute('data-step', '1');
  // The button went away with the operation; focus stays in the simulator, so keys still work.
  await expect(root).toBeFocused();

  for (const step of ['2', '3', '4']) {
    await page.keyboard.press('ArrowRight');
    await expect(root).toHaveAttribute('data-step', step);
  }

  // Select the coordinator (n) and crash it (x).
  await page.keyboard.press('n');
  await expect(root.getByTestId('inspector')).toHaveAttribute('data-node', '0');
  await page.keyboard.press('x');
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'active');

  // Step back, then drop a vote instead.
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('data-step', '4');
  await tabTo(page, root.getByRole('button', { name: 'Drop VOTE yes P1 → coordinator' }));
  await page.keyboard.press('Enter');
  await expect(root).toHaveAttribute('data-step', '5');
  await expect(root).toBeFocused();

  // Play to the end with Space.
  await page.keyboard.press(' ');
  await expect(root).toHaveAttribute('data-status', 'quiet', { timeout: 20_000 });
  await expect(root.locator('[data-panel="actions"] li[data-node]').filter({ hasText: 'P1' })).toContainText('aborted');

  // Home and End scrub; the help overlay opens with ? and closes with Escape.
  await page.keyboard.press('Home');
  await expect(root).toHaveAttribute('data-step', '0');
  await page.keyboard.press('End');
  await expect(root).not.toHaveAttribute('data-step', '0');
  await page.keyboard.press('?');
  const help = root.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Step forward');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('shortcuts leave the page alone when the simulator does not have focus', async ({ page }) => {
  const root = await openProtocol(page);
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('?');
  await expect(root).toHaveAttribute('data-step', '0');
  await expect(root.getByRole('dialog')).toHaveCount(0);
});

test('in presentation mode a presenter remote steps with Page Down and Page Up', async ({ page }) => {
  const root = await openProtocol(page, '');
  await page.locator('[data-scenario="happy-commit"]').getByRole('button').click();
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(root).toHaveAttribute('data-theme', 'projector');
  await root.focus();
  await page.keyboard.press('PageDown');
  await expect(root).toHaveAttribute('data-step', '1');
  await page.keyboard.press('PageDown');
  await expect(root).toHaveAttribute('data-step', '2');
  await page.keyboard.press('PageUp');
  await expect(root).toHaveAttribute('data-step', '1');
  await expect(root.getByTestId('caption')).toBeVisible();
});
