import { describe, expect, it } from 'vitest';
import { traceToArray, type World } from '../../engine';
import { contextField, deliver, machineState, narrateSteps, nodeId as nodeOf, nodeIn, playScenario, type ScenarioStep } from '../kit';
import { paxos } from './index';
import { p1Promised } from './testing/openings';
import { paxosWithPlantedBugs } from './testing/planted';

// Runs that reach the situations where plausible Paxos bugs break agreement, played against the
// correct protocol: each asserts that agreement holds AND the one rule that keeps it. A proposer
// that adopts the lowest accepted ballot, an acceptor that reads its promise from the wrong field
// of its log after a restart, or one that never writes its promise, fails one of these.

const play = (id: string, steps: readonly ScenarioStep[]) => playScenario(paxos, { id, title: id, summary: id, steps }).world;

/** The messages of a type sent by a node, in order, with their bodies. */
function sent(world: World, from: string, type: string) {
  const id = nodeOf(world, from);
  return traceToArray(world.trace).flatMap((e) => (e.type === 'send' && e.envelope.from === id && e.envelope.body.type === type ? [e.envelope] : []));
}

// A accepted by A1 alone in (1,P1); B chosen by A2 and A3 in (1,P2); then P1 retries with
// (2,P1) and hears from A1 (A in (1,P1)) and A2 (B in (1,P2)). Only the higher ballot's B is safe.
const splitAcceptances: readonly ScenarioStep[] = [
  { do: 'client', node: 'P1', op: 'propose' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('PREPARE', 'P1', 'A2'),
  { do: 'drop', message: { type: 'PREPARE', to: 'A3' } },
  deliver('PROMISE', 'A1', 'P1'),
  deliver('PROMISE', 'A2', 'P1'),
  deliver('ACCEPT', 'P1', 'A1'),
  { do: 'drop', message: { type: 'ACCEPT', to: 'A2' } },
  { do: 'drop', message: { type: 'ACCEPT', to: 'A3' } },
  { do: 'client', node: 'P2', op: 'propose' },
  { do: 'drop', message: { type: 'PREPARE', from: 'P2', to: 'A1' } },
  deliver('PREPARE', 'P2', 'A2'),
  deliver('PREPARE', 'P2', 'A3'),
  deliver('PROMISE', 'A2', 'P2'),
  deliver('PROMISE', 'A3', 'P2'),
  { do: 'drop', message: { type: 'ACCEPT', from: 'P2', to: 'A1' } },
  deliver('ACCEPT', 'P2', 'A2'),
  deliver('ACCEPT', 'P2', 'A3'),
  { do: 'fire', node: 'P1', timer: 'retry' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('PREPARE', 'P1', 'A2'),
  deliver('PROMISE', 'A1', 'P1'),
  deliver('PROMISE', 'A2', 'P1'),
  deliver('ACCEPT', 'P1', 'A1'),
  deliver('ACCEPT', 'P1', 'A2'),
];

// P1's ACCEPT A (1,P1) is still on its way to A2 when A2 promises P2's higher ballot (1,P2),
// having accepted nothing. A2 crashes and restarts; then the old ACCEPT arrives. P2 goes on to
// get B accepted by A2 and A3, and A1 has already accepted A in (1,P1).
const promiseThenRestart: readonly ScenarioStep[] = [
  ...p1Promised,
  deliver('ACCEPT', 'P1', 'A1'),
  { do: 'client', node: 'P2', op: 'propose' },
  deliver('PREPARE', 'P2', 'A2'),
  deliver('PREPARE', 'P2', 'A3'),
  deliver('PROMISE', 'A2', 'P2'),
  deliver('PROMISE', 'A3', 'P2'),
  { do: 'crash', node: 'A2' },
  { do: 'restart', node: 'A2' },
  deliver('ACCEPT', 'P1', 'A2'),
  deliver('ACCEPT', 'P2', 'A2'),
  deliver('ACCEPT', 'P2', 'A3'),
];

/** The split-acceptances run with P1's two (2,P1) promises delivered in the given order. */
const promisesInOrder = (first: string, second: string) => [...splitAcceptances.slice(0, -4), deliver('PROMISE', first, 'P1'), deliver('PROMISE', second, 'P1')];

describe('Paxos keeps agreement where plausible bugs break it', () => {
  describe('a proposer hears of two values accepted in different ballots', () => {
    const world = play('split-acceptances', splitAcceptances);

    it('keeps agreement: only B is ever chosen', () => {
      expect(world.violations).toEqual([]);
      const chosenB = traceToArray(world.trace).some((e) => e.type === 'observe' && JSON.stringify(e.value).includes('"accepted":"B"'));
      expect(chosenB).toBe(true);
    });

    it('adopts the value of the highest accepted ballot (B in (1,P2)), not the lowest (A in (1,P1))', () => {
      const accepts = sent(world, 'P1', 'ACCEPT');
      expect(accepts.map((m) => m.body['value'])).toEqual(['A', 'A', 'A', 'B', 'B', 'B']);
      expect(accepts.at(-1)!.body['ballot']).toEqual({ round: 2, proposer: 1 });
    });
  });

  describe('an acceptor restarts after promising a ballot but accepting nothing', () => {
    const world = play('promise-then-restart', promiseThenRestart);

    it('keeps agreement', () => {
      expect(world.violations).toEqual([]);
    });

    it('finds its promise in its log and refuses the lower ballot (1,P1) it promised to ignore', () => {
      const nacks = sent(world, 'A2', 'NACK');
      expect(nacks).toHaveLength(1);
      expect(nacks[0]!.body).toMatchObject({ ballot: { round: 1, proposer: 1 }, promised: { round: 1, proposer: 2 } });
      const a2 = nodeOf(world, 'A2');
      const accepted = traceToArray(world.trace).filter((e) => e.type === 'observe' && e.node === a2).map((e) => (e.type === 'observe' ? e.value : null));
      expect(accepted).toEqual([{ accepted: 'B', ballot: '1.2' }]);
    });
  });

  for (const [first, second] of [['A1', 'A2'], ['A2', 'A1']] as const)
    it(`a proposer whose promises report A in (1,P1) and B in (1,P2), ${first}'s first, proposes B`, () => {
      const world = play('two-reported-ballots', promisesInOrder(first, second));
      const last = sent(world, 'P1', 'ACCEPT').at(-1)!.body;
      expect(last).toEqual({ type: 'ACCEPT', ballot: { round: 2, proposer: 1 }, value: 'B' });
    });

  describe('an acceptor that promised (1,P2), accepted nothing and restarted', () => {
    const promised: readonly ScenarioStep[] = [
      { do: 'client', node: 'P1', op: 'propose' },
      { do: 'client', node: 'P2', op: 'propose' },
      deliver('PREPARE', 'P2', 'A1'),
    ];

    it('has its promise in its log before its PROMISE leaves', () => {
      const world = play('promise-logged', promised);
      const a1 = world.nodes[nodeOf(world, 'A1')]!;
      expect(a1.persisted).toEqual({ promised: '(1,P2)' });
      expect(sent(world, 'A1', 'PROMISE')).toHaveLength(1);
    });

    it('still refuses a PREPARE for the lower ballot (1,P1)', () => {
      const world = play('promise-recovered', [
        ...promised,
        { do: 'crash', node: 'A1' },
        { do: 'restart', node: 'A1' },
        deliver('PREPARE', 'P1', 'A1'),
      ]);
      expect(sent(world, 'A1', 'NACK').map((m) => m.body)).toEqual([
        { type: 'NACK', ballot: { round: 1, proposer: 1 }, promised: { round: 1, proposer: 2 } },
      ]);
      expect(sent(world, 'A1', 'PROMISE')).toHaveLength(1);
    });
  });

  describe('an acceptor resumes from its log alone', () => {
    const told = (world: World) => narrateSteps(paxos, world, traceToArray(world.trace)).flatMap((s) => s.lines).join('\n');
    const restart = (node: string): ScenarioStep[] => [
      { do: 'crash', node },
      { do: 'restart', node },
    ];
    const promisedOnly: readonly ScenarioStep[] = [{ do: 'client', node: 'P2', op: 'propose' }, deliver('PREPARE', 'P2', 'A1'), ...restart('A1')];
    const accepted: readonly ScenarioStep[] = [
      ...p1Promised,
      deliver('ACCEPT', 'P1', 'A1'),
      ...restart('A1'),
    ];

    it('after a promise only: it is back in its promised state, says so, and holds no accepted value', () => {
      const world = play('promised-only', promisedOnly);
      const a1 = nodeOf(world, 'A1');
      expect(nodeIn(world, a1, 'promised')).toBe(true);
      expect(told(world)).toContain('A1 finds its promise in its log');
      expect(machineState(world, a1)!.context).toMatchObject({ promised: { round: 1, proposer: 2 }, accepted: null });
      expect(machineState(world, a1)!.context['value']).toBeNull();
      // Nothing of the restart stays in its state: the checker sees it as an acceptor that never crashed.
      expect(contextField(world, a1, 'boot')).toBeNull();
    });

    it('after an acceptance: it is back in its accepted state, says so, and reports the value it accepted', () => {
      const world = play('accepted', [...accepted, { do: 'client', node: 'P2', op: 'propose' }, deliver('PREPARE', 'P2', 'A1')]);
      const a1 = nodeOf(world, 'A1');
      expect(nodeIn(world, a1, 'accepted')).toBe(true);
      expect(told(world)).toContain('A1 finds its promise and its accepted value in its log');
      expect(sent(world, 'A1', 'PROMISE').at(-1)!.body).toEqual({ type: 'PROMISE', ballot: { round: 1, proposer: 2 }, accepted: { round: 1, proposer: 1 }, value: 'A' });
    });
  });

  // The same runs with each bug in place (the variants of testing/planted.ts): agreement breaks.
  for (const [variant, steps] of [
    ['adopts-lowest-ballot', splitAcceptances],
    ['unlogged-promise', promiseThenRestart],
    ['misread-log', promiseThenRestart],
  ] as const)
    it(`breaks agreement in the same run when ${variant} is planted`, () => {
      const { world } = playScenario(paxosWithPlantedBugs, { id: variant, title: variant, summary: variant, variant, steps });
      expect(world.violations.map((v) => v.rule)).toContain('agreement');
    });
});
