// Entry of a protocol page: the page names its protocol (`<body data-protocol>`) and loads that
// protocol alone (catalogue.ts), so a page does not carry the others. A frame in the URL hash (a share link) opens that exact frame; a damaged one
// says so and opens a fresh run. `?theme=projector` and `?present` set how the page looks.
import { loadProtocol } from '../protocols/catalogue';
import { Display, displayFromQuery } from '../ui/state/display.svelte';
import { readLinkHash } from '../ui/state/share';
import { openSimulation } from '../ui/state/controller.svelte';
import { mountPage } from './mount';
import ProtocolPage from './ProtocolPage.svelte';
import MissingPage from './MissingPage.svelte';

const id = document.body.dataset['protocol'] ?? '';
const protocol = await loadProtocol(id);
const display = new Display(displayFromQuery(location.search));

if (protocol === undefined) {
  mountPage(MissingPage, { display, id });
} else {
  const link = readLinkHash(location.hash);
  const start = link.kind === 'frame' ? ({ kind: 'frame', run: link.run, step: link.step } as const) : ({ kind: 'defaults' } as const);
  // Links open this page: its address without the hash.
  const controller = openSimulation(protocol, start, { display, shareBase: () => location.href });
  if (link.kind === 'bad') controller.simulation.notice = { tone: 'error', text: link.message };
  mountPage(ProtocolPage, { display, controller });
  // A pasted link changes only the hash; open it the same way a fresh visit would.
  addEventListener('hashchange', () => location.reload());
}
