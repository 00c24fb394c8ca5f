// The Vite plugin behind a widget's first paint: `virtual:fault-lines-pictures` lists every live
// protocol's scenarios, each with a loader of its recorded picture (src/widgets/picture), which
// becomes a small chunk of its own. Recording runs the real protocols in Node, at build time (and
// on demand in `npm run dev`).
import type { Plugin } from 'vite';
import { protocols } from '../src/protocols/registry';
import { recordPicture } from '../src/widgets/picture/record';

const LIST = 'virtual:fault-lines-pictures';
const ONE = 'virtual:fault-lines-picture/';

export function widgetPictures(): Plugin {
  return {
    name: 'fault-lines-widget-pictures',
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
  };
}
