// Presentation mode by keys only, as a presenter remote sends them, and the speaker's window kept
// in step with the room's.
import { expect, test } from '@playwright/test';
import { PROTOCOL_PAGE, simulator } from './simulator';

test('a presenter remote steps with Page Down and Page Up and blanks the screen with B or "."', async ({ page }) => {
  await page.goto(`${PROTOCOL_PAGE}?present`);
  const root = simulator(page);
  await expect(root).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(root).toHaveAttribute('data-step', '1');
  await page.keyboard.press('PageDown');
  await expect(root).toHaveAttribute('data-step', '2');
  await page.keyboard.press('PageUp');
  await expect(root).toHaveAttribute('data-step', '1');
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toHaveCount(0);
  await expect(root).toHaveAttribute('data-step', '1');
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-step', '2');
});

test('the speaker\'s window shows the next caption and stays in step with the room\'s window, both ways', async ({ context }) => {
  const room = await context.newPage();
  await room.goto(`${PROTOCOL_PAGE}?present`);
  const roomRoot = simulator(room);
  const speaker = await context.newPage();
  await speaker.goto(`${PROTOCOL_PAGE}?presenter`);
  await expect(speaker.getByTestId('speaker-step')).toContainText('Step 0 of 0');
  await roomRoot.focus();
  await room.keyboard.press('PageDown');
  await expect(roomRoot).toHaveAttribute('data-step', '1');
  await expect(speaker.getByTestId('speaker-step')).toContainText('Step 1 of 1');
  await expect(speaker.getByTestId('speaker-next')).not.toBeEmpty();
  // The speaker's clicker leads the room too.
  await speaker.keyboard.press('PageDown');
  await expect(speaker.getByTestId('speaker-step')).toContainText('Step 2');
  await expect(roomRoot).toHaveAttribute('data-step', '2');
  await speaker.keyboard.press('b');
  await expect(room.getByTestId('blank')).toBeVisible();
  await expect(speaker.getByTestId('speaker-step')).toContainText('the room’s screen is blank');
});
