// Links a hostile or careless person sends: each opens a run or says, in one short sentence, why
// it cannot; none throws in the page, none is inserted as markup, none echoes itself unbounded.
import { expect, test, type Page } from '@playwright/test';
import { encodeFrame } from '../src/engine/index';
import { fuzzLinks, scenarioFrames } from '../src/protocols/testing/fuzz-links';
import { protocolById } from '../src/protocols/registry';
import { PROTOCOL_PAGE, simulator } from './simulator';

const link = (frame: Partial<Parameters<typeof encodeFrame>[0]>) =>
  `${PROTOCOL_PAGE}#${encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config: { participants: 3 }, seed: 1, choices: [], step: 0, ...frame })}`;

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a 900 KB variant name gives a short notice and a fresh run', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto(link({ variant: 'v'.repeat(900_000) }));
  const notice = simulator(page).getByTestId('notice');
  await expect(notice).toContainText('has no variant');
  expect((await notice.textContent())!.length).toBeLessThan(400);
  await expect(simulator(page)).toHaveAttribute('data-step', '0');
  expect(errors).toEqual([]);
});

test('control and direction characters in a link are shown as escapes, and markup as text', async ({ page }) => {
  await page.goto(link({ config: { participants: 3, ['k\u202e\u001b]0;x\u0007<b>bold</b>']: 1 } }));
  const notice = simulator(page).getByTestId('notice');
  await expect(notice).toContainText('unknown option "k\\u202e\\x1b]0;x\\x07<b>bold</b>"');
  await expect(notice.locator('b')).toHaveCount(0);
});

test('mutated links each open a run or explain themselves, with no error in the page', async ({ page }) => {
  const errors = pageErrors(page);
  const protocol = protocolById('two-phase-commit')!;
  for (const mutated of fuzzLinks(scenarioFrames(protocol), 12, 53)) {
    await page.goto('about:blank');
    await page.goto(`${PROTOCOL_PAGE}#${mutated.text}`);
    const root = simulator(page);
    await expect(root).toHaveAttribute('data-step', /^\d+$/);
    const notice = root.getByTestId('notice');
    if ((await notice.count()) > 0) expect((await notice.textContent())!.length, mutated.how).toBeLessThan(700);
  }
  expect(errors).toEqual([]);
});
