import { describe, expect, it } from 'vitest';
import { traceToArray, type World } from '../../engine';
import { deliver, machineState, narrateSteps, nodeId as nodeOf, nodeIn, playScenario, type ScenarioStep } from '../kit';
import { paxos } from './index';
import { p1Promised } from './testing/openings';

// The proposer's rules that no safety check sees: how it backs off when a higher ballot cuts in,
// how far its next ballot jumps, what it observes when it learns, and how it resumes from its log.

const play = (id: string, steps: readonly ScenarioStep[]) => playScenario(paxos, { id, title: id, summary: id, steps }).world;
const told = (world: World) => narrateSteps(paxos, world, traceToArray(world.trace)).flatMap((s) => s.lines).join('\n');
/** The ballots a proposer prepared, in order (one PREPARE to A1 each). */
const prepares = (world: World, from: string) =>
  traceToArray(world.trace).flatMap((e) =>
    e.type === 'send' && e.envelope.from === nodeOf(world, from) && e.envelope.to === nodeOf(world, 'A1') && e.envelope.body.type === 'PREPARE' ? [e.envelope.body['ballot']] : [],
  );
const observed = (world: World, name: string) => traceToArray(world.trace).flatMap((e) => (e.type === 'observe' && e.node === nodeOf(world, name) ? [e.value] : []));

