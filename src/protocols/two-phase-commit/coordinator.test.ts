import { describe, expect, it } from 'vitest';
import { nodeName, traceToArray, type World } from '../../engine';
import { deliver, nodeIn, observationsOf, playScenario, type ScenarioStep } from '../kit';
import { twoPhaseCommit } from './index';

// The coordinator's rules that the happy stories never reach: a QUERY in each phase, resending to
// those that have not acknowledged, a vote or an ACK that comes twice, and a restart once finished.

const play = (steps: readonly ScenarioStep[]) => playScenario(twoPhaseCommit, { id: 'coordinator', title: 'coordinator', summary: 'coordinator', steps }).world;
/** What the coordinator sent, as "COMMIT to P1", in order. */
const sent = (world: World) =>
  traceToArray(world.trace).flatMap((e) => (e.type === 'send' && e.envelope.from === 0 ? [`${e.envelope.body.type} to ${nodeName(world, e.envelope.to)}`] : []));
const notes = (world: World) => traceToArray(world.trace).flatMap((e) => (e.type === 'note' && e.node === 0 ? [e.text] : []));
const field = (world: World, row: string) => twoPhaseCommit.describe(world, 0).fields.find((f) => f.name === row)?.value;

const begin: ScenarioStep = { do: 'client', node: 'coordinator', op: 'begin' };
const prepareAll: readonly ScenarioStep[] = ['P1', 'P2', 'P3'].map((p) => deliver('PREPARE', 'coordinator', p));
/** Every participant has voted YES and the coordinator has decided COMMIT and sent it. */
const committed: readonly ScenarioStep[] = [begin, ...prepareAll, { do: 'next', times: 3 }];
const restart: readonly ScenarioStep[] = [
  { do: 'crash', node: 'coordinator' },
  { do: 'restart', node: 'coordinator' },
];

