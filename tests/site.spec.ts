// The site: the home page says what Fault Lines is, runs a miniature by itself, lists the
// protocols; pages fit a phone without sideways scrolling.
import { expect, test } from '@playwright/test';
import { PROTOCOL_PAGE } from './simulator';

test('the home page plays a miniature run by itself and lists the protocols', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Break a distributed protocol');
  const mini = page.locator('figure.mini');
  await expect(mini).toHaveAttribute('data-status', 'playing');
  await expect(mini).not.toHaveAttribute('data-step', '0');
  await mini.getByRole('button', { name: /Pause/ }).click();
  await expect(mini).not.toHaveAttribute('data-status', 'playing');

  const live = ['two-phase-commit', 'paxos', 'quorum-replication', 'cache-write-strategies', 'kafka-consumer-offsets', 'kafka-multi-region'];
  for (const id of live) await expect(page.locator(`.gallery [data-protocol="${id}"]`)).toContainText('live');
  // Every protocol of the catalogue is live now: none is listed as coming.
  await expect(page.locator('.gallery .coming')).toHaveCount(0);
  const first = page.locator('.gallery [data-protocol="two-phase-commit"]');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(PROTOCOL_PAGE));
});

test('with reduced motion the miniature waits to be played', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  const mini = page.locator('figure.mini');
  await expect(mini.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect(mini).toHaveAttribute('data-step', '0');
});

for (const { width, height } of [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
]) {
  test(`nothing overflows sideways at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const path of ['./', PROTOCOL_PAGE, 'quorum-replication.html']) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
}

test('the projector theme can be chosen on the page and from the address', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}?theme=projector`);
  await expect(page.locator('.site')).toHaveAttribute('data-theme', 'projector');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('.site')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('section.simulator')).toHaveAttribute('data-theme', 'dark');
});
