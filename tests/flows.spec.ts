// The flows a person does on the two-phase commit page, with the mouse. Every wait is on state
// (the simulator root's data-step / data-status, the rules' data-status), never on the clock.
import { expect, test } from '@playwright/test';
import { actions, openProtocol, playToQuiet, rule, simulator } from './simulator';

const participants = ['P1', 'P2', 'P3'];

test('a run of two-phase commit plays to COMMIT and every invariant holds', async ({ page }) => {
  const root = await openProtocol(page);
  await actions(root).getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  await expect(root).toHaveAttribute('data-step', '1');
  await playToQuiet(root);
  for (const name of participants)
    await expect(actions(root).locator('li[data-node]').filter({ hasText: name })).toContainText('committed');
  await expect(root.locator('[data-panel="log"]')).toContainText('COMMIT');
  await expect(rule(root, 'atomicity')).toHaveAttribute('data-status', 'ok');
  await expect(rule(root, 'commit-validity')).toHaveAttribute('data-status', 'ok');
  await expect(root).toHaveAttribute('data-violations', '0');
  await expect(root.getByTestId('notice')).toContainText('Nothing left to happen');
});

test('crashing the coordinator after PREPARE blocks the participants in doubt, by name', async ({ page }) => {
  const root = await openProtocol(page);
  const panel = actions(root);
  await panel.getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  for (const name of participants) await panel.getByRole('button', { name: `Deliver PREPARE coordinator → ${name}` }).click();
  await expect(root).toHaveAttribute('data-step', '4');
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'ok');
  await panel.getByRole('button', { name: 'Crash coordinator' }).click();
  const blocked = rule(root, 'blocked-in-doubt');
  await expect(blocked).toHaveAttribute('data-status', 'active');
  await expect(blocked).toContainText('P1, P2 and P3');
  await expect(blocked).toContainText('the coordinator is down');
  // The inspector says the same about one of them.
  await root.locator('[data-panel="inspector"]').getByRole('button', { name: 'P2', exact: true }).click();
  await expect(root.getByTestId('inspector')).toHaveAttribute('data-status', 'blocked');
});

test('stepping back and dropping a vote instead leads to ABORT, and the crash stays a branch', async ({ page }) => {
  const root = await openProtocol(page);
  const panel = actions(root);
  await panel.getByRole('button', { name: 'coordinator: Begin a transaction' }).click();
  for (const name of participants) await panel.getByRole('button', { name: `Deliver PREPARE coordinator → ${name}` }).click();
  await panel.getByRole('button', { name: 'Crash coordinator' }).click();
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'active');

  await root.getByRole('button', { name: 'Back' }).click();
  await expect(root).toHaveAttribute('data-step', '4');
  await expect(root).toHaveAttribute('data-end', '5');
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'ahead');

  await panel.getByRole('button', { name: 'Drop VOTE yes P2 → coordinator' }).click();
  await expect(root).toHaveAttribute('data-step', '5');
  await expect(root.getByTestId('notice')).toContainText('earlier future is kept');
  await playToQuiet(root);
  for (const name of participants)
    await expect(panel.locator('li[data-node]').filter({ hasText: name })).toContainText('aborted');
  await expect(root).toHaveAttribute('data-violations', '0');

  const branches = root.locator('[data-panel="branches"]');
  await expect(branches.locator('li[data-branch]')).toHaveCount(2);
  await branches.getByRole('button', { name: 'Return to this future' }).click();
  await expect(root).toHaveAttribute('data-end', '5');
  await root.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(rule(root, 'blocked-in-doubt')).toHaveAttribute('data-status', 'active');
});

test('a broken variant shows its explanation and its violation on the timeline', async ({ page }) => {
  const root = await openProtocol(page);
  const setup = root.locator('[data-panel="setup"]');
  await setup.getByLabel('Variant').selectOption('no-decision-log');
  await expect(root).toHaveAttribute('data-variant', 'no-decision-log');
  await expect(root.getByTestId('variant-explanation')).toContainText('before writing it to its log');

  await setup.getByLabel('Scenario').selectOption('no-decision-log-split');
  await setup.getByRole('button', { name: 'Load' }).click();
  await expect(root.getByTestId('caption')).toContainText('No decision log');
  await playToQuiet(root);
  await expect(root).not.toHaveAttribute('data-violations', '0');
  const atomicity = rule(root, 'atomicity');
  await expect(atomicity).toHaveAttribute('data-status', 'broken');
  await expect(atomicity).toContainText('P1 committed');
  await expect(root.locator('[data-view="timeline"] .alert.violation').first()).toBeVisible();

  // "Show me" jumps to the step that broke it.
  const brokeAt = await root.locator('[data-view="timeline"] [data-violation-step]').first().getAttribute('data-violation-step');
  await atomicity.getByRole('button', { name: /Show me/ }).click();
  await expect(root).toHaveAttribute('data-step', /\d+/);
  expect(Number(await root.getAttribute('data-step'))).toBeGreaterThanOrEqual(Number(brokeAt));
  await expect(atomicity).toHaveAttribute('data-status', 'broken');
});

test('config is validated with the protocol’s own message', async ({ page }) => {
  const root = await openProtocol(page);
  const setup = root.locator('[data-panel="setup"]');
  await setup.getByLabel('Participants').fill('9');
  await setup.getByRole('button', { name: 'Start a run with these settings' }).click();
  await expect(setup.getByTestId('config-problems')).toContainText('2 to 7 participants');
  await setup.getByLabel('Participants').fill('5');
  await setup.getByRole('button', { name: 'Start a run with these settings' }).click();
  await expect(actions(simulator(page)).locator('li[data-node]')).toHaveCount(6);
});
