// What a widget tells its host page: each step it shows, and each invariant its run breaks, as
// DOM events on the <fault-lines> element (bubbling and composed, so a page listens anywhere).
import type { SimulatorController } from '../ui/state/controller.svelte';

export interface StepDetail {
  readonly step: number;
  readonly end: number;
  readonly status: 'playing' | 'paused' | 'quiet';
  readonly violations: number;
}

export interface ViolationDetail {
  readonly rule: string;
  readonly message: string;
  readonly step: number;
}

export type Emit = (type: 'fault-lines:step' | 'fault-lines:violation', detail: StepDetail | ViolationDetail) => void;

/** Emits a step event whenever the cursor or the status changes, and a violation event for each breach shown; returns the stop. */
export function watchRun(controller: SimulatorController, emit: Emit): () => void {
  const { simulation, player } = controller;
  // Plain sets on purpose: they are bookkeeping inside one effect, never read reactively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  let told = new Set<string>();
  return $effect.root(() => {
    $effect(() => {
      const violations = simulation.world.violations;
      emit('fault-lines:step', { step: simulation.step, end: simulation.end, status: player.status, violations: violations.length });
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const now = new Set<string>();
      for (const v of violations) {
        const key = `${v.rule}@${v.step}`;
        now.add(key);
        if (!told.has(key)) emit('fault-lines:violation', { rule: v.rule, message: v.message, step: v.step });
      }
      // Stepping back before a breach forgets it, so stepping forward again tells it again.
      told = now;
    });
  });
}
