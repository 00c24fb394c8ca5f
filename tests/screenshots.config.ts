// Not a test suite: `npx playwright test --config tests/screenshots.config.ts` saves PNGs of the
// main states at 1280×720, 1920×1080 and phone sizes into `screenshots/` (gitignored), for a person to look
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
    { name: 'wide', use: { ...base.use, viewport: { width: 1920, height: 1080 } } },
    { name: 'phone', use: { ...base.use, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
});
