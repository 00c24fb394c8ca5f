import { describe, expect, it } from 'vitest';
import { apply, ChoiceError, createWorld, enabled, next, replay, traceToArray, type Bounds, type Choice, type World } from './index';
import { floodSystem, type FloodOp } from './testing/flood';
import { pingSystem } from './testing/ping';

const op = (name: FloodOp): Choice => ({ type: 'client', node: 0, op: name });

/** Applies the operation until the run halts; returns the halted world and how many it took. */
function floodUntilHalt(bounds: Partial<Bounds>, name: FloodOp, burst = 4): { world: World; ops: number } {
  let world = createWorld(floodSystem(burst, bounds), 1);
  for (let ops = 1; ops <= 100; ops++) {
    world = apply(world, op(name));
    if (world.halted !== null) return { world, ops };
  }
  throw new Error('the bound was never reached');
}

function expectStopped(world: World, message: string): void {
  expect(world.halted).toBe(message);
  const last = traceToArray(world.trace).at(-1);
  expect(last).toMatchObject({ type: 'halt', message, step: world.step });
  expect(enabled(world)).toEqual([]);
  expect(next(world)).toBeNull();
  expect(() => apply(world, op('note'))).toThrow(ChoiceError);
  expect(() => apply(world, op('note'))).toThrow(`the run has stopped: ${message}`);
}

describe('bounds', () => {
  it('maxInFlight halts the run when one more message would be in flight', () => {
    const { world, ops } = floodUntilHalt({ maxInFlight: 10 }, 'send');
    expect(ops).toBe(3);
    expect(world.messages).toHaveLength(10);
    expectStopped(world, 'more than 10 messages are in flight: the run stops here');
  });

  it('maxTimers halts the run when one more timer would be pending', () => {
    const { world, ops } = floodUntilHalt({ maxTimers: 10 }, 'timers');
    expect(ops).toBe(3);
    expect(world.timers).toHaveLength(10);
    expectStopped(world, 'more than 10 timers are pending: the run stops here');
  });

  it('maxObservations halts the run when one more observation would be recorded', () => {
    const { world, ops } = floodUntilHalt({ maxObservations: 10 }, 'observe');
    expect(ops).toBe(3);
    expect(world.observations).toHaveLength(10);
    expectStopped(world, 'more than 10 observations were recorded: the run stops here');
  });

  it('maxTraceEvents halts the run when the trace is full, with the halt as its one extra event', () => {
    // The start adds two state events; each note operation adds a client event and four notes.
    const { world, ops } = floodUntilHalt({ maxTraceEvents: 20 }, 'note');
    expect(ops).toBe(4);
    expect(world.trace!.length).toBe(21);
    expectStopped(world, 'the trace reached its cap of 20 events');
  });

  it('maxSteps halts the run at the step that reaches it, and that world replays from its choices', () => {
    const system = floodSystem(1, { maxSteps: 3 });
    const { world, ops } = floodUntilHalt({ maxSteps: 3 }, 'note', 1);
    expect(ops).toBe(3);
    expect(world.step).toBe(3);
    expectStopped(world, 'the run reached its cap of 3 steps');
    const again = replay(system, 1, [op('note'), op('note'), op('note')]);
    expect(again.ok && again.world.halted).toBe('the run reached its cap of 3 steps');
  });

  it('an invariant broken on the last step is still reported before the step cap halts the run', () => {
    const start: Choice = { type: 'client', node: 0, op: 'start' };
    const choices: Choice[] = [start, { type: 'deliver', id: 0 }, { type: 'deliver', id: 2 }, { type: 'crash', node: 0 }];
    choices.push({ type: 'restart', node: 0 }, start, { type: 'deliver', id: 3 }, { type: 'deliver', id: 5 });
    const result = replay(pingSystem({ bounds: { maxSteps: choices.length } }), 1, choices);
    expect(result.ok).toBe(true);
    const types = traceToArray(result.world.trace).slice(-2).map((e) => e.type);
    expect(types).toEqual(['violation', 'halt']);
  });
});
