// Not a test suite: `npx playwright test --config tests/perf.config.ts` measures the simulator
// in Chromium (frame times while scrubbing and playing a 10,000-event run, time to seek) and
// writes the figures to `.bench/ui.json` for `npm run bench` to print.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'perf.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  projects: [{ name: 'chromium', use: { ...base.use, viewport: { width: 1280, height: 720 } } }],
});
