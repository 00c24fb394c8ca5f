// The widget in a blog post (tests/pages/blog.html): two <fault-lines> elements, one iframe and
// a row of mistyped or hostile embeds, in real Chromium. Waits are on state (data- attributes,
// text, reported messages), never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveTestPages } from './pages';

const BLOG = 'tests-pages/blog.html';

/** The simulator root inside a widget's shadow root (Playwright's locators pierce open shadow roots). */
function root(page: Page, id: string): Locator {
  return page.locator(`#${id}`).locator('section.simulator');
}

async function openBlog(page: Page): Promise<void> {
  await serveTestPages(page);
  await page.goto(BLOG);
  await expect(root(page, 'duel')).toHaveAttribute('data-step', '0');
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('two widgets on one page run independently', async ({ page }) => {
  await openBlog(page);
  const duel = root(page, 'duel');
  await page.locator('#blocked').scrollIntoViewIfNeeded();
  const blocked = root(page, 'blocked');
  await expect(blocked).toHaveAttribute('data-step', '0');
  await duel.getByRole('button', { name: 'Step', exact: true }).click();
  await duel.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(duel).toHaveAttribute('data-step', '2');
  await expect(blocked).toHaveAttribute('data-step', '0');
  await blocked.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(blocked).toHaveAttribute('data-step', '1');
  await expect(duel).toHaveAttribute('data-step', '2');
  // The full widget carries the site's panels; the minimal one only the playback.
  await expect(blocked.locator('[data-panel="rules"]')).toBeVisible();
  await expect(duel.locator('[data-panel]')).toHaveCount(0);
});

test('the iframe reports its height and its steps, and obeys play, pause, seek and step from the page', async ({ page }) => {
  await openBlog(page);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => (window as unknown as { reports: { type: string }[] }).reports.some((r) => r.type === 'height'))).toBe(true);
  const height = await page.evaluate(() => (window as unknown as { reports: { type: string; height: number }[] }).reports.filter((r) => r.type === 'height').at(-1)!.height);
  expect(height).toBeGreaterThan(200);
  await expect.poll(() => page.locator('#framed').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(200);
  const lastStep = () =>
    page.evaluate(() => (window as unknown as { reports: { type: string; step: number }[] }).reports.filter((r) => r.type === 'step').at(-1)?.step ?? null);
  await expect.poll(lastStep).toBe(0);
  const post = (message: unknown) => page.locator('#framed').evaluate((f: HTMLIFrameElement, m) => f.contentWindow!.postMessage(m, '*'), message);
  await post({ source: 'fault-lines', type: 'seek', step: 3 });
  await expect.poll(lastStep).toBe(3);
  await post({ source: 'fault-lines', type: 'step' });
  await expect.poll(lastStep).toBe(4);
  // Messages of another shape are ignored.
  await post({ type: 'seek', step: 0 });
  await post('seek');
  await post({ source: 'fault-lines', type: 'seek', step: 1 });
  await expect.poll(lastStep).toBe(1);
  const frame = page.frameLocator('#framed').locator('section.simulator');
  await expect(frame).toHaveAttribute('data-step', '1');
});

test('hostile and mistyped attributes show a plain message inside their widget, and nothing runs from them', async ({ page }) => {
  await openBlog(page);
  for (const id of ['unknown', 'damaged', 'absurd', 'markup', 'scenario-markup']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator('#unknown')).toContainText('There is no protocol "raft". There are: two-phase-commit, paxos');
  await expect(page.locator('#damaged')).toContainText('This link is damaged');
  await expect(page.locator('#absurd')).toContainText('step="-1" must be a whole number of steps');
  await expect(page.locator('#absurd')).toContainText('height="1e9" is not a number');
  await expect(root(page, 'absurd')).toHaveAttribute('data-step', '0');
  await expect(page.locator('#markup')).toContainText('protocol="<img src=x onerror="window.pwned=1">" is not a name Fault Lines knows');
  await expect(page.locator('#markup')).toContainText('Say which protocol to run');
  await expect(page.locator('#scenario-markup')).toContainText('scenario="x"><script>window.pwned=2</script>" is not a name');
  // Nothing from an attribute became markup: no image, no script, no flag set.
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator('#markup').locator('img, b, script').count()).toBe(0);
  // The good widgets still work.
  await root(page, 'duel').getByRole('button', { name: 'Step', exact: true }).click();
  await expect(root(page, 'duel')).toHaveAttribute('data-step', '1');
});

