// The picture tells the story: what a student sees without opening a panel, the first press of
// Play, the address bar following the run, the theme kept across pages, branches on the
// timeline, and targets a thumb can hit. Every wait is on state, never on the clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actions, openProtocol, simulator } from './simulator';

async function scenarioToEnd(page: Page, protocol: string, id: string): Promise<Locator> {
  await page.goto(`${protocol}.html`);
  const root = simulator(page);
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-step', (await root.getAttribute('data-end'))!);
  return root;
}

test('at the end of a broken Paxos run the cluster names the nodes that broke agreement and what each accepted', async ({ page }) => {
  const root = await scenarioToEnd(page, 'paxos', 'minority-quorum-two-values');
  const cluster = root.locator('[data-view="cluster"]');
  // The run stops where agreement broke: A1 still holds A, A2 and A3 hold B.
  for (const [name, accepted] of [['A1', 'A @ (1,P1)'], ['A2', 'B @ (1,P2)'], ['A3', 'B @ (1,P2)']] as const) {
    const node = cluster.getByRole('button', { name: new RegExp(`^${name}\\b`) });
    await expect(node).toContainText('breaks agreement');
    await expect(node).toContainText(new RegExp(`accepted\\s*${accepted.replace(/[()]/g, '\\$&')}`));
  }
  // No green tick contradicts the verdict: no node is drawn as simply "done" and fine.
  await expect(cluster.locator('[data-breaks]')).toHaveCount(3);
});

test('at the end of the forgetful acceptor’s run, the picture shows who holds which value and that A1 logged none of it', async ({ page }) => {
  const root = await scenarioToEnd(page, 'paxos', 'forgetful-acceptor-two-values');
  const cluster = root.locator('[data-view="cluster"]');
  const a1 = cluster.getByRole('button', { name: /^A1\b/ });
  await expect(a1).toContainText(/accepted\s*B @ \(1,P2\)/);
  await expect(a1).toContainText(/log\s*empty/);
  await expect(cluster.getByRole('button', { name: /^A2\b/ })).toContainText(/accepted\s*A @ \(1,P1\)/);
});

test('a correct ABORT in two-phase commit is an outcome, not a failure', async ({ page }) => {
  const root = await scenarioToEnd(page, 'two-phase-commit', 'one-no-vote');
  const cluster = root.locator('[data-view="cluster"]');
  await expect(cluster.locator('[data-status="failed"]')).toHaveCount(0);
  await expect(cluster.getByRole('button', { name: /^P1\b/ })).toContainText('ABORT');
  await expect(root).toHaveAttribute('data-violations', '0');
});

test('on a fresh page the first Play starts the protocol and plays it', async ({ page }) => {
  const root = await openProtocol(page);
  await expect(root).toHaveAttribute('data-end', '0');
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(root).toHaveAttribute('data-status', 'quiet', { timeout: 20_000 });
  expect(Number(await root.getAttribute('data-step'))).toBeGreaterThan(5);
  await expect(root.locator('[data-panel="log"]')).toContainText('A client asks coordinator to begin a transaction');
});

test('the address follows the run, a reload opens the same frame, and a scenario keeps its caption', async ({ page }) => {
  const root = await scenarioToEnd(page, 'two-phase-commit', 'coordinator-crash-after-prepare');
  const end = (await root.getAttribute('data-step'))!;
  // The address follows a moment after the run stops moving: wait for the frame of the last step.
  await expect(page).toHaveURL(new RegExp(`scenario=coordinator-crash-after-prepare#1\\.two-phase-commit\\.correct\\.1\\.${end}\\.`));
  const caption = await root.getByTestId('caption').textContent().catch(() => null);
  await page.reload();
  const again = simulator(page);
  await expect(again).toHaveAttribute('data-step', end);
  if (caption !== null) await expect(again.getByTestId('caption')).toHaveText(caption);
});

test('a theme chosen on one page is kept on the next', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Theme').selectOption('dark');
  await page.goto('paxos.html');
  await expect(simulator(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

test('a branch is switched from the timeline, where it forked', async ({ page }) => {
  const root = await openProtocol(page);
  const panel = actions(root);
  await panel.getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  await panel.getByRole('button', { name: 'Deliver PREPARE coordinator → P1' }).click();
  await panel.getByRole('button', { name: 'Crash coordinator' }).click();
  await root.getByRole('button', { name: 'Back' }).click();
  await panel.getByRole('button', { name: 'Deliver PREPARE coordinator → P2' }).click();
  await expect(root).toHaveAttribute('data-end', '3');
  const fork = root.locator('[data-view="timeline"]').getByRole('button', { name: /Other future at step 2/ });
  await fork.click();
  await expect(root.locator('[data-panel="branches"] li[data-current="true"]')).toContainText('The first run');
  await root.focus();
  await page.keyboard.press('End');
  await expect(root).toHaveAttribute('data-step', '3');
  await expect(root.locator('[data-view="cluster"]').getByRole('button', { name: /^coordinator down/ })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('deliver, drop and duplicate are targets at least 44 px tall and wide', async ({ page }) => {
    const root = await openProtocol(page);
    await actions(root).getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
    const row = actions(root).locator('li[data-message]').first();
    for (const verb of ['Deliver', 'Drop', 'Duplicate']) {
      const box = await row.getByRole('button', { name: new RegExp(`^${verb} `) }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
  });

  test('the story panels start folded and open with their heading', async ({ page }) => {
    const root = await openProtocol(page);
    const log = root.locator('[data-panel="log"]');
    const heading = log.getByRole('button', { name: 'What happened' });
    await expect(heading).toHaveAttribute('aria-expanded', 'false');
    await heading.click();
    await expect(heading).toHaveAttribute('aria-expanded', 'true');
    await expect(log.getByRole('list')).toBeVisible();
  });
});

test('presentation mode shows the caption, the controls and both pictures on one 1280×720 screen', async ({ page }) => {
  await page.goto('two-phase-commit.html?present');
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-theme', 'projector');
  for (const view of ['cluster', 'timeline']) {
    const box = await root.locator(`[data-view="${view}"]`).boundingBox();
    expect(box!.y + Math.min(box!.height, 200)).toBeLessThanOrEqual(720);
  }
  await expect(root.getByRole('button', { name: 'Reset' })).toHaveCount(0);
  await root.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(root.getByRole('button', { name: 'Reset' })).toBeVisible();
});

test('the broken Paxos run at its last step passes axe', async ({ page }) => {
  await scenarioToEnd(page, 'paxos', 'forgetful-acceptor-two-values');
  const results = await new AxeBuilder({ page }).include('section.simulator').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
