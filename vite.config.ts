// The static site: every `*.html` at the root is a page (the home page and one page per live
// protocol), so adding a protocol page is adding one small HTML file. `base: './'` keeps every
// asset path relative, so `dist/` works from any static host and any sub-path. The widget's one
// script is built as `dist/fault-lines.js`, a stable name beside the pages. Component styles are
// injected by the components themselves, so inside a widget they land in its shadow root.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { widgetPictures } from './scripts/widget-pictures';

const root = import.meta.dirname;
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.slice(0, -'.html'.length), resolve(root, file)]),
);

const widget = resolve(root, 'src/widgets/fault-lines.ts');

const pictures = /node_modules\/svelte\/src\/internal|\/src\/ui\/views\/|\/src\/view-model\/|\/src\/widgets\/picture\//;
const later =
  /\/(Statechart|statechart[\w-]*|TimelineCanvas|dense-strokes|ActionMenu|TimelineForks|actions|menus|choice-menu|timeline-input|pan-zoom|gesture|timeline-target|timeline-hit|TimelineOperations|operation-bars)\.(svelte|ts)$/;

export default defineConfig({
  base: './',
  plugins: [svelte({ compilerOptions: { css: 'injected' }, emitCss: false }), widgetPictures()],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { ...pages, 'fault-lines': widget },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'fault-lines' ? 'fault-lines.js' : 'assets/[name]-[hash].js'),
        // The pictures (Svelte's runtime, the cluster and timeline views and their layout) in one
        // chunk: every page and every widget's first paint needs all of it, and one file compresses
        // better and costs one round trip instead of a dozen. What the views load on first use
        // (src/ui/views/later.svelte.ts) and the statechart stay out of it.
        codeSplitting: {
          // Vite's helper that loads a dynamic import's dependencies alongside it is used by every
          // chunk; in a file of its own, the widget's first paint (build-time markup, no Svelte
          // code) does not fetch the pictures chunk just for it.
          groups: [
            { name: 'preload', test: (id) => id.includes('vite/preload-helper') },
            { name: 'pictures', test: (id) => pictures.test(id) && !later.test(id) },
          ],
        },
      },
    },
  },
  // The search worker loads its protocol on demand (a chunk of its own), which needs ES module workers.
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
});