// P2 runs two ballots and A1 hears only the second, so A1 has promised (2,P2); then P1 starts
// (1,P1) and A1 refuses it.
const cutOff: readonly ScenarioStep[] = [
  { do: 'client', node: 'P2', op: 'propose' },
  { do: 'fire', node: 'P2', timer: 'retry' },
  { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A1' } },
  deliver('PREPARE', 'P2', 'A1'),
  { do: 'client', node: 'P1', op: 'propose' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('NACK', 'A1', 'P1'),
];

describe('a Paxos proposer', () => {
  it('refused for its current ballot, backs off, says why, and waits for its timer', () => {
    const world = play('cut-off', cutOff);
    const p1 = nodeOf(world, 'P1');
    expect(nodeIn(world, p1, 'proposing.backoff')).toBe(true);
    expect(told(world)).toContain('P1 is cut off by the higher ballot (2,P2): it backs off and will retry when its timer fires');
    expect(world.timers.some((t) => t.node === p1 && t.name === 'retry')).toBe(true);
  });

  it('retries with a ballot above the round it was refused for, not just one above its own', () => {
    const world = play('cut-off-retry', [...cutOff, { do: 'fire', node: 'P1', timer: 'retry' }]);
    expect(prepares(world, 'P1')).toEqual([
      { round: 1, proposer: 1 },
      { round: 3, proposer: 1 },
    ]);
    expect(nodeIn(world, nodeOf(world, 'P1'), 'proposing.preparing')).toBe(true);
  });

  it('ignores a refusal of a ballot it has already left behind', () => {
    // P1's first PREPARE is refused only after P1 has moved on to a newer ballot of its own.
    const world = play('late-nack', [
      { do: 'client', node: 'P2', op: 'propose' },
      deliver('PREPARE', 'P2', 'A1'),
      { do: 'client', node: 'P1', op: 'propose' },
      { do: 'fire', node: 'P1', timer: 'retry' },
      deliver('PREPARE', 'P1', 'A1'),
    ]);
    const nack = traceToArray(world.trace).find((e) => e.type === 'send' && e.envelope.body.type === 'NACK');
    expect(nack?.type === 'send' && nack.envelope.body['ballot']).toEqual({ round: 1, proposer: 1 });
    const lateNack: readonly ScenarioStep[] = [
      { do: 'client', node: 'P2', op: 'propose' },
      deliver('PREPARE', 'P2', 'A1'),
      { do: 'client', node: 'P1', op: 'propose' },
      deliver('PREPARE', 'P1', 'A1'),
      { do: 'fire', node: 'P1', timer: 'retry' },
      deliver('NACK', 'A1', 'P1'),
    ];
    const after = play('late-nack-delivered', lateNack);
    expect(nodeIn(after, nodeOf(after, 'P1'), 'proposing.preparing')).toBe(true);
    // Nor does the late refusal pull its round back: its next ballot is still above (2,P1).
    const next = play('late-nack-then-retry', [...lateNack, { do: 'fire', node: 'P1', timer: 'retry' }]);
    expect(prepares(next, 'P1')).toEqual([
      { round: 1, proposer: 1 },
      { round: 2, proposer: 1 },
      { round: 3, proposer: 1 },
    ]);
  });

  it('raises the round its next ballot must beat from a late refusal that names a higher ballot', () => {
    // A1 has promised (3,P2); it refuses P1's first ballot only after P1 has moved on to (2,P1).
    const world = play('late-higher-nack', [
      { do: 'client', node: 'P2', op: 'propose' },
      { do: 'fire', node: 'P2', timer: 'retry' },
      { do: 'fire', node: 'P2', timer: 'retry' },
      { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A1' } },
      { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A1' } },
      deliver('PREPARE', 'P2', 'A1'),
      { do: 'client', node: 'P1', op: 'propose' },
      { do: 'fire', node: 'P1', timer: 'retry' },
      deliver('PREPARE', 'P1', 'A1'),
      deliver('NACK', 'A1', 'P1'),
      { do: 'fire', node: 'P1', timer: 'retry' },
    ]);
    expect(prepares(world, 'P1').map((b) => (b as { round: number }).round)).toEqual([1, 2, 4]);
  });

  it('backs off when its ACCEPT is refused because an acceptor promised a higher ballot meanwhile', () => {
    const world = play('accept-refused', [
      ...p1Promised,
      { do: 'client', node: 'P2', op: 'propose' },
      deliver('PREPARE', 'P2', 'A1'),
      deliver('ACCEPT', 'P1', 'A1'),
      deliver('NACK', 'A1', 'P1'),
    ]);
    const p1 = nodeOf(world, 'P1');
    expect(nodeIn(world, p1, 'proposing.backoff')).toBe(true);
    expect(told(world)).toContain('P1 is cut off by the higher ballot (1,P2): it backs off and will retry when its timer fires');
  });

  it('in phase 2, ignores a late refusal of a ballot it has already left behind', () => {
    // A1 refuses P1's first ballot, but P1 has moved on to (2,P1) and A2 and A3 promised that.
    const world = play('late-nack-while-accepting', [
      { do: 'client', node: 'P2', op: 'propose' },
      deliver('PREPARE', 'P2', 'A1'),
      { do: 'client', node: 'P1', op: 'propose' },
      deliver('PREPARE', 'P1', 'A1'),
      { do: 'fire', node: 'P1', timer: 'retry' },
      { do: 'drop', message: { type: 'PREPARE', from: 'P1', to: 'A2' } },
      { do: 'drop', message: { type: 'PREPARE', from: 'P1', to: 'A3' } },
      deliver('PREPARE', 'P1', 'A2'),
      deliver('PREPARE', 'P1', 'A3'),
      deliver('PROMISE', 'A2', 'P1'),
      deliver('PROMISE', 'A3', 'P1'),
      deliver('NACK', 'A1', 'P1'),
    ]);
    expect(nodeIn(world, nodeOf(world, 'P1'), 'proposing.accepting')).toBe(true);
  });

  it('with randomized backoff, waits between one and two retry periods before each new ballot', () => {
    const steps: ScenarioStep[] = [{ do: 'client', node: 'P1', op: 'propose' }];
    for (let i = 0; i < 6; i++) steps.push({ do: 'fire', node: 'P1', timer: 'retry' });
    const world = playScenario(paxos, { id: 'jitter', title: 'jitter', summary: 'jitter', steps, config: { randomizedBackoff: true } }).world;
    const retry = Number(world.system.inputs[nodeOf(world, 'P1')]!.config['retryTicks']);
    const waits = traceToArray(world.trace).flatMap((e) => (e.type === 'timer-set' && e.timer.name === 'retry' ? [e.timer.dueTick - e.timer.setTick] : []));
    expect(waits).toHaveLength(7);
    expect(waits.every((w) => w >= retry && w <= 2 * retry)).toBe(true);
    expect(waits.some((w) => w > retry)).toBe(true);
  });

  describe('that has learned the chosen value', () => {
    const learned: readonly ScenarioStep[] = [
      ...p1Promised,
      deliver('ACCEPT', 'P1', 'A1'),
      deliver('ACCEPT', 'P1', 'A2'),
      deliver('ACCEPTED', 'A1', 'P1'),
      deliver('ACCEPTED', 'A2', 'P1'),
    ];

    it('observes what it learned', () => {
      const world = play('learned', learned);
      expect(observed(world, 'P1')).toContainEqual({ learned: 'A' });
      expect(nodeIn(world, nodeOf(world, 'P1'), 'learned')).toBe(true);
    });

    it('keeps its tally and round when late ACCEPTED and NACK messages arrive', () => {
      const world = play('learned-late', [
        ...learned,
        deliver('ACCEPT', 'P1', 'A3'),
        deliver('ACCEPTED', 'A3', 'P1'),
        // A3 promises (2,P2), then refuses P1's first PREPARE, which was still on its way.
        { do: 'client', node: 'P2', op: 'propose' },
        { do: 'fire', node: 'P2', timer: 'retry' },
        { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A3' } },
        deliver('PREPARE', 'P2', 'A3'),
        deliver('PREPARE', 'P1', 'A3'),
        deliver('NACK', 'A3', 'P1'),
      ]);
      const before = machineState(play('learned-only', learned), nodeOf(world, 'P1'))!.context;
      const after = machineState(world, nodeOf(world, 'P1'))!.context;
      expect(after).toMatchObject({ tally: before['tally'], round: before['round'], learned: 'A' });
    });

    it('finds it in its log after a restart, says so, and stays learned', () => {
      const world = play('learned-restart', [...learned, { do: 'crash', node: 'P1' }, { do: 'restart', node: 'P1' }]);
      const p1 = nodeOf(world, 'P1');
      expect(nodeIn(world, p1, 'learned')).toBe(true);
      expect(told(world)).toContain('P1 finds the chosen value in its log');
      expect(machineState(world, p1)!.context).toMatchObject({ learned: 'A', round: 1, boot: null });
    });
  });
});
