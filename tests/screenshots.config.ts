// Not a test suite: `npx playwright test --config tests/screenshots.config.ts` saves PNGs of the
// main states at projector and phone sizes into `screenshots/` (gitignored), for a person to look
// at. It shares the browser and server settings of the end-to-end tests.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshots.ts',
  reporter: 'list',
  projects: [
    { name: 'projector', use: { ...base.use, viewport: { width: 1280, height: 720 } } },
    { name: 'phone', use: { ...base.use, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
});
