// The one clock of a simulator: play, pause, step, step back, speed and scrub. It is the only
// animation loop (one requestAnimationFrame chain per widget root); everything that moves reads
// `progress`, so positions are a pure function of (step, progress).
import type { Simulation } from './simulation.svelte';

/** Steps per second the person can pick from. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32] as const;

export class Player {
  readonly simulation: Simulation;
  playing = $state(false);
  speed: number = $state(2);
  /** How far the clock is between this step and the next, from 0 to 1, while playing. */
  progress = $state(0);
  #frame = 0;
  #last: number | null = null;

  constructor(simulation: Simulation) {
    this.simulation = simulation;
  }

  /** What the person should read in the status line: playing, paused or quiet. */
  get status(): 'playing' | 'paused' | 'quiet' {
    if (this.playing) return 'playing';
    return this.simulation.quiet ? 'quiet' : 'paused';
  }

  play(): void {
    if (this.playing) return;
    if (this.simulation.quiet) {
      this.simulation.forward(); // says "nothing left to happen" in the notice
      return;
    }
    this.simulation.dismissNotice();
    this.playing = true;
    this.#last = null;
    this.#frame = requestAnimationFrame(this.#tick);
  }

  pause(): void {
    this.playing = false;
    this.progress = 0;
    cancelAnimationFrame(this.#frame);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  step(): void {
    this.pause();
    this.simulation.forward();
  }

  stepBack(): void {
    this.pause();
    this.simulation.back();
  }

  scrub(step: number): void {
    this.pause();
    this.simulation.seek(step);
  }

  faster(): void {
    this.speed = SPEEDS.find((s) => s > this.speed) ?? this.speed;
  }

  slower(): void {
    this.speed = [...SPEEDS].reverse().find((s) => s < this.speed) ?? this.speed;
  }

  /** Stops the loop for good: called when the widget root goes away. */
  destroy(): void {
    this.pause();
  }

  #tick = (now: number): void => {
    if (!this.playing) return;
    const elapsedMs = this.#last === null ? 0 : Math.min(now - this.#last, 250);
    this.#last = now;
    let progress = this.progress + (elapsedMs * this.speed) / 1000;
    while (progress >= 1) {
      progress -= 1;
      if (!this.simulation.forward()) {
        this.pause();
        return;
      }
    }
    this.progress = progress;
    this.#frame = requestAnimationFrame(this.#tick);
  };
}
