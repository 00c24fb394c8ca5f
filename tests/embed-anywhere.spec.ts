// The README's two snippets, pasted into a plain HTML page on another origin, with the built site
// served from a sub-path of a third: both show a live run. Pages and files are served by Playwright's
// router (the site from dist/, with the CORS header any static host such as GitHub Pages sends).
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

const SITE = 'http://site.test/deep/sub/path/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function readmeSnippet(name: 'script' | 'iframe'): string {
  const readme = readFileSync('README.md', 'utf8');
  const match = new RegExp(`<!-- embed:${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (match === null) throw new Error(`README has no ${name} snippet`);
  return match[1]!.replaceAll('https://example.org/fault-lines/', SITE);
}

test('both README snippets work pasted into a plain page elsewhere, with the site on a sub-path', async ({ context, page }) => {
  await context.route(`${SITE}**`, (route) => {
    const path = normalize(new URL(route.request().url()).pathname.slice(new URL(SITE).pathname.length) || 'index.html');
    const file = join('dist', path);
    if (path.startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream', headers: { 'Access-Control-Allow-Origin': '*' } });
  });
  const post = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body>
<h1>A post</h1>
${readmeSnippet('script')}
<p>And without a script:</p>
${readmeSnippet('iframe')}
</body></html>`;
  await context.route('http://blog.test/**', (route) => route.fulfill({ contentType: 'text/html', body: post }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('http://blog.test/2026/01/post.html');
  const widget = page.locator('fault-lines section.simulator');
  await expect(widget).toHaveAttribute('data-step', '0');
  await expect(page.locator('fault-lines').getByTestId('caption')).toContainText('Dueling proposers');
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(widget).toHaveAttribute('data-step', '1');
  const framed = page.frameLocator('iframe').locator('section.simulator');
  await expect(framed).toHaveAttribute('data-step', '0');
  await expect(page.frameLocator('iframe').getByTestId('caption')).toContainText('The coordinator crashes after PREPARE');
  // Share links from the widget point back at the site's own page, on its sub-path.
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  expect(await page.locator('fault-lines').evaluate((e) => e.shadowRoot?.querySelector('section')?.getAttribute('data-step'))).toBe('2');
});
