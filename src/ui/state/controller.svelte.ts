// The simulator controller: one run, its clock and its display, and the one way a person acts on
// them. The site's page, the home page's miniature and the embeddable widget each open one with
// `openSimulation` and differ only in layout and options (SimulatorRoot provides it by context).
import type { Choice } from '../../engine';
import type { Protocol } from '../../protocols/kit/types';
import { actionsFor, type ActionItem, type ActionTarget } from '../../view-model';
import { Display } from './display.svelte';
import { Player } from './player.svelte';
import { createShareLinks } from './share';
import { Simulation, type SimulationStart } from './simulation.svelte';
import { ViolationSearch } from './violation-search.svelte';

export interface SimulatorOptions {
  /**
   * Where share links open: a page address (the site's protocol page, or an embedding page's
   * link to it). Asked at the moment a link is made, so a page that changes address is followed.
   */
  readonly shareBase: () => string;
  readonly display?: Display;
  /** Steps per second to start with. */
  readonly speed?: number;
}

export class SimulatorController {
  readonly simulation: Simulation;
  readonly player: Player;
  readonly display: Display;
  /** "Find a violation": the model checker in a Web Worker, started only when asked. */
  readonly search: ViolationSearch;
  readonly #shareBase: () => string;
  readonly #links = createShareLinks();

  constructor(simulation: Simulation, options: SimulatorOptions) {
    this.simulation = simulation;
    this.player = new Player(simulation);
    if (options.speed !== undefined) this.player.speed = options.speed;
    this.display = options.display ?? new Display();
    this.search = new ViolationSearch(simulation, () => this.player.pause());
    this.#shareBase = options.shareBase;
  }

  /** A person's choice at the cursor: the clock stops first, so what they did stays on screen. */
  act(choice: Choice): boolean {
    this.player.pause();
    return this.simulation.choose(choice);
  }

  /** What can happen now about a node, a message, or everything, in the protocol's words. */
  actionsFor(target: ActionTarget): ActionItem[] {
    const { protocol, world, choices } = this.simulation;
    return actionsFor(protocol, world, target, choices);
  }

  /** The link that reproduces the frame on screen (cheap to ask for on every step: see createShareLinks). */
  shareLink(): string {
    return this.linkOn(this.#shareBase());
  }

  /** The link to the frame on screen on another page address (the address bar's own, say), as cheaply. */
  linkOn(pageAddress: string): string {
    return this.#links(pageAddress, this.simulation.spec, this.simulation.step);
  }

  destroy(): void {
    this.search.destroy();
    this.player.destroy();
  }
}

export function openSimulation(protocol: Protocol, start: SimulationStart, options: SimulatorOptions): SimulatorController {
  return new SimulatorController(new Simulation(protocol, start), options);
}
