// The static site: every `*.html` at the root is a page (the home page and one page per live
// protocol), so adding a protocol page is adding one small HTML file. `base: './'` keeps every
// asset path relative, so `dist/` works from any static host and any sub-path.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.slice(0, -'.html'.length), resolve(root, file)]),
);

export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    rollupOptions: { input: pages },
  },
  preview: { port: 4173, strictPort: true },
});
