// The bytes a first visit downloads: every JS and CSS file the page actually requested in
// Chromium (its static imports and the protocol chunk it loads at start), gzipped as a static
// host would serve them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { Figure } from './figure';

/** Loads `path` in a fresh page and sums the gzipped size of the JS and CSS it fetched from `dist`. */
export async function pageWeight(page: Page, origin: string, path: string, dist = 'dist'): Promise<{ bytes: number; files: string[] }> {
  const files = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && /\.(js|css)$/.test(url.pathname)) files.add(url.pathname.slice(1));
  });
  await page.goto(`${origin}/${path}`, { waitUntil: 'networkidle' });
  let bytes = 0;
  for (const file of files) if (existsSync(join(dist, file))) bytes += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  return { bytes, files: [...files] };
}

export async function weightFigures(newPage: () => Promise<Page>, origin: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [path, name] of [
    ['two-phase-commit.html', 'two-phase commit page'],
    ['paxos.html', 'Paxos page'],
    ['cache-write-strategies.html', 'cache write strategies page'],
    ['index.html', 'home page'],
  ] as const) {
    const { bytes, files } = await pageWeight(await newPage(), origin, path);
    figures.push({
      name: `${name}, first load, JS+CSS gzipped`,
      value: Math.round((bytes / 1024) * 10) / 10,
      unit: 'KB',
      budget: { limit: 45, atLeast: false },
      note: `${files.length} files; the 45 KB budget is the widget's (below); a site page carries every panel`,
    });
  }
  return figures;
}
