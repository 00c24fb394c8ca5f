// The Vite plugin behind a widget's first paint: `virtual:fault-lines-pictures` lists every live
// protocol's scenarios, each with a loader of its recorded picture (src/widgets/picture), which
// becomes a small chunk of its own. Recording runs the real protocols in Node, at build time (and
// on demand in `npm run dev`). The build also renders each scenario's picture to static markup at
// a few widths (`assets/pictures/<protocol>/<scenario>/<width>.html`, src/widgets/markup-sizes.ts), with the
// same components through Vite's SSR, so a widget can paint it before any Svelte code loads.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer, type Plugin } from 'vite';
import { protocols } from '../src/protocols/registry';
import { MARKUP_WIDTHS, markupPath } from '../src/widgets/markup-sizes';
import type { renderMarkup } from '../src/widgets/picture/render-markup';
import { recordPicture } from '../src/widgets/picture/record';

const LIST = 'virtual:fault-lines-pictures';
const ONE = 'virtual:fault-lines-picture/';

/** Every scenario's picture markup at every width, rendered by the components compiled for the server. */
async function renderAll(root: string): Promise<Map<string, string>> {
  const server = await createServer({
    root,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [svelte({ compilerOptions: { css: 'injected', dev: false }, emitCss: false })],
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
  try {
    const module = (await server.ssrLoadModule('/src/widgets/picture/render-markup.ts')) as { renderMarkup: typeof renderMarkup };
    const files = new Map<string, string>();
    for (const protocol of protocols)
      for (const scenario of protocol.scenarios)
        for (const width of MARKUP_WIDTHS) files.set(markupPath(`${protocol.id}/${scenario.id}`, width), await module.renderMarkup(protocol, scenario.id, width));
    return files;
  } finally {
    await server.close();
  }
}

export function widgetPictures(): Plugin {
  let root = process.cwd();
  let assetsDir = 'assets';
  return {
    name: 'fault-lines-widget-pictures',
    configResolved(config) {
      root = config.root;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id) {
      return id === LIST || id.startsWith(ONE) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${LIST}`) {
        const entries = protocols.flatMap((p) =>
          p.scenarios.map((s) => `  ${JSON.stringify(`${p.id}/${s.id}`)}: () => import(${JSON.stringify(`${ONE}${p.id}/${s.id}`)}),`),
        );
        return `export const pictures = {\n${entries.join('\n')}\n};\n`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        const [protocolId, scenarioId] = id.slice(ONE.length + 1).split('/');
        const protocol = protocols.find((p) => p.id === protocolId);
        if (protocol === undefined || scenarioId === undefined) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(recordPicture(protocol, scenarioId)))});\n`;
      }
      return null;
    },
    async generateBundle() {
      for (const [fileName, source] of await renderAll(root)) this.emitFile({ type: 'asset', fileName: `${assetsDir}/${fileName}`, source });
    },
  };
}
