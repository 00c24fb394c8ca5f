import { describe, expect, it } from 'vitest';
import { assign, assignmentText } from './assignors';
import { commitError, completeJoin, emptyGroup, everyoneJoined, heartbeatError, install, join, ownerOf, partitionsOf, remove } from './group';

const formed = () => {
  const joining = join(join(emptyGroup(0), 'C1'), 'C2');
  const synced = completeJoin(joining);
  return install(synced, 1, assign('range', ['C1', 'C2'], 2));
};

describe('consumer-group membership', () => {
  it('forms a first generation from whoever joined during the initial delay, led by the first', () => {
    const joining = join(join(emptyGroup(0), 'C1'), 'C2');
    expect(joining).toMatchObject({ phase: 'joining', forming: true });
    expect(everyoneJoined(joining)).toBe(false);
    const synced = completeJoin(joining);
    expect(synced).toMatchObject({ generation: 1, phase: 'syncing' });
    expect(synced.members.map((m) => m.name)).toEqual(['C1', 'C2']);
    const stable = install(synced, 1, assign('range', ['C1', 'C2'], 2));
    expect(stable.phase).toBe('stable');
    expect([ownerOf(stable, 0), ownerOf(stable, 1)]).toEqual(['C1', 'C2']);
  });

  it('starts a rebalance when a member joins, ending only when everyone has rejoined', () => {
    const rebalancing = join(formed(), 'C3');
    expect(rebalancing.phase).toBe('joining');
    expect(everyoneJoined(rebalancing)).toBe(false);
    const rejoined = join(join(rebalancing, 'C1'), 'C2');
    expect(everyoneJoined(rejoined)).toBe(true);
    expect(completeJoin(rejoined).generation).toBe(2);
  });

  it('removes a member whose session expired and drops laggards when the rebalance times out', () => {
    const afterTimeout = remove(formed(), 'C1');
    expect(afterTimeout).toMatchObject({ phase: 'joining', generation: 1 });
    expect(afterTimeout.members.map((m) => m.name)).toEqual(['C2']);
    const dropped = completeJoin(join(join(formed(), 'C3'), 'C1'));
    expect(dropped.members.map((m) => m.name)).toEqual(['C1', 'C3']);
    expect(remove(remove(formed(), 'C1'), 'C2').phase).toBe('empty');
  });

  it('installs an assignment only for the generation being synced', () => {
    const synced = completeJoin(join(formed(), 'C1'));
    expect(install(synced, 1, []).phase).toBe('syncing');
    expect(install(synced, 2, []).phase).toBe('stable');
  });

  it('fences a zombie: a commit from an older generation or a removed member is refused', () => {
    const group = formed();
    expect(commitError(group, 'C1', 1)).toBeNull();
    expect(commitError(group, 'C1', 0)).toBe('ILLEGAL_GENERATION');
    expect(commitError(remove(group, 'C1'), 'C1', 1)).toBe('UNKNOWN_MEMBER_ID');
    expect(heartbeatError(group, 'C2', 1)).toBeNull();
    expect(heartbeatError(join(group, 'C3'), 'C2', 1)).toBe('REBALANCE_IN_PROGRESS');
    expect(heartbeatError(remove(group, 'C2'), 'C2', 1)).toBe('UNKNOWN_MEMBER_ID');
    expect(partitionsOf(group, 'C2')).toEqual([1]);
  });
});

describe('partition assignors', () => {
  it('range gives contiguous runs, the first members one more when it does not divide', () => {
    expect(assignmentText(assign('range', ['C2', 'C1', 'C3'], 4))).toBe('C1: p0 p1, C2: p2, C3: p3');
    expect(assignmentText(assign('range', ['C1', 'C2'], 1))).toBe('C1: p0, C2: none');
  });

  it('round-robin deals partitions one at a time', () => {
    expect(assignmentText(assign('round-robin', ['C1', 'C2', 'C3'], 4))).toBe('C1: p0 p3, C2: p1, C3: p2');
  });

  it('give every partition to exactly one member, whatever the counts', () => {
    for (const assignor of ['range', 'round-robin'] as const)
      for (let members = 1; members <= 3; members++)
        for (let partitions = 1; partitions <= 4; partitions++) {
          const names = Array.from({ length: members }, (_, i) => `C${i + 1}`);
          const owned = assign(assignor, names, partitions).flatMap(([, ps]) => ps);
          expect([...owned].sort()).toEqual(Array.from({ length: partitions }, (_, p) => p));
        }
    expect(assign('range', [], 2)).toEqual([]);
  });
});
