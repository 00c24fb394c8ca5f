import { describe, expect, it } from 'vitest';
import { apply, createWorld, traceSince, type Choice, type World } from '../../engine';
import { twoPhaseCommit } from './index';

const system = twoPhaseCommit.build(twoPhaseCommit.defaults(), 'correct');

/** The narration of the events one choice adds. */
function told(world: World, choice: Choice): [World, string[]] {
  const after = apply(world, choice);
  const lines = traceSince(after.trace, world.trace?.length ?? 0)
    .map((e) => twoPhaseCommit.narrate(after, e))
    .filter((line): line is string => line !== null);
  return [after, lines];
}

describe('two-phase commit narration', () => {
  const begun = apply(createWorld(system, 1), { type: 'client', node: 0, op: 'begin' });
  const prepare = (to: number) => begun.messages.find((m) => m.to === to)!.id;

  it('says why a message was lost', () => {
    expect(told(begun, { type: 'drop', id: prepare(1) })[1]).toEqual(['the message PREPARE from coordinator to P1 is dropped']);
    expect(told(begun, { type: 'drop', id: prepare(1), cause: 'network' })[1]).toEqual([
      'the message PREPARE from coordinator to P1 is lost',
    ]);
    const [down] = told(begun, { type: 'crash', node: 1 });
    expect(told(down, { type: 'deliver', id: prepare(1) })[1]).toEqual([
      'the message PREPARE from coordinator to P1 is lost: P1 is down',
    ]);
    const [cut, cutLines] = told(begun, { type: 'partition', groups: [[1]] });
    expect(cutLines).toEqual(['the network is cut into [P1] and [coordinator, P2, P3]']);
    expect(told(cut, { type: 'deliver', id: prepare(1) })[1]).toEqual([
      'the message PREPARE from coordinator to P1 is lost: the network is cut between them',
    ]);
    expect(told(cut, { type: 'heal' })[1]).toEqual(['the network heals: every node can reach every other again']);
  });

  it('tells duplicates, crashes, restarts, timers and network changes', () => {
    expect(told(begun, { type: 'duplicate', id: prepare(2) })[1]).toEqual(['the message PREPARE from coordinator to P2 is duplicated']);
    expect(told(begun, { type: 'crash', node: 0 })[1]).toEqual(['coordinator crashes']);
    const timer = begun.timers[0]!;
    expect(told(begun, { type: 'fire', id: timer.id })[1][0]).toBe('timer vote timeout fires on coordinator while messages due sooner are still on their way (they arrive late)');
    expect(told(begun, { type: 'network', options: { lossPercent: 10 } })[1]).toEqual([
      'the network now loses 10% of messages and duplicates 0%',
    ]);
  });

  it('tells a vote through the participant’s own note', () => {
    const lines = told(begun, { type: 'deliver', id: prepare(2) })[1];
    expect(lines).toEqual([
      'P2 receives PREPARE from coordinator',
      'P2 writes to its log: vote = yes',
      'P2 votes YES and is now in doubt: it may not decide alone',
      'P2 sends VOTE yes to coordinator',
      'P2 sets timer query for 50 ticks',
    ]);
  });
});
