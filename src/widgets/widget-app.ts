// The widget's application, loaded when the element comes near the viewport: it opens the run the
// attributes name (with the same checks as the site), mounts the layout into the shadow root and
// tells the host page about steps and violations. Everything here belongs to one element.
import { mount, unmount } from 'svelte';
import { catalogue, catalogueEntry } from '../protocols/catalogue';
import type { Protocol } from '../protocols/kit/types';
import { openSimulation, type SimulatorController } from '../ui/state/controller.svelte';
import { Display, type ThemeChoice } from '../ui/state/display.svelte';
import { readLinkHash } from '../ui/state/share';
import type { SimulationStart } from '../ui/state/simulation.svelte';
import { quoted, type LookOptions, type RunOptions, type WidgetTheme } from './options';
import { watchRun, type Emit } from './host-events.svelte';
import { WidgetLook } from './widget-look.svelte';
import WidgetLayout from './WidgetLayout.svelte';
import { operationBars } from '../ui/views/later.svelte';
import { hasOperations } from '../view-model/has-operations';

export interface WidgetRequest {
  readonly run: RunOptions;
  readonly look: LookOptions;
  /** The site's root address (where fault-lines.js is), for share links and embed code. */
  readonly siteRoot: string;
  /** Which widget of the same run on the page this is: the second and later are numbered in their names. */
  readonly nth: number;
  readonly emit: Emit;
}

export interface WidgetHandle {
  readonly controller: SimulatorController;
  update(look: LookOptions): void;
  destroy(): void;
}

export type StartResult = { readonly ok: true; readonly handle: WidgetHandle } | { readonly ok: false; readonly message: string };

/** The most steps a `step` attribute past a run's end plays forward to reach. */
const MAX_FORWARD = 10_000;

export function themeChoice(theme: WidgetTheme): ThemeChoice {
  return theme === 'auto' ? 'system' : theme;
}

/** Which protocol and start the attributes name, or the sentence that says why there is none. */
async function resolve(run: RunOptions): Promise<{ protocol: Protocol; start: SimulationStart; notes: string[] } | string> {
  const notes: string[] = [];
  const link = run.link === null ? null : readLinkHash(run.link);
  let id = run.protocol;
  if (link?.kind === 'frame') {
    if (id !== null && id !== link.run.protocol) notes.push(`The link is a run of ${link.run.protocol}, so protocol=${quoted(id)} is not used.`);
    id = link.run.protocol;
  }
  if (id === null) {
    if (link?.kind === 'bad') return link.message.replace(' Here is a fresh run instead.', ' Give a protocol as well to start a fresh run.');
    return `Say which protocol to run, for example protocol="paxos" (there are: ${known()}).`;
  }
  const entry = catalogueEntry(id);
  if (entry === undefined) return `There is no protocol ${quoted(id)}. There are: ${known()}.`;
  const protocol = await entry.load?.();
  if (protocol === undefined) return `${entry.title} is coming soon: it cannot run yet.`;
  if (link?.kind === 'bad') notes.push(link.message);
  if (link?.kind === 'frame') return { protocol, start: { kind: 'frame', run: link.run, step: link.step }, notes };
  if (run.scenario !== null) return { protocol, start: { kind: 'scenario', id: run.scenario }, notes };
  return { protocol, start: { kind: 'defaults' }, notes };
}

function known(): string {
  return catalogue
    .filter((e) => e.load !== undefined)
    .map((e) => e.id)
    .join(', ');
}

/** Applies a variant to a fresh run, or says why it cannot be. */
function applyVariant(controller: SimulatorController, run: RunOptions): string | null {
  const { simulation } = controller;
  if (run.variant === null || run.variant === simulation.spec.variant) return null;
  if (run.link !== null || run.scenario !== null) return `This run uses the ${simulation.spec.variant} variant, so variant=${quoted(run.variant)} is not used.`;
  const problems = simulation.configure({ variant: run.variant });
  return problems.length === 0 ? null : `variant=${quoted(run.variant)} is not used: ${problems.join('; ')}.`;
}

/** Moves to the step asked for; past the end of the run, the default scheduler plays on to it. */
export function goToStep(controller: SimulatorController, step: number): void {
  const { simulation, player } = controller;
  player.pause();
  if (step <= simulation.end) return simulation.seek(step);
  simulation.seek(simulation.end);
  for (let i = 0; simulation.step < step && i < MAX_FORWARD; i++) if (!simulation.forward()) break;
  if (simulation.step < step)
    simulation.notice = { tone: 'info', text: `This run stops at step ${simulation.step}: step ${step} cannot be reached.` };
}

function applyClock(controller: SimulatorController, look: LookOptions, before: LookOptions | null): void {
  const { player } = controller;
  if (look.speed !== null && look.speed !== before?.speed) player.speed = look.speed;
  if (look.step !== null && look.step !== before?.step) goToStep(controller, look.step);
  if (look.autoplay !== (before?.autoplay ?? false)) {
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (look.autoplay && !still) player.play();
    if (!look.autoplay && before !== null) player.pause();
  }
}

export async function startWidget(target: HTMLElement, request: WidgetRequest): Promise<StartResult> {
  const resolved = await resolve(request.run);
  if (typeof resolved === 'string') return { ok: false, message: resolved };
  const { protocol, start, notes } = resolved;
  const display = new Display({ theme: themeChoice(request.look.theme) });
  const controller = openSimulation(protocol, start, {
    display,
    speed: request.look.speed ?? undefined,
    shareBase: () => {
      const page = new URL(`./${protocol.id}.html`, request.siteRoot);
      if (controller.simulation.scenario !== null) page.searchParams.set('scenario', controller.simulation.scenario);
      return page.href;
    },
  });
  const { simulation } = controller;
  if (start.kind === 'frame' && request.run.scenario !== null) simulation.adoptScenario(request.run.scenario);
  const variantNote = applyVariant(controller, request.run);
  if (variantNote !== null) notes.push(variantNote);
  if (simulation.notice === null && notes.length > 0) simulation.notice = { tone: 'error', text: notes.join(' ') };
  const look = new WidgetLook(request.look);
  let current = request.look;
  applyClock(controller, current, null);
  // A run with client operations paints their bars with its first live frame, as its picture did.
  if (hasOperations(simulation.events)) await operationBars.load();
  const app = mount(WidgetLayout, { target, props: { controller, look, nth: request.nth } });
  const stopWatching = watchRun(controller, request.emit);
  return {
    ok: true,
    handle: {
      controller,
      update(next) {
        look.update(next);
        display.theme = themeChoice(next.theme);
        applyClock(controller, next, current);
        current = next;
      },
      destroy() {
        stopWatching();
        void unmount(app);
      },
    },
  };
}
