import { describe, expect, it } from 'vitest';
import { traceToArray, type World } from '../../engine';
import { deliver, machineState, narrateSteps, nodeIn, playScenario, type ScenarioStep } from '../kit';
import { paxos } from './index';

// The proposer's rules that no safety check sees: how it backs off when a higher ballot cuts in,
// how far its next ballot jumps, what it observes when it learns, and how it resumes from its log.

const play = (id: string, steps: readonly ScenarioStep[]) => playScenario(paxos, { id, title: id, summary: id, steps }).world;
const nodeOf = (world: World, name: string) => world.system.nodes.findIndex((n) => n.name === name);
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

  describe('that has learned the chosen value', () => {
    const learned: readonly ScenarioStep[] = [
      { do: 'client', node: 'P1', op: 'propose' },
      deliver('PREPARE', 'P1', 'A1'),
      deliver('PREPARE', 'P1', 'A2'),
      deliver('PROMISE', 'A1', 'P1'),
      deliver('PROMISE', 'A2', 'P1'),
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

    it('finds it in its log after a restart, says so, and stays learned', () => {
      const world = play('learned-restart', [...learned, { do: 'crash', node: 'P1' }, { do: 'restart', node: 'P1' }]);
      const p1 = nodeOf(world, 'P1');
      expect(nodeIn(world, p1, 'learned')).toBe(true);
      expect(told(world)).toContain('P1 finds the chosen value in its log');
      expect(machineState(world, p1)!.context).toMatchObject({ learned: 'A', round: 1, boot: null });
    });
  });
});
