// Helpers for the end-to-end tests: find the simulator's parts by role and data- attributes,
// and wait on state (the root's data-step and data-status), never on the clock.
import { expect, type Locator, type Page } from '@playwright/test';

export const PROTOCOL_PAGE = 'two-phase-commit.html';

export function simulator(page: Page): Locator {
  return page.locator('section.simulator').first();
}

/** Opens a protocol's page (two-phase commit's unless named) and waits for its simulator. */
export async function openProtocol(page: Page, hash = '', file = PROTOCOL_PAGE): Promise<Locator> {
  await page.goto(`${file}${hash}`);
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-step', /\d+/);
  return root;
}

/** Loads a scenario from its card and moves to its last step. */
export async function loadScenarioToEnd(page: Page, root: Locator, id: string): Promise<void> {
  await page.locator(`[data-scenario="${id}"]`).getByRole('button').click();
  await expect(root).not.toHaveAttribute('data-end', '0');
  await root.focus();
  await page.keyboard.press('End');
  const end = await root.getAttribute('data-end');
  await expect(root).toHaveAttribute('data-step', end!);
}

export async function stepOf(root: Locator): Promise<number> {
  return Number(await root.getAttribute('data-step'));
}

/** Clicks Step and waits until the cursor has moved on. */
export async function step(root: Locator): Promise<void> {
  const before = await stepOf(root);
  await root.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(root).toHaveAttribute('data-step', String(before + 1));
}

export function actions(root: Locator): Locator {
  return root.locator('[data-panel="actions"]');
}

export function rule(root: Locator, id: string): Locator {
  return root.locator(`[data-rule="${id}"]`);
}

/** Plays until the default scheduler has nothing left to do. */
export async function playToQuiet(root: Locator): Promise<void> {
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(root).toHaveAttribute('data-status', 'quiet', { timeout: 20_000 });
}
