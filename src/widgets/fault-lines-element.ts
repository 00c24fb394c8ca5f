// <fault-lines>: one live protocol run in someone else's page. The element keeps to its shadow
// root: its styles are inside, it never reads or writes the page's address, storage or keys (keys
// act only while focus is inside, and those it uses do not reach the page), and it never scrolls
// the page. It loads the simulator only when it comes near the viewport. Anything wrong with its
// attributes is said in plain text inside it; other widgets on the page are not affected.
import themeCss from '../ui/theme.css?inline';
import { ATTRIBUTES, readOptions, sameRun, type AttributeName, type LookOptions, type WidgetOptions } from './options';
import { pictures } from 'virtual:fault-lines-pictures';
import { fetchMarkup } from './picture-markup';
import type { Wake } from './picture/picture-data';
import { HOST_CSS } from './host-styles';
import { bridgeReveal } from './reveal-bridge';
import type { WidgetHandle, WidgetRequest } from './widget-app';

/** How near the viewport (in CSS pixels) a widget starts loading. */
const NEAR_PX = 400;

/** The site's root: where this script is served from (dist/ puts it at the root). */
function siteRoot(): string {
  return new URL(import.meta.env.DEV ? '/' : './', import.meta.url).href;
}

export class FaultLinesElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = ATTRIBUTES;

  readonly #shadow: ShadowRoot;
  readonly #frame: HTMLDivElement;
  readonly #problems: HTMLDivElement;
  readonly #body: HTMLDivElement;
  #options: WidgetOptions | null = null;
  #handle: WidgetHandle | null = null;
  /** Counts starts, so a slow load finishing after the attributes changed is thrown away. */
  #generation = 0;
  #observer: IntersectionObserver | null = null;
  #unbridge: (() => void) | null = null;
  #refreshQueued = false;
  /** What a script asked before the simulator loaded, done once it has. */
  #asked: { step?: number; playing?: boolean } = {};
  /** Autoplay waiting for its reveal.js slide to be shown. */
  #heldAutoplay = false;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('style');
    sheet.textContent = themeCss + HOST_CSS;
    this.#frame = document.createElement('div');
    this.#frame.className = 'fl-theme frame';
    this.#problems = document.createElement('div');
    this.#problems.setAttribute('role', 'status');
    this.#body = document.createElement('div');
    this.#frame.append(this.#problems, this.#body);
    this.#shadow.append(sheet, this.#frame);
    // Keys the simulator used (it prevents their default) stop at the widget: a slide deck or the
    // page does not also act on them. Keys it did not use go on to the page as usual.
    this.#shadow.addEventListener('keydown', (event) => {
      if (event.defaultPrevented) event.stopPropagation();
    });
  }

  connectedCallback(): void {
    this.#options = readOptions((name) => this.getAttribute(name));
    this.#showLook(this.#options);
    this.#waiting(this.#options);
    this.#unbridge = bridgeReveal({
      element: this,
      playing: () => this.#handle?.controller.player.playing ?? this.#asked.playing ?? false,
      play: () => this.play(),
      pause: () => this.pause(),
      seek: (step) => this.seek(step),
      firstStep: () => this.#options?.look.step ?? 0,
      arrived: () => {
        if (!this.#heldAutoplay) return;
        this.#heldAutoplay = false;
        this.play();
      },
    });
    if (typeof IntersectionObserver !== 'function') return void this.#start();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        this.#observer = null;
        void this.#start();
      },
      { rootMargin: `${NEAR_PX}px` },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unbridge?.();
    this.#unbridge = null;
    this.#stop();
  }

  attributeChangedCallback(): void {
    if (!this.isConnected || this.#refreshQueued) return;
    // Several attributes set one after another are read once.
    this.#refreshQueued = true;
    queueMicrotask(() => {
      this.#refreshQueued = false;
      this.#refresh();
    });
  }

  /** The step shown (0 until the simulator has loaded, unless one was asked for). */
  get step(): number {
    return this.#handle?.controller.simulation.step ?? this.#asked.step ?? 0;
  }

  set step(step: number) {
    this.seek(step);
  }

  play(): void {
    if (this.#handle === null) this.#asked.playing = true;
    else this.#handle.controller.player.play();
  }

  pause(): void {
    if (this.#handle === null) this.#asked.playing = false;
    else this.#handle.controller.player.pause();
  }

  seek(step: number): void {
    if (!Number.isInteger(step) || step < 0) return;
    if (this.#handle === null) this.#asked.step = step;
    else void import('./widget-app').then(({ goToStep }) => this.#handle !== null && goToStep(this.#handle.controller, step));
  }

  /** One step forward (the default scheduler's choice at the end of the run). */
  forward(): void {
    this.#handle?.controller.player.step();
  }

  /** One step back. */
  back(): void {
    this.#handle?.controller.player.stepBack();
  }

  #refresh(): void {
    const next = readOptions((name: AttributeName) => this.getAttribute(name));
    const before = this.#options;
    this.#options = next;
    this.#showLook(next);
    if (this.#handle === null || before === null || !sameRun(before.run, next.run)) {
      if (this.#handle !== null || this.#generation > 0) void this.#start();
      return;
    }
    this.#handle.update(next.look);
  }

  #showLook(options: WidgetOptions): void {
    const list = document.createElement('ul');
    list.className = 'problems';
    list.append(
      ...options.problems.map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }),
    );
    this.#problems.replaceChildren(...(options.problems.length > 0 ? [list] : []));
    const theme = options.look.theme;
    if (theme === 'auto') this.#frame.removeAttribute('data-theme');
    else this.#frame.dataset['theme'] = theme;
  }

  #waiting(options: WidgetOptions): void {
    const note = document.createElement('p');
    note.className = 'waiting';
    note.style.minHeight = `${options.look.heightPx ?? 320}px`;
    note.textContent = `Fault Lines: ${options.run.scenario ?? options.run.protocol ?? 'a protocol run'} loads when it comes into view.`;
    this.#body.replaceChildren(note);
  }

  #fatal(message: string): void {
    const note = document.createElement('p');
    note.className = 'fatal';
    note.setAttribute('role', 'alert');
    note.textContent = message;
    this.#body.replaceChildren(note);
  }

  #stop(): void {
    this.#handle?.destroy();
    this.#handle = null;
  }

  /**
   * The recorded picture of a scenario's first frame, when the attributes ask for exactly that: it
   * paints at once, and the live simulator (engine, XState, the protocol) follows when the page is
   * idle or the person presses something, taking its place.
   */
  async #paintPicture(options: WidgetOptions, generation: number): Promise<{ wake: Promise<Wake | null>; asked: () => Wake | null; remove: () => void } | null> {
    const { run, look } = options;
    const key = `${run.protocol}/${run.scenario}`;
    const loader = run.link === null && run.variant === null && run.scenario !== null && (look.step ?? 0) === 0 && look.view !== 'statechart' ? pictures[key] : undefined;
    if (loader === undefined || this.#asked.step !== undefined || this.#asked.playing === true) return null;
    // The build's markup of the picture needs no Svelte code; where it cannot serve (in `npm run
    // dev`, a fixed height, the projector theme), the same picture is mounted from its data.
    const markup = import.meta.env.DEV ? null : await fetchMarkup(key, look, this.#body.clientWidth).catch(() => null);
    let show: (target: HTMLElement, onwake: (action: Wake) => void) => () => void;
    if (markup !== null) show = markup.show;
    else {
      const [{ showPicture, preparePicture, Cluster, Timeline }, { default: data }] = await Promise.all([import('./picture/show-picture'), loader()]);
      await preparePicture(data);
      show = (target, onwake) => showPicture(target, data, look, { cluster: look.view === 'timeline' ? undefined : Cluster, timeline: look.view === 'cluster' ? undefined : Timeline }, onwake);
    }
    if (generation !== this.#generation || !this.isConnected) return null;
    let woken: (action: Wake | null) => void = () => {};
    const wake = new Promise<Wake | null>((resolve) => (woken = resolve));
    const target = document.createElement('div');
    this.#body.replaceChildren(target);
    // A press on Play or Step first focuses (pointerdown, focusin): the press, not the focus, is
    // what the live simulator does once it has loaded.
    let asked: Wake | null = null;
    const onwake = (action: Wake) => {
      if (action !== 'focus' || asked === null) asked = action;
      woken(action);
    };
    const remove = show(target, onwake);
    this.#announce(false);
    const idle = (callback: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200));
    idle(() => woken(null));
    return { wake, asked: () => asked, remove };
  }

  async #start(): Promise<void> {
    const generation = ++this.#generation;
    const options = this.#options ?? readOptions((name) => this.getAttribute(name));
    const carried = this.#handle === null ? null : { playing: this.#handle.controller.player.playing };
    this.#stop();
    const picture = carried === null ? await this.#paintPicture(options, generation).catch(() => null) : null;
    if (picture !== null) await picture.wake;
    if (generation !== this.#generation || !this.isConnected) return picture?.remove();
    const request: WidgetRequest = {
      run: options.run,
      look: this.#lookWithAsked(options.look),
      siteRoot: siteRoot(),
      nth: this.#nth(options),
      emit: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
    };
    const target = document.createElement('div');
    try {
      const { startWidget } = await import('./widget-app');
      if (generation !== this.#generation || !this.isConnected) return picture?.remove();
      // Behind the picture until it has laid itself out, so the swap shows no empty frame.
      if (picture === null) this.#body.replaceChildren(target);
      else {
        target.className = 'behind';
        this.#body.append(target);
      }
      const result = await startWidget(target, request);
      if (generation !== this.#generation || !this.isConnected) return result.ok ? result.handle.destroy() : undefined;
      if (picture !== null) {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        picture.remove();
        this.#body.replaceChildren(target);
        target.className = '';
      }
      if (!result.ok) return this.#fatal(result.message);
      const wake = picture?.asked() ?? null;
      this.#handle = result.handle;
      this.#announce(true);
      if (this.#asked.playing === true || carried?.playing === true || wake === 'play') this.play();
      if (wake === 'step') result.handle.controller.player.step();
      if (wake !== null) target.querySelector<HTMLElement>('section.simulator')?.focus({ preventScroll: true });
      this.#asked = {};
    } catch {
      if (generation === this.#generation) this.#fatal('The simulator could not be loaded. Check the address of fault-lines.js and try again.');
    }
  }

  /** Tells the page the widget has painted: its recorded picture first (live: false), then the live simulator. */
  #announce(live: boolean): void {
    this.dispatchEvent(new CustomEvent('fault-lines:ready', { detail: { live }, bubbles: true, composed: true }));
  }

  /** Which widget of the same run on the page this is (1 for the first), so each has its own name. */
  #nth(options: WidgetOptions): number {
    const same = [...document.querySelectorAll('fault-lines')].filter((e) => {
      const other = readOptions((name) => e.getAttribute(name)).run;
      return other.protocol === options.run.protocol && other.scenario === options.run.scenario && other.link === options.run.link;
    });
    return Math.max(1, same.indexOf(this) + 1);
  }

  /** The attributes' look, with what a script asked before loading, and autoplay held on a hidden slide. */
  #lookWithAsked(look: LookOptions): LookOptions {
    const slide = this.closest('.reveal .slides section');
    const hidden = slide !== null && !slide.classList.contains('present');
    this.#heldAutoplay = hidden && look.autoplay;
    return { ...look, step: this.#asked.step ?? look.step, autoplay: look.autoplay && !hidden };
  }
}
