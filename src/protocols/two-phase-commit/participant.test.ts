import { describe, expect, it } from 'vitest';
import { nodeName, traceToArray, type World } from '../../engine';
import { deliver, nodeId as nodeOf, nodeIn, observationsOf, playScenario, type ScenarioStep } from '../kit';
import { twoPhaseCommit } from './index';

// The participant's rules that the happy stories never reach: a PREPARE that comes twice or late,
// a decision that comes twice, and a restart after it has voted or decided.

const play = (steps: readonly ScenarioStep[]) => playScenario(twoPhaseCommit, { id: 'participant', title: 'participant', summary: 'participant', steps }).world;
const sent = (world: World, from: string) =>
  traceToArray(world.trace).flatMap((e) => (e.type === 'send' && e.envelope.from === nodeOf(world, from) ? [e.envelope.body] : []));
const notes = (world: World, name: string) =>
  traceToArray(world.trace).flatMap((e) => (e.type === 'note' && nodeName(world, e.node) === name ? [e.text] : []));
const field = (world: World, name: string, row: string) => twoPhaseCommit.describe(world, nodeOf(world, name)).fields.find((f) => f.name === row)?.value;

const begin: ScenarioStep = { do: 'client', node: 'coordinator', op: 'begin' };
/** P1 hears PREPARE twice: the network duplicated it. */
const prepareTwice: readonly ScenarioStep[] = [begin, { do: 'duplicate', message: { type: 'PREPARE', to: 'P1' } }, deliver('PREPARE', 'coordinator', 'P1')];
const restart = (node: string): readonly ScenarioStep[] => [
  { do: 'crash', node },
  { do: 'restart', node },
];

describe('a two-phase commit participant', () => {
  it('that voted YES and hears PREPARE again repeats its YES, without logging or recording a second vote', () => {
    const world = play([...prepareTwice, deliver('PREPARE', 'coordinator', 'P1')]);
    expect(sent(world, 'P1')).toEqual([
      { type: 'VOTE', vote: 'yes' },
      { type: 'VOTE', vote: 'yes' },
    ]);
    expect(observationsOf(world, nodeOf(world, 'P1'))).toEqual([{ vote: 'yes' }]);
    expect(nodeIn(world, nodeOf(world, 'P1'), 'prepared')).toBe(true);
  });

  it('that voted NO records its vote and its abort, and answers a repeated PREPARE with NO again', () => {
    const world = play([{ do: 'client', node: 'P1', op: 'vote-no' }, ...prepareTwice, deliver('PREPARE', 'coordinator', 'P1')]);
    expect(sent(world, 'P1')).toEqual([
      { type: 'VOTE', vote: 'no' },
      { type: 'VOTE', vote: 'no' },
    ]);
    expect(observationsOf(world, nodeOf(world, 'P1'))).toEqual([{ vote: 'no' }, { outcome: 'abort' }]);
    expect(notes(world, 'P1')).toContain('has aborted, so it answers PREPARE with NO');
    expect(field(world, 'P1', 'vote')).toBe('NO');
    expect(field(world, 'P1', 'outcome')).toBe('aborted');
  });

  it('that voted NO and restarted still knows its vote from its log: a repeated PREPARE adds no second vote', () => {
    const world = play([{ do: 'client', node: 'P1', op: 'vote-no' }, ...prepareTwice, ...restart('P1'), deliver('PREPARE', 'coordinator', 'P1')]);
    expect(observationsOf(world, nodeOf(world, 'P1'))).toEqual([{ vote: 'no' }, { outcome: 'abort' }]);
    expect(field(world, 'P1', 'vote')).toBe('NO');
    expect(sent(world, 'P1').at(-1)).toEqual({ type: 'VOTE', vote: 'no' });
  });

  it('told to ABORT before it was asked, aborts, then answers the late PREPARE with NO', () => {
    const world = play([begin, { do: 'fire', node: 'coordinator', timer: 'voteTimeout' }, deliver('ABORT', 'coordinator', 'P1'), deliver('PREPARE', 'coordinator', 'P1')]);
    expect(sent(world, 'P1')).toEqual([
      { type: 'ACK', outcome: 'abort' },
      { type: 'VOTE', vote: 'no' },
    ]);
    expect(observationsOf(world, nodeOf(world, 'P1'))).toEqual([{ outcome: 'abort' }, { vote: 'no' }]);
    expect(field(world, 'P1', 'vote')).toBe('NO');
    expect(nodeIn(world, nodeOf(world, 'P1'), 'aborted')).toBe(true);
  });

  it('that voted YES and restarts is still in doubt and asks the coordinator at once', () => {
    const world = play([begin, deliver('PREPARE', 'coordinator', 'P1'), ...restart('P1')]);
    expect(nodeIn(world, nodeOf(world, 'P1'), 'prepared')).toBe(true);
    expect(notes(world, 'P1')).toContain('finds its YES vote in its log: it is still in doubt');
    expect(sent(world, 'P1')).toEqual([{ type: 'VOTE', vote: 'yes' }, { type: 'QUERY' }]);
  });

  describe('that has decided and restarts', () => {
    const decided = (decision: 'COMMIT' | 'ABORT'): readonly ScenarioStep[] => {
      const vote: readonly ScenarioStep[] = decision === 'COMMIT' ? [] : [{ do: 'client', node: 'P2', op: 'vote-no' }];
      return [
        ...vote,
        begin,
        deliver('PREPARE', 'coordinator', 'P1'),
        deliver('PREPARE', 'coordinator', 'P2'),
        deliver('PREPARE', 'coordinator', 'P3'),
        // Every vote reaches the coordinator (COMMIT), or P2's NO does (ABORT).
        decision === 'COMMIT' ? ({ do: 'next', times: 3 } as const) : deliver('VOTE', 'P2', 'coordinator'),
        { do: 'duplicate', message: { type: decision, to: 'P1' } },
        deliver(decision, 'coordinator', 'P1'),
        ...restart('P1'),
        deliver(decision, 'coordinator', 'P1'),
      ];
    };

    it('finds COMMIT in its log, stays committed and acknowledges a repeated COMMIT', () => {
      const world = play(decided('COMMIT'));
      expect(nodeIn(world, nodeOf(world, 'P1'), 'committed')).toBe(true);
      expect(notes(world, 'P1')).toContain('finds COMMIT in its log');
      expect(sent(world, 'P1').slice(1)).toEqual([
        { type: 'ACK', outcome: 'commit' },
        { type: 'ACK', outcome: 'commit' },
      ]);
      expect(field(world, 'P1', 'outcome')).toBe('committed');
    });

    it('finds ABORT in its log, stays aborted and acknowledges a repeated ABORT', () => {
      const world = play(decided('ABORT'));
      expect(nodeIn(world, nodeOf(world, 'P1'), 'aborted')).toBe(true);
      expect(notes(world, 'P1')).toContain('finds ABORT in its log');
      expect(sent(world, 'P1').slice(1)).toEqual([
        { type: 'ACK', outcome: 'abort' },
        { type: 'ACK', outcome: 'abort' },
      ]);
      expect(field(world, 'P1', 'outcome')).toBe('aborted');
    });
  });
});
