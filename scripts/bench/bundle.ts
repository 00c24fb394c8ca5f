// The bytes a first visit downloads: every JS and CSS file a built page loads, followed through
// static imports, gzipped as a static host would serve them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figure';

const assetPattern = /(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g;
const importPattern = /(?:import|from)\s*\(?\s*["']\.?\/?([^"']+\.js)["']/g;

function staticImports(file: string, code: string): string[] {
  const out: string[] = [];
  for (const match of code.matchAll(importPattern)) {
    // Dynamic `import(` is loaded on demand, not on first load.
    if (match[0].startsWith('import(') || match[0].startsWith('import (')) continue;
    out.push(normalize(join(dirname(file), match[1]!)));
  }
  return out;
}

/** The gzipped size of everything the page needs on first load, and the files counted. */
export function pageWeight(dist: string, page: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(dist, page), 'utf8');
  const queue = [...html.matchAll(assetPattern)].map((m) => normalize(m[1]!));
  const seen = new Set<string>();
  let bytes = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const content = readFileSync(join(dist, file));
    bytes += gzipSync(content, { level: 9 }).length;
    if (file.endsWith('.js')) queue.push(...staticImports(file, content.toString('utf8')));
  }
  return { bytes, files: [...seen] };
}

export function bundleFigures(dist = 'dist'): Figure[] {
  if (!existsSync(join(dist, 'two-phase-commit.html'))) return [];
  const page = pageWeight(dist, 'two-phase-commit.html');
  return [
    {
      name: 'protocol page, first load, JS+CSS gzipped',
      value: Math.round((page.bytes / 1024) * 10) / 10,
      unit: 'KB',
      budget: { limit: 45, atLeast: false },
      note: `${page.files.length} files; the widget budget of DESIGN.md §7 applies to the widget bundle`,
    },
  ];
}
