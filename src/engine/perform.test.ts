import { describe, expect, it } from 'vitest';
import { apply, ChoiceError, createWorld, traceSince, traceToArray, type Choice, type World } from './index';
import { pingSystem } from './testing/ping';
import { worldData } from './testing/schedules';

const start: Choice = { type: 'client', node: 0, op: 'start' };

function run(world: World, ...choices: Choice[]): World {
  return choices.reduce(apply, world);
}

/** The events the last choice added, as `type` or `type:reason`. */
function lastEvents(before: World, after: World): string[] {
  return traceSince(after.trace, before.trace?.length ?? 0).map((e) => (e.type === 'drop' ? `drop:${e.reason}` : e.type));
}

describe('crash and restart', () => {
  it('a crashed node keeps only what it persisted, and restart rebuilds it through recover', () => {
    const served = run(createWorld(pingSystem(), 1), start, { type: 'deliver', id: 0 });
    expect(served.nodes[1]).toMatchObject({ up: true, state: { phase: 'serving', count: 1 }, persisted: { seen: 1 } });
    const crashed = apply(served, { type: 'crash', node: 1 });
    expect(crashed.nodes[1]).toEqual({ up: false, state: null, label: 'crashed', persisted: { seen: 1 } });
    const restarted = apply(crashed, { type: 'restart', node: 1 });
    expect(restarted.nodes[1]).toMatchObject({ up: true, state: { phase: 'serving', count: 1 }, label: 'serving' });
    expect(lastEvents(crashed, restarted)).toEqual(['restart', 'state', 'condition']);
  });

  it('state a node did not persist is gone after a crash', () => {
    const waiting = run(createWorld(pingSystem(), 1), start);
    expect(waiting.nodes[0]!.label).toBe('waiting');
    const back = run(waiting, { type: 'crash', node: 0 }, { type: 'restart', node: 0 });
    expect(back.nodes[0]).toMatchObject({ up: true, state: { phase: 'idle', count: 0 }, persisted: {} });
  });

  it('the timers of a crashed node are cancelled, and the messages it sent stay in flight', () => {
    const waiting = run(createWorld(pingSystem(), 1), start);
    expect(waiting.timers.map((t) => t.node)).toEqual([0]);
    const crashed = apply(waiting, { type: 'crash', node: 0 });
    expect(crashed.timers).toEqual([]);
    expect(crashed.messages.map((m) => m.id)).toEqual([0]);
  });

  it('a message to a down node is lost when it arrives, with the reason node-down', () => {
    const down = run(createWorld(pingSystem(), 1), start, { type: 'crash', node: 1 });
    const after = apply(down, { type: 'deliver', id: 0 });
    expect(lastEvents(down, after)).toEqual(['drop:node-down']);
    expect(after.messages).toEqual([]);
    expect(after.nodes[1]).toEqual(down.nodes[1]);
  });
});

describe('partitions', () => {
  it('lose messages that cross groups, and heal restores delivery', () => {
    const cut = run(createWorld(pingSystem(), 1), start, { type: 'partition', groups: [[0]] });
    expect(cut.partition).toEqual([[0], [1]]);
    const lost = apply(cut, { type: 'deliver', id: 0 });
    expect(lastEvents(cut, lost)).toEqual(['drop:partition']);
    const healed = run(lost, { type: 'heal' }, { type: 'fire', id: 1 });
    expect(healed.partition).toBeNull();
    const retry = healed.messages[0]!;
    const delivered = apply(healed, { type: 'deliver', id: retry.id });
    expect(lastEvents(healed, delivered)).toEqual(['deliver', 'persist', 'send']);
  });

  it('a message sent before the cut and delivered after the heal arrives', () => {
    const world = run(createWorld(pingSystem(), 1), start, { type: 'partition', groups: [[0], [1]] }, { type: 'heal' });
    const after = apply(world, { type: 'deliver', id: 0 });
    expect(lastEvents(world, after)[0]).toBe('deliver');
  });
});

