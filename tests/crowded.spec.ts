// Links a person can make or be sent that put a great load on the page: thousands of messages in
// flight. The page must stay usable: the cluster draws a bounded number of chips, one counting
// the rest, and every message is still reachable from it.
import { expect, test } from '@playwright/test';
import { encodeFrame, type Choice } from '../src/engine/index';
import { PROTOCOL_PAGE, simulator } from './simulator';

const DUPLICATES = 1_996;

/** `begin`, then the first PREPARE duplicated until 1,999 messages are in flight. */
function crowdedLink(): string {
  const choices: Choice[] = [{ type: 'client', node: 0, op: 'begin' }, ...Array.from({ length: DUPLICATES }, (): Choice => ({ type: 'duplicate', id: 0 }))];
  const config = { participants: 3 };
  return `${PROTOCOL_PAGE}#${encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config, seed: 1, choices, step: choices.length })}`;
}

test('thousands of messages in flight: a few chips, one counting the rest, and each still reachable', async ({ page }) => {
  await page.goto(crowdedLink());
  const root = simulator(page);
  await expect(root).toHaveAttribute('data-step', String(DUPLICATES + 1));
  await expect(root.getByTestId('notice')).toHaveCount(0);
  const cluster = root.getByRole('group', { name: /^Cluster: 4 nodes, 1999 messages in flight$/ });
  expect(await cluster.locator('button[data-message]').count()).toBeLessThanOrEqual(24);
  const more = cluster.getByRole('button', { name: /^[\d,]+ more messages in flight/ });
  await more.click();
  const list = page.getByRole('menu', { name: /^[\d,]+ more in flight, by kind/ });
  const items = list.getByRole('menuitem');
  await expect(items.first()).toContainText('more like it');
  await items.first().click();
  await expect(page.getByRole('menu', { name: /^PREPARE/ }).getByRole('menuitem', { name: /^Deliver/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await root.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(root).toHaveAttribute('data-step', String(DUPLICATES + 2));
});
