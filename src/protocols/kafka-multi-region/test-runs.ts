// Helpers the machine tests share: play a short run by node names, and read back what was sent,
// said and kept, as a person reading the timeline would.
import { traceToArray, type Json, type MessageBody, type World } from '../../engine';
import { deliver, machineState, narrateSteps, nodeId, playScenario, runUntil, type Config, type ScenarioStep } from '../kit';
import { kafkaMultiRegion as multi } from './index';

export const play = (steps: readonly ScenarioStep[], config: Partial<Config> = {}, variant?: string): World =>
  playScenario(multi, { id: 'run', title: 'run', summary: 'run', steps, config, ...(variant === undefined ? {} : { variant }) }).world;

export const nodeOf = nodeId;

/** The narrated run, one line per thing that happened. */
export const told = (world: World) => narrateSteps(multi, world, traceToArray(world.trace)).flatMap((s) => s.lines);

/** Every message body sent from one node to another, in order (either name may be left out). */
export function sent(world: World, from?: string, to?: string): MessageBody[] {
  return traceToArray(world.trace).flatMap((e) =>
    e.type === 'send' && (from === undefined || e.envelope.from === nodeOf(world, from)) && (to === undefined || e.envelope.to === nodeOf(world, to)) ? [e.envelope.body] : [],
  );
}

/** One field of a node's machine context (undefined while it is down). */
export const kept = (world: World, name: string, field: string): Json | undefined => machineState(world, nodeOf(world, name))?.context[field];

/** Whether a node has a timer of that name pending. */
export const hasTimer = (world: World, name: string, timer: string) => world.timers.some((t) => t.node === nodeOf(world, name) && t.name === timer);

export const produce = (region: 'A' | 'B'): ScenarioStep => ({ do: 'client', node: region, op: 'produce' });
export const failOver: ScenarioStep = { do: 'client', node: 'coordinator', op: 'fail-over' };

/** CA has a batch to write when the coordinator fails over; the news never reaches CA, the database's refusal tells it instead. */
export const fencedMidWrite: readonly ScenarioStep[] = [
  produce('A'),
  runUntil('RECORDS', 'A', 'CA'),
  { do: 'fire', node: 'CA', timer: 'process' },
  failOver,
  { do: 'drop', message: { type: 'WRITER', from: 'coordinator', to: 'CA' } },
  deliver('WRITER', 'coordinator', 'database'),
  deliver('OUTPUT', 'CA', 'database'),
  deliver('OUTPUT_FENCED', 'database', 'CA'),
];