describe('time', () => {
  it('delivering a message moves the clock to its due tick, and never backwards', () => {
    const world = run(createWorld(pingSystem({ network: { latencyTicksMin: 10, latencyTicksMax: 10 } }), 1), start);
    const delivered = apply(world, { type: 'deliver', id: 0 });
    expect(delivered.tick).toBe(10);
    const fired = apply(delivered, { type: 'fire', id: 1 });
    expect(fired.tick).toBe(world.timers[0]!.dueTick);
    const pong = fired.messages.find((m) => m.body.type === 'PONG')!;
    expect(apply(fired, { type: 'deliver', id: pong.id }).tick).toBe(fired.tick);
  });

  it('a timer fired while a message due sooner is in flight overtakes it, but is not early: the message is late', () => {
    const world = run(createWorld(pingSystem(), 1), start, { type: 'fire', id: 1 });
    const fire = traceToArray(world.trace).find((e) => e.type === 'timer-fire');
    expect(fire).toMatchObject({ early: false, overtakes: true, timer: { id: 1, name: 'retry' } });
  });

  it('a timer fired while another timer due sooner still waits is marked early', () => {
    const started = run(createWorld(pingSystem(), 1), start);
    // The retry as if set later than a second timer of the ponger's, due sooner.
    const world = { ...started, timers: [...started.timers, { id: 99, node: 1, name: 'other', setTick: 0, dueTick: 2 }] };
    const firing = (after: World) => traceToArray(after.trace).filter((e) => e.type === 'timer-fire').at(-1);
    const outOfOrder = apply(world, { type: 'fire', id: started.timers[0]!.id });
    expect(firing(outOfOrder)).toMatchObject({ early: true, late: false });
    // The other timer then fires after its due tick: late.
    expect(firing(apply(outOfOrder, { type: 'fire', id: 99 }))).toMatchObject({ early: false, late: true });
    expect(firing(apply(world, { type: 'fire', id: 99 }))).toMatchObject({ early: false, late: false });
  });
});

describe('impossible choices', () => {
  const waiting = run(createWorld(pingSystem(), 1), start);
  const cases: [string, Choice, RegExp][] = [
    ['delivering a message that is not in flight', { type: 'deliver', id: 9 }, /no message #9 is in flight/],
    ['dropping a message that is not in flight', { type: 'drop', id: 9 }, /no message #9/],
    ['duplicating a message that is not in flight', { type: 'duplicate', id: 9 }, /no message #9/],
    ['firing a timer that is not pending', { type: 'fire', id: 0 }, /no timer #0 is pending/],
    ['restarting a node that is up', { type: 'restart', node: 0 }, /pinger is not down/],
    ['crashing a node that does not exist', { type: 'crash', node: 5 }, /there is no node 5/],
    ['healing a network that is whole', { type: 'heal' }, /not partitioned/],
    ['a partition that names a node twice', { type: 'partition', groups: [[0], [0, 1]] }, /two partition groups/],
    ['a partition with one group of everyone', { type: 'partition', groups: [[0, 1]] }, /at least two groups/],
    ['a client operation the node does not offer now', start, /does not offer "start"/],
    ['network knobs out of range', { type: 'network', options: { lossPercent: 101 } }, /lossPercent must be 0 to 100/],
  ];
  for (const [name, choice, message] of cases)
    it(`${name} is a ChoiceError, and the world is untouched`, () => {
      const before = JSON.stringify(worldData(waiting));
      expect(() => apply(waiting, choice)).toThrow(ChoiceError);
      expect(() => apply(waiting, choice)).toThrow(message);
      expect(JSON.stringify(worldData(waiting))).toBe(before);
    });

  it('crashing a node that is down, or handing it a client operation, is a ChoiceError', () => {
    const down = apply(createWorld(pingSystem(), 1), { type: 'crash', node: 0 });
    expect(() => apply(down, { type: 'crash', node: 0 })).toThrow(/already down/);
    expect(() => apply(down, start)).toThrow(/is down and cannot take "start"/);
  });
});

describe('network knobs', () => {
  it('a network choice changes loss and duplication from then on and says so in the trace', () => {
    const world = createWorld(pingSystem(), 1);
    const after = apply(world, { type: 'network', options: { lossPercent: 20 } });
    expect(after.network).toMatchObject({ lossPercent: 20, duplicationPercent: 0 });
    expect(traceSince(after.trace, world.trace!.length)).toMatchObject([{ type: 'network', lossPercent: 20, duplicationPercent: 0 }]);
  });

  it('a duplicate puts a second copy in flight that names its original', () => {
    const world = run(createWorld(pingSystem(), 1), start, { type: 'duplicate', id: 0 });
    expect(world.messages.map((m) => [m.id, m.copyOf, m.copies])).toEqual([
      [0, undefined, 1],
      [2, 0, undefined],
    ]);
  });
});