describe('a two-phase commit coordinator', () => {
  it('still collecting votes, does not answer a QUERY', () => {
    const world = play([begin, deliver('PREPARE', 'coordinator', 'P1'), { do: 'fire', node: 'P1', timer: 'query' }, deliver('QUERY', 'P1', 'coordinator')]);
    expect(notes(world)).toContain('has not decided yet, so it does not answer the QUERY');
    expect(sent(world)).toEqual(['PREPARE to P1', 'PREPARE to P2', 'PREPARE to P3']);
  });

  it('records a repeated YES vote once, and still waits for the missing votes', () => {
    const world = play([begin, { do: 'duplicate', message: { type: 'PREPARE', to: 'P1' } }, deliver('PREPARE', 'coordinator', 'P1'), deliver('PREPARE', 'coordinator', 'P1'), deliver('VOTE', 'P1', 'coordinator'), deliver('VOTE', 'P1', 'coordinator')]);
    expect(nodeIn(world, 0, 'preparing')).toBe(true);
    expect(field(world, 'votes')).toBe('P1 yes, P2 –, P3 –');
    expect(field(world, 'waiting for')).toBe('votes from P2 and P3');
  });

  it('decides ABORT on a single NO among YES votes, and records the decision', () => {
    const world = play([{ do: 'client', node: 'P3', op: 'vote-no' }, begin, ...prepareAll, deliver('VOTE', 'P1', 'coordinator'), deliver('VOTE', 'P3', 'coordinator')]);
    expect(nodeIn(world, 0, 'decided.abort')).toBe(true);
    expect(observationsOf(world, 0)).toEqual([{ decision: 'abort' }]);
    expect(field(world, 'votes')).toBe('P1 yes, P2 –, P3 no');
    expect(sent(world).slice(3)).toEqual(['ABORT to P1', 'ABORT to P2', 'ABORT to P3']);
  });

  describe('that has decided COMMIT', () => {
    it('answers a QUERY with COMMIT', () => {
      const world = play([...committed, { do: 'drop', message: { type: 'COMMIT', to: 'P1' } }, { do: 'fire', node: 'P1', timer: 'query' }, deliver('QUERY', 'P1', 'coordinator')]);
      expect(sent(world).slice(6)).toEqual(['COMMIT to P1']);
      expect(notes(world)).not.toContain('has no record of a decision: it answers ABORT (presumed abort)');
    });

    it('resends COMMIT on its timer only to the participants that have not acknowledged', () => {
      const world = play([...committed, deliver('COMMIT', 'coordinator', 'P1'), { do: 'duplicate', message: { type: 'ACK', from: 'P1' } }, deliver('ACK', 'P1', 'coordinator'), deliver('ACK', 'P1', 'coordinator'), { do: 'fire', node: 'coordinator', timer: 'resend' }]);
      expect(sent(world).slice(6)).toEqual(['COMMIT to P2', 'COMMIT to P3']);
      expect(field(world, 'waiting for')).toBe('acknowledgements from P2 and P3');
      expect(nodeIn(world, 0, 'decided.commit')).toBe(true);
    });

    it('finishes with every acknowledgement, logs the end, and after a restart sends nothing again', () => {
      const done = play([...committed, { do: 'settle' }]);
      expect(nodeIn(done, 0, 'finished')).toBe(true);
      expect(notes(done)).toContain('has every acknowledgement: the transaction is finished');
      // The commit-validity rule reads the decision the coordinator observed.
      expect(observationsOf(done, 0)).toEqual([{ decision: 'commit' }]);
      const world = play([...committed, { do: 'settle' }, ...restart, { do: 'settle' }]);
      expect(nodeIn(world, 0, 'finished')).toBe(true);
      expect(notes(world)).toContain('finds the finished transaction in its log');
      expect(sent(world)).toEqual(sent(done));
    });
  });

  it('once finished, answers a late QUERY with the decision', () => {
    const world = play([begin, ...prepareAll, { do: 'fire', node: 'P1', timer: 'query' }, { do: 'next', times: 3 }, { do: 'drop', message: { type: 'QUERY' } }, { do: 'settle' }]);
    expect(nodeIn(world, 0, 'finished')).toBe(true);
    const late = play([begin, ...prepareAll, { do: 'fire', node: 'P1', timer: 'query' }, { do: 'next', times: 3 }, deliver('COMMIT', 'coordinator', 'P1'), deliver('COMMIT', 'coordinator', 'P2'), deliver('COMMIT', 'coordinator', 'P3'), deliver('ACK', 'P1', 'coordinator'), deliver('ACK', 'P2', 'coordinator'), deliver('ACK', 'P3', 'coordinator'), deliver('QUERY', 'P1', 'coordinator')]);
    expect(nodeIn(late, 0, 'finished')).toBe(true);
    expect(sent(late).at(-1)).toBe('COMMIT to P1');
  });

  it('that restarts after deciding ABORT finds ABORT in its log and sends it again', () => {
    const world = play([{ do: 'client', node: 'P3', op: 'vote-no' }, begin, ...prepareAll, deliver('VOTE', 'P3', 'coordinator'), ...restart]);
    expect(nodeIn(world, 0, 'decided.abort')).toBe(true);
    expect(notes(world)).toContain('finds ABORT in its log and sends it again');
    expect(sent(world).slice(-3)).toEqual(['ABORT to P1', 'ABORT to P2', 'ABORT to P3']);
  });

  it('that restarts with a started transaction and no decision presumes ABORT, logs it, records it and sends it', () => {
    const world = play([begin, ...prepareAll, ...restart]);
    expect(nodeIn(world, 0, 'decided.abort')).toBe(true);
    expect(notes(world)).toContain('finds a started transaction but no decision in its log: it presumes ABORT');
    expect(observationsOf(world, 0)).toEqual([{ decision: 'abort' }]);
    expect(twoPhaseCommit.describe(world, 0).fields.find((f) => f.name === 'log')?.value).toBe('started = true, decision = abort');
    expect(sent(world).slice(-3)).toEqual(['ABORT to P1', 'ABORT to P2', 'ABORT to P3']);
  });

  it('that restarts before any transaction finds an empty log, says so, and is idle and can begin', () => {
    const world = play(restart);
    expect(nodeIn(world, 0, 'idle')).toBe(true);
    expect(notes(world)).toEqual(['finds an empty log: no transaction was running']);
    expect(world.system.clientOps(world, 0).map((o) => o.op)).toEqual(['begin']);
  });
});
