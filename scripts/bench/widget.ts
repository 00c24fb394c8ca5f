// What a blog post's reader downloads for a widget: every JS and CSS file (and the recorded
// picture's markup) the page fetched before the widget first painted (its `fault-lines:ready`
// event, live: false for the recorded picture), gzipped as a static host serves them, and the time
// of that paint; then everything fetched until the page is quiet with the live simulator ready; then what a second widget adds, of the same protocol and of another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { Figure } from './figure';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

interface Load {
  readonly first: number;
  readonly firstMs: number;
  readonly live: number;
  readonly liveMs: number;
}

async function load(browser: Browser, origin: string, body: string, widgets: number): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  const html = `<!doctype html><html lang="en"><head><title>bench</title><script>window.painted=[];document.addEventListener('fault-lines:ready',(e)=>painted.push([e.detail.live,performance.now()]))</script><script type="module" src="./fault-lines.js"></script></head><body>${body}</body></html>`;
  await page.route('**/bench-widget.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${origin}/bench-widget.html`);
  await page.waitForFunction((n) => (window as unknown as { painted: [boolean, number][] }).painted.filter(([live]) => live).length === n, widgets, { timeout: 30_000 });
  // What a live view loads once mounted (the timeline's pointer input) comes just after its ready
  // event; waiting for a quiet network counts it for every widget, not only for those whose load
  // happened to start before the last widget was ready.
  await page.waitForLoadState('networkidle');
  const { painted, resources } = await page.evaluate(() => ({
    painted: (window as unknown as { painted: [boolean, number][] }).painted,
    resources: performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.slice(1), r.startTime] as const),
  }));
  await page.close();
  const firstMs = painted[0]![1];
  const liveMs = painted.filter(([live]) => live).at(-1)![1];
  let first = 0;
  let live = 0;
  for (const [file, start] of resources) {
    // The picture's markup (pictures/…/<width>.html) is fetched like a script and counts like one.
    if (!/\.(js|css)$|^assets\/pictures\/.*\.html$/.test(file)) continue;
    const bytes = gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;
    live += bytes;
    if (start < firstMs) first += bytes;
  }
  return { first, firstMs, live, liveMs };
}

export async function widgetFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const one = '<fault-lines protocol="paxos" scenario="dueling-proposers" controls="minimal"></fault-lines>';
  const two = `${one}<fault-lines protocol="two-phase-commit" scenario="coordinator-crash-after-prepare" controls="minimal"></fault-lines>`;
  const twin = `${one}<fault-lines protocol="paxos" scenario="forgetful-acceptor-two-values" controls="minimal"></fault-lines>`;
  const linked = '<fault-lines protocol="paxos" scenario="dueling-proposers" controls="minimal" step="3"></fault-lines>';
  const single = await load(browser, origin, one, 1);
  const pair = await load(browser, origin, two, 2);
  const sameProtocol = await load(browser, origin, twin, 2);
  const fromStep = await load(browser, origin, linked, 1);
  return [
    {
      name: 'one widget (controls="minimal"), first paint, JS+CSS gzipped',
      value: kb(single.first),
      unit: 'KB',
      budget: { limit: 45, atLeast: false },
      note: 'its picture as build-time markup at the nearest width: no Svelte code, engine, XState or protocol yet',
    },
    { name: 'one widget, first paint after navigation', value: Math.round(single.firstMs), unit: 'ms' },
    { name: 'one widget, live simulator, JS+CSS gzipped', value: kb(single.live), unit: 'KB', note: `ready ${Math.round(single.liveMs)} ms after navigation` },
    { name: 'a second widget (same protocol, another scenario), live, adds', value: kb(sameProtocol.live - single.live), unit: 'KB', budget: { limit: 5, atLeast: false }, note: 'its picture: the runtime, the engine and the protocol are shared' },
    { name: 'a second widget (another protocol), live, adds', value: kb(pair.live - single.live), unit: 'KB', budget: { limit: 5, atLeast: false }, note: 'its protocol and its picture' },
    { name: 'a widget at step 3 (no recorded picture), first paint, JS+CSS gzipped', value: kb(fromStep.first), unit: 'KB', note: 'paints only when the live simulator is ready' },
  ];
}
