// Consumer-group membership as the group coordinator sees it, as pure functions over plain JSON.
//
// A group moves through phases. Empty: no members. Joining: a rebalance is under way and the
// coordinator waits for every member to (re)join; members learn of it from their next heartbeat.
// Syncing: everyone has joined, the generation has gone up by one, and the coordinator waits for
// the leader (the first member) to send the assignment. Stable: the assignment of this generation
// is installed and every member knows its partitions.
//
// The generation is what fences zombies: a member removed from the group (its session timed out)
// may still be running, but every request it makes carries its old generation, or names a member
// the coordinator no longer knows, and is refused.
import { assign, type Assignment, type Assignor } from './assignors';

export type GroupPhase = 'empty' | 'joining' | 'syncing' | 'stable';

export interface GroupMember {
  readonly name: string;
  /** Whether it has (re)joined in the rebalance under way. */
  readonly joined: boolean;
}

export interface Group {
  readonly generation: number;
  readonly phase: GroupPhase;
  /** In join order: the first is the leader. */
  readonly members: readonly GroupMember[];
  /** The partitions of each member in `generation`, once installed (stable). */
  readonly assignment: Assignment;
  /** The group formed from empty: the coordinator waits out a short delay for more members. */
  readonly forming: boolean;
}

/** Why the coordinator refuses a member's request (Kafka's error names). */
export type GroupError = 'UNKNOWN_MEMBER_ID' | 'ILLEGAL_GENERATION' | 'REBALANCE_IN_PROGRESS';

export function emptyGroup(generation: number): Group {
  return { generation, phase: 'empty', members: [], assignment: [], forming: false };
}

export const isMember = (group: Group, name: string): boolean => group.members.some((m) => m.name === name);

export const leaderOf = (group: Group): string | null => group.members[0]?.name ?? null;

/** A member asks to join: from empty the group starts forming; otherwise a rebalance starts or goes on. */
export function join(group: Group, name: string): Group {
  if (group.phase === 'empty') return { ...group, phase: 'joining', members: [{ name, joined: true }], forming: true };
  const rejoining = group.phase === 'joining' ? group.members : group.members.map((m) => ({ ...m, joined: false }));
  const members = isMember(group, name)
    ? rejoining.map((m) => (m.name === name ? { ...m, joined: true } : m))
    : [...rejoining, { name, joined: true }];
  return { ...group, phase: 'joining', members };
}

/** A member is removed (its session timed out): the others must rejoin, or the group is empty. */
export function remove(group: Group, name: string): Group {
  const members = group.members.filter((m) => m.name !== name);
  if (members.length === group.members.length) return group;
  if (members.length === 0) return { ...emptyGroup(group.generation), assignment: [] };
  if (group.phase === 'joining') return { ...group, members };
  return { ...group, phase: 'joining', members: members.map((m) => ({ ...m, joined: false })), forming: false };
}

/** Whether the join phase may end now: every member has rejoined (a forming group waits for its delay). */
export const everyoneJoined = (group: Group): boolean =>
  group.phase === 'joining' && !group.forming && group.members.every((m) => m.joined);

/** Ends the join phase: members that did not rejoin in time are dropped and the generation goes up. */
export function completeJoin(group: Group): Group {
  const members = group.members.filter((m) => m.joined);
  if (members.length === 0) return emptyGroup(group.generation);
  return { generation: group.generation + 1, phase: 'syncing', members, assignment: [], forming: false };
}

/** The leader's assignment for `generation`, installed only if that is still the generation being synced. */
export function install(group: Group, generation: number, assignment: Assignment): Group {
  if (group.phase !== 'syncing' || generation !== group.generation) return group;
  return { ...group, phase: 'stable', assignment };
}

/** What the leader computes: every partition to exactly one member of the generation. */
export function leaderAssignment(members: readonly string[], partitions: number, assignor: Assignor): Assignment {
  return assign(assignor, members, partitions);
}

/** The answer to a heartbeat: null when all is well. */
export function heartbeatError(group: Group, name: string, generation: number): GroupError | null {
  if (!isMember(group, name)) return 'UNKNOWN_MEMBER_ID';
  if (generation !== group.generation) return 'ILLEGAL_GENERATION';
  return group.phase === 'joining' ? 'REBALANCE_IN_PROGRESS' : null;
}

/** The answer to an offset commit: only a member of the current generation may commit. */
export function commitError(group: Group, name: string, generation: number): GroupError | null {
  if (generation !== group.generation) return 'ILLEGAL_GENERATION';
  return isMember(group, name) ? null : 'UNKNOWN_MEMBER_ID';
}

/** The partitions a member owns in the installed assignment. */
export function partitionsOf(group: Group, name: string): readonly number[] {
  return group.assignment.find(([member]) => member === name)?.[1] ?? [];
}

/** The member that owns the partition in the installed assignment, or null. */
export function ownerOf(group: Group, partition: number): string | null {
  return group.assignment.find(([, partitions]) => partitions.includes(partition))?.[0] ?? null;
}
