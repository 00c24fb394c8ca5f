// Each simulator root provides its own state to the panels below it; there is no module-level
// state, so two simulators on one page never share a run, a clock or an overlay.
import { createContext } from 'svelte';
import type { Display } from './display.svelte';
import type { Player } from './player.svelte';
import type { Simulation } from './simulation.svelte';

export interface SimulatorContext {
  readonly simulation: Simulation;
  readonly player: Player;
  readonly display: Display;
}

const [getSimulator, setSimulator] = createContext<SimulatorContext>();

export { getSimulator, setSimulator };
