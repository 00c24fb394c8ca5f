// Saving the run from the Share panel: pictures for slides and papers, the run as JSON (which
// opens again), and a ShiViz log.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openProtocol } from './simulator';

async function save(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export"]').getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path) };
}

async function openScenario(page: Page) {
  const root = await openProtocol(page);
  await page.locator('[data-scenario="coordinator-crash-after-prepare"]').getByRole('button').click();
  await root.focus();
  await page.keyboard.press('End');
  await expect(root).not.toHaveAttribute('data-step', '0');
  return root;
}

test('the timeline and the cluster save as standalone SVG with the picture\'s words, and as PNG', async ({ page }) => {
  await openScenario(page);
  const timeline = await save(page, 'Timeline SVG');
  expect(timeline.name).toMatch(/^two-phase-commit-coordinator-crash-after-prepare-step\d+-timeline\.svg$/);
  const svg = timeline.body.toString('utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('coordinator');
  expect(svg).not.toContain('class=');
  const parsed = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svg);
  expect(parsed).toBe(true);
  const cluster = await save(page, 'Cluster SVG');
  expect(cluster.body.toString('utf8')).toContain('>P1<');
  const png = await save(page, 'Cluster PNG');
  expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.body.length).toBeGreaterThan(2000);
});

test('the run saved as JSON opens again at the same step', async ({ page }) => {
  const root = await openScenario(page);
  const step = await root.getAttribute('data-step');
  const json = await save(page, 'Run as JSON');
  const file = JSON.parse(json.body.toString('utf8'));
  expect(file).toMatchObject({ format: 'fault-lines-run', version: 1, protocol: 'two-phase-commit', step: Number(step) });
  await root.getByRole('button', { name: 'Reset' }).click();
  await expect(root).toHaveAttribute('data-step', '0');
  await page.locator('[data-testid="export"]').getByLabel('Open a run file (JSON)').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: json.body });
  await expect(root).toHaveAttribute('data-step', step!);
  await expect(page.locator('[data-testid="export"]')).toContainText(`Opened run.json at step ${step}.`);
  await page.locator('[data-testid="export"]').getByLabel('Open a run file (JSON)').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
  await expect(page.locator('[data-testid="export"]')).toContainText('bad.json cannot be opened: the file is not a Fault Lines run.');
});

test('the ShiViz log starts with its parsing expression and has a vector clock on every event line', async ({ page }) => {
  await openScenario(page);
  const log = (await save(page, 'ShiViz log')).body.toString('utf8').split('\n');
  expect(log[0]).toBe('(?<host>\\S+) (?<clock>\\{[^}]*\\}) (?<event>.*)');
  expect(log[1]).toBe('');
  const events = log.slice(2).filter((l) => l !== '');
  expect(events.length).toBeGreaterThan(5);
  for (const line of events) expect(line).toMatch(/^\S+ \{("[\w.-]+":\d+,?)+\} step \d+, tick \d+: .+$/);
});

test('the share panel offers embed code in both forms for the frame on screen', async ({ page }) => {
  await openScenario(page);
  const code = page.getByTestId('embed-code');
  await code.getByText('Copy embed code', { exact: true }).click();
  const script = await code.locator('textarea[data-form="script"]').inputValue();
  const iframe = await code.locator('textarea[data-form="iframe"]').inputValue();
  expect(script).toMatch(/^<script type="module" src="http:\/\/localhost:\d+\/fault-lines\.js"><\/script>\n<fault-lines protocol="two-phase-commit" scenario="coordinator-crash-after-prepare" link="1\.[^"]+"><\/fault-lines>$/);
  expect(iframe).toMatch(/^<iframe src="http:\/\/localhost:\d+\/embed\.html#1\.[^"?]+\?scenario=coordinator-crash-after-prepare" title="The coordinator crashes after PREPARE \(Fault Lines\)"/);
});
