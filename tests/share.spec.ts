// Share links: a copied link opens the exact frame; a damaged one says so and starts fresh.
import { expect, test } from '@playwright/test';
import { actions, openProtocol, PROTOCOL_PAGE, simulator, step } from './simulator';

test('a copied link opens the same frame in a new page', async ({ page, context }) => {
  const root = await openProtocol(page);
  await actions(root).getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  await actions(root).getByRole('button', { name: 'Drop PREPARE coordinator → P2' }).click();
  for (let i = 0; i < 3; i++) await step(root);
  await root.getByRole('button', { name: 'Back' }).click();
  await expect(root).toHaveAttribute('data-step', '4');
  const link = await root.getByTestId('share-link').inputValue();
  expect(link).toContain(`${PROTOCOL_PAGE}#`);
  const current = await root.locator('[data-panel="log"] [aria-current="step"]').textContent();

  const other = await context.newPage();
  await other.goto(link);
  const copy = simulator(other);
  await expect(copy).toHaveAttribute('data-step', '4');
  await expect(copy).toHaveAttribute('data-end', '5');
  await expect(copy.locator('[data-panel="log"] [aria-current="step"]')).toHaveText(current ?? '');
  await expect(copy.getByTestId('notice')).toHaveCount(0);
  await expect(copy.getByTestId('share-link')).toHaveValue(link);
});

test('a damaged link shows a clear message and a fresh run', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}#1.two-phase-commit.correct.1.3.garbage`);
  const root = simulator(page);
  await expect(root.getByTestId('notice')).toContainText('This link is damaged');
  await expect(root).toHaveAttribute('data-step', '0');
  await expect(root).toHaveAttribute('data-end', '0');
});

test('nothing from a link is ever inserted as HTML', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}#<img src=x id=injected onerror="document.title='owned'">`);
  const root = simulator(page);
  await expect(root.getByTestId('notice')).toBeVisible();
  await expect(page.locator('#injected')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');
});
