// Each simulator root provides its controller to the panels below it; there is no module-level
// state, so two simulators on one page never share a run, a clock or an overlay.
import { createContext } from 'svelte';
import type { SimulatorController } from './controller.svelte';

export type SimulatorContext = SimulatorController;

const [getSimulator, setSimulator] = createContext<SimulatorContext>();

export { getSimulator, setSimulator };
