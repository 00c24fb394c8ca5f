// Entry of a protocol page: the page names its protocol (`<body data-protocol>`) and loads that
// protocol alone (catalogue.ts), so a page does not carry the others. A frame in the URL hash (a share link) opens that exact frame; a damaged one
// says so and opens a fresh run; `?scenario=` gives it its captions back. The address bar follows
// the frame on screen. `?theme=projector` and `?present` set how the page looks; `?presenter` opens
// the speaker's window of a presentation.
import { loadProtocol } from '../protocols/catalogue';
import { readLinkHash } from '../ui/state/share';
import { openSimulation, type SimulatorController } from '../ui/state/controller.svelte';
import { pageAddress } from './page-address';
import { followInAddressBar, pageDisplay } from './page-memory.svelte';
import { mountPage } from './mount';
import ProtocolPage from './ProtocolPage.svelte';
import MissingPage from './MissingPage.svelte';
import { connectPresenter } from './presenter-channel.svelte';

const id = document.body.dataset['protocol'] ?? '';
const protocol = await loadProtocol(id);
const display = pageDisplay(location.search);

if (protocol === undefined) {
  mountPage(MissingPage, { display, id });
} else {
  const link = readLinkHash(location.hash);
  const start = link.kind === 'frame' ? ({ kind: 'frame', run: link.run, step: link.step } as const) : ({ kind: 'defaults' } as const);
  // Links open this page, with the scenario named so its captions come along.
  const controller: SimulatorController = openSimulation(protocol, start, { display, shareBase: () => pageAddress(location.href, controller) });
  if (link.kind === 'bad') controller.simulation.notice = { tone: 'error', text: link.message };
  const scenario = new URLSearchParams(location.search).get('scenario');
  if (link.kind === 'frame' && scenario !== null) controller.simulation.adoptScenario(scenario);
  // `?presenter` is the speaker's window of a presentation; it and the room's window (`?present`)
  // keep each other on the same frame.
  const speaker = new URLSearchParams(location.search).has('presenter');
  if (speaker) display.setPresenting(true);
  // The speaker's window is its own small page, loaded only there.
  if (speaker) mountPage((await import('./PresenterPage.svelte')).default, { controller });
  else mountPage(ProtocolPage, { display, controller });
  if (speaker || display.presenting) connectPresenter(controller);
  followInAddressBar(controller);
  // A pasted link changes only the hash; open it the same way a fresh visit would.
  addEventListener('hashchange', () => location.reload());
}