test('changing an attribute later updates the widget', async ({ page }) => {
  await openBlog(page);
  const duel = root(page, 'duel');
  await expect(duel.locator('[data-view="timeline"]')).toBeVisible();
  await page.locator('#duel').evaluate((e) => e.setAttribute('view', 'cluster'));
  await expect(duel.locator('[data-view="timeline"]')).toHaveCount(0);
  await expect(duel.locator('[data-view="cluster"]')).toBeVisible();
  await page.locator('#duel').evaluate((e) => e.setAttribute('step', '5'));
  await expect(duel).toHaveAttribute('data-step', '5');
  await page.locator('#duel').evaluate((e) => e.setAttribute('theme', 'dark'));
  await expect(duel).toHaveAttribute('data-theme', 'dark');
  await page.locator('#duel').evaluate((e) => e.setAttribute('scenario', 'chosen-no-failures'));
  // Another scenario is another run, still at the step the element names.
  await expect(page.locator('#duel').getByTestId('caption')).toContainText('A value chosen, no failures');
  await expect(page.locator('#duel').locator('section.simulator h2')).toHaveText('Paxos: A value chosen, no failures');
  await expect(duel).toHaveAttribute('data-step', '5');
});

test('scripts drive a widget with step, play(), pause() and seek(), and hear its step and violation events', async ({ page }) => {
  await openBlog(page);
  await page.evaluate(() => {
    const w = window as unknown as { heard: string[] };
    w.heard = [];
    document.addEventListener('fault-lines:step', (e) => w.heard.push(`step ${(e as CustomEvent).detail.step} ${(e.target as Element).id}`));
    document.addEventListener('fault-lines:violation', (e) => w.heard.push(`violation ${(e as CustomEvent).detail.rule}`));
  });
  const duel = page.locator('#duel');
  await duel.evaluate((e: HTMLElementTagNameMap['fault-lines']) => e.seek(6));
  await expect(root(page, 'duel')).toHaveAttribute('data-step', '6');
  expect(await duel.evaluate((e: HTMLElementTagNameMap['fault-lines']) => e.step)).toBe(6);
  await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toContain('step 6 duel');
  await duel.evaluate((e: HTMLElementTagNameMap['fault-lines']) => e.play());
  await expect(root(page, 'duel')).toHaveAttribute('data-status', 'playing');
  await duel.evaluate((e: HTMLElementTagNameMap['fault-lines']) => e.pause());
  await expect(root(page, 'duel')).not.toHaveAttribute('data-status', 'playing');
  // A broken variant's scenario breaks an invariant: the widget says so to the page.
  await duel.evaluate((e) => e.setAttribute('scenario', 'forgetful-acceptor-two-values'));
  await expect(root(page, 'duel')).toHaveAttribute('data-variant', 'forgetful-acceptor');
  await duel.evaluate((e: HTMLElementTagNameMap['fault-lines']) => (e.step = 1000));
  await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.some((h) => h.startsWith('violation ')))).toBe(true);
});

test('the widget keeps the page\'s keys unless it has focus, and its own keys stay inside it', async ({ page }) => {
  await openBlog(page);
  const duel = root(page, 'duel');
  await page.evaluate(() => {
    const w = window as unknown as { pageKeys: string[] };
    w.pageKeys = [];
    document.addEventListener('keydown', (e) => w.pageKeys.push(e.key));
  });
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expect(duel).toHaveAttribute('data-step', '0');
  await duel.focus();
  await page.keyboard.press('ArrowRight');
  await expect(duel).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Shift');
  const keys = await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys);
  expect(keys).toEqual(['ArrowRight', 'Shift']);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThanOrEqual(0);
});

test('no style leaks: the page\'s loud button style stays out of the widget, the widget adds nothing to the page\'s head', async ({ page }) => {
  await openBlog(page);
  const play = root(page, 'duel').getByRole('button', { name: 'Play' });
  const background = await play.evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).not.toBe('rgb(255, 105, 180)');
  expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBe(1);
  expect(await page.evaluate(() => document.head.querySelectorAll('link[rel="stylesheet"]').length)).toBe(0);
});

test('a widget follows the system\'s dark scheme unless a theme is set', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openBlog(page);
  const colour = await root(page, 'duel').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(colour).toBe('rgb(17, 20, 24)');
});

for (const scheme of ['light', 'dark'] as const)
  test(`the widgets pass axe inside their shadow roots (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openBlog(page);
    for (const id of ['blocked', 'absurd', 'unknown']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(root(page, 'blocked')).toBeVisible();
    await expect(root(page, 'absurd')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('fault-lines').analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    expect(summary).toEqual([]);
  });
