// Test pages that are not part of the site (a blog post, a reveal.js deck) are served from
// tests/pages/ at /tests-pages/, beside the built site, and reveal.js from node_modules at /vendor/reveal/.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.svg': 'image/svg+xml' };

export async function serveTestPages(target: Page | BrowserContext): Promise<void> {
  await target.route('**/tests-pages/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^.*\/tests-pages\//, '');
    return route.fulfill({ contentType: TYPES[extname(name)] ?? 'text/plain', body: readFileSync(`tests/pages/${name}`) });
  });
  await target.route('**/vendor/reveal/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^.*\/vendor\/reveal\//, '');
    return route.fulfill({ contentType: TYPES[extname(name)] ?? 'text/plain', body: readFileSync(`node_modules/reveal.js/dist/${name}`) });
  });
}
