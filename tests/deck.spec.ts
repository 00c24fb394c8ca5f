// A real reveal.js deck (tests/pages/deck.html) with widgets on its slides: a widget pauses when
// its slide is left and plays on when the slide comes back; fragments with data-fault-lines-step
// move a widget to their step.
import { expect, test, type Page } from '@playwright/test';
import { serveTestPages } from './pages';

const slide = (page: Page, h: number) => page.evaluate((index) => (window as unknown as { deck: { slide(h: number): void } }).deck.slide(index), h);

async function openDeck(page: Page) {
  await serveTestPages(page);
  await page.goto('tests-pages/deck.html');
  await expect.poll(() => page.evaluate(() => (window as unknown as { deck?: { isReady(): boolean } }).deck?.isReady() ?? false)).toBe(true);
}

test('a widget plays on its slide, pauses when the slide is left and plays on when it comes back', async ({ page }) => {
  await openDeck(page);
  const duel = page.locator('#duel section.simulator');
  await page.keyboard.press('ArrowRight');
  await expect(duel).toHaveAttribute('data-status', 'playing');
  await page.keyboard.press('ArrowRight');
  await expect(duel).toHaveAttribute('data-status', 'paused');
  const left = Number(await duel.getAttribute('data-step'));
  await page.keyboard.press('ArrowLeft');
  await expect(duel).toHaveAttribute('data-status', 'playing');
  await expect.poll(async () => Number(await duel.getAttribute('data-step'))).toBeGreaterThan(left);
});

test('fragments with data-fault-lines-step move the widget on their slide, forward and back', async ({ page }) => {
  await openDeck(page);
  await slide(page, 2);
  const crash = page.locator('#crash section.simulator');
  await expect(crash).toHaveAttribute('data-step', '0');
  await page.keyboard.press('ArrowRight');
  await expect(crash).toHaveAttribute('data-step', '4');
  await page.keyboard.press('ArrowRight');
  await expect(crash).toHaveAttribute('data-step', '8');
  await page.keyboard.press('ArrowLeft');
  await expect(crash).toHaveAttribute('data-step', '4');
  await page.keyboard.press('ArrowLeft');
  await expect(crash).toHaveAttribute('data-step', '0');
});

test('arrow keys pressed inside a focused widget step the widget and leave the deck on its slide', async ({ page }) => {
  await openDeck(page);
  await slide(page, 2);
  const crash = page.locator('#crash section.simulator');
  await crash.focus();
  await page.keyboard.press('ArrowRight');
  await expect(crash).toHaveAttribute('data-step', '1');
  expect(await page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h)).toBe(2);
});
