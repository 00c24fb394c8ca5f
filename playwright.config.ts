// End-to-end tests: a person's flows in real Chromium against the built site (`dist/`, served by
// `vite preview`). `npm test` builds first. Tests wait on state (data- attributes, ARIA), never
// on the clock.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Another port can be chosen when 4173 is taken (E2E_PORT=4999 npm test).
const port = Number(process.env['E2E_PORT'] ?? 4173);
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const launchOptions = {
  ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: process.env['CI'] ? 2 : undefined,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}/`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, launchOptions } }],
  webServer: {
    command: `npx vite preview --strictPort --port ${port}`,
    // The site's root, also when another config (tests/screenshots.config.ts) extends this one.
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
