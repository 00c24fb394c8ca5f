// A widget naming a scenario first paints that scenario's recorded picture (src/widgets/picture),
// before the engine, XState and the protocol have loaded. These check what the picture shows at
// the moment the widget says it has painted (`fault-lines:ready`, live: false), and that the live
// simulator then takes its place showing the same thing. Waits are on state, never on the clock.
import { expect, test, type Page } from '@playwright/test';

interface Paint {
  readonly live: boolean;
  readonly picture: boolean;
  readonly views: string[];
  readonly bars: number;
}

/**
 * A plain page with one widget, recording what its shadow root holds at each paint. With
 * `neverIdle` the page never goes idle, so only a press brings the live simulator.
 */
async function openWidget(page: Page, attributes: string, neverIdle = false): Promise<void> {
  const html = `<!doctype html><html lang="en"><head><title>A post</title><script>
${neverIdle ? 'window.requestIdleCallback = () => 0;' : ''}
window.paints = [];
document.addEventListener('fault-lines:ready', (e) => {
  const shadow = e.target.shadowRoot;
  const shown = (selector) => [...shadow.querySelectorAll(selector)].filter((v) => v.closest('.behind') === null);
  window.paints.push({
    live: e.detail.live,
    picture: shown('[data-painted="picture"]').length > 0,
    views: shown('[data-view]').map((v) => v.dataset.view),
    bars: shown('[data-view="timeline"] [data-operation]').length,
  });
});
</script><script type="module" src="./fault-lines.js"></script></head><body><h1>A post</h1><fault-lines ${attributes}></fault-lines></body></html>`;
  await page.route('**/widget-picture-post.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('widget-picture-post.html');
}

const paints = (page: Page) => page.evaluate(() => (window as unknown as { paints: Paint[] }).paints);

test('a widget first paints its scenario with only the views it asks for, and the live simulator shows the same', async ({ page }) => {
  await openWidget(page, 'protocol="quorum-replication" scenario="quorum-write-then-read" view="timeline" controls="minimal"');
  await expect.poll(async () => (await paints(page)).length).toBe(2);
  const [first, live] = await paints(page);
  expect(first).toMatchObject({ live: false, picture: true, views: ['timeline'] });
  // The run's client operations are drawn as bars from the first paint, as live.
  expect(first!.bars).toBeGreaterThan(0);
  expect(live).toEqual({ live: true, picture: false, views: ['timeline'], bars: first!.bars });
});

test('pressing Step on the picture brings the live simulator, which takes that step', async ({ page }) => {
  await openWidget(page, 'protocol="paxos" scenario="dueling-proposers" controls="minimal"', true);
  await expect.poll(async () => (await paints(page)).length).toBeGreaterThan(0);
  const [first] = await paints(page);
  expect(first).toMatchObject({ live: false, picture: true, views: ['cluster', 'timeline'], bars: 0 });
  const widget = page.locator('fault-lines');
  await widget.locator('[data-painted="picture"]').getByRole('button', { name: 'Step' }).click();
  await expect(widget.locator('section.simulator')).toHaveAttribute('data-step', '1');
  await expect(widget.locator('[data-painted="picture"]')).toHaveCount(0);
});

test('a picture shows only what its attributes ask for, in their theme, and the page loses nothing to it', async ({ page }) => {
  await openWidget(page, 'protocol="paxos" scenario="dueling-proposers" view="cluster" caption="off" controls="none" theme="dark"', true);
  await expect.poll(async () => (await paints(page)).length).toBeGreaterThan(0);
  const [first] = await paints(page);
  expect(first).toMatchObject({ live: false, picture: true, views: ['cluster'] });
  const picture = page.locator('fault-lines [data-painted="picture"]');
  await expect(picture).toHaveAttribute('data-theme', 'dark');
  await expect(picture.getByRole('group', { name: 'Playback' })).toHaveCount(0);
  await expect(picture.getByText('P1 and P2 keep cutting each other off')).toHaveCount(0);
  // Every node of the scenario is drawn, with its name.
  for (const name of ['P1 (proposer)', 'P2 (proposer)', 'A1 (acceptor)', 'A2 (acceptor)', 'A3 (acceptor)'])
    await expect(picture.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} idle`) })).toBeVisible();
  // The picture's styles stay inside the widget.
  expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBe(0);
});
