// For tests that drive one protocol's machines through the engine, step by step: play a list of
// scenario steps (under a config), read the story the run tells, and the message bodies a node
// sent. Each protocol's machine tests share these rather than keep their own copies.
import { traceToArray, type MessageBody, type World } from '../../../engine';
import { narrateSteps } from '../narrate-steps';
import { playScenario } from '../scenario';
import type { Protocol, ScenarioStep } from '../types';

export interface MachineRuns {
  /** The world at the end of the steps, from a fresh run under `config` (the protocol's defaults otherwise). */
  readonly play: (steps: readonly ScenarioStep[], config?: { readonly [key: string]: string | number | boolean }) => World;
  /** The run's story, one narrated line after another. */
  readonly told: (world: World) => string;
}

export function machineRuns(protocol: Protocol, name: string): MachineRuns {
  return {
    play: (steps, config = {}) => playScenario(protocol, { id: name, title: name, summary: '', config, steps }).world,
    told: (world) => narrateSteps(protocol, world, traceToArray(world.trace)).flatMap((s) => s.lines).join('\n'),
  };
}

/** The bodies of the messages of one type that a node sent, in order. */
export function sentBy(world: World, from: number, type: string): MessageBody[] {
  return traceToArray(world.trace).flatMap((e) => (e.type === 'send' && e.envelope.from === from && e.envelope.body.type === type ? [e.envelope.body] : []));
}
