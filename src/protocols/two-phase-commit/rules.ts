// The invariants of two-phase commit and the condition it teaches. They read what nodes
// *observed* (votes, outcomes, decisions), not their current states, so a crash cannot hide a
// breach: an outcome once observed stays observed.
import { reachable, type NodeId, type Rule, type World } from '../../engine';
// Imported from the kit's files rather than its index: these run on every step.
import { nameList, nodeIn, nodesWithRole, observed, onObservations } from '../kit/world-query';

const participants = (world: World) => nodesWithRole(world, 'participant');
const coordinatorOf = (world: World): NodeId => nodesWithRole(world, 'coordinator')[0]!;

export const atomicity: Rule = {
  id: 'atomicity',
  description: 'No participant commits while another aborts: all of them reach the same outcome.',
  check: onObservations((world) => {
    const all = participants(world);
    const committed = all.filter((p) => observed(world, p, 'outcome', 'commit'));
    if (committed.length === 0) return null;
    const aborted = all.filter((p) => observed(world, p, 'outcome', 'abort'));
    if (aborted.length === 0) return null;
    return {
      message: `${nameList(world, committed)} committed while ${nameList(world, aborted)} aborted`,
      nodes: [...new Set([...committed, ...aborted])].sort((a, b) => a - b),
    };
  }),
};

export const commitValidity: Rule = {
  id: 'commit-validity',
  description: 'The transaction commits only if every participant voted YES.',
  check: onObservations((world) => {
    const all = participants(world);
    const coordinator = coordinatorOf(world);
    const committers = all.filter((p) => observed(world, p, 'outcome', 'commit'));
    const coordinatorCommitted = observed(world, coordinator, 'decision', 'commit');
    if (committers.length === 0 && !coordinatorCommitted) return null;
    const saidNo = all.filter((p) => observed(world, p, 'vote', 'no'));
    const silent = all.filter((p) => !observed(world, p, 'vote', 'yes') && !saidNo.includes(p));
    if (saidNo.length === 0 && silent.length === 0) return null;
    const who = committers.length > 0 ? `${nameList(world, committers)} committed` : 'the coordinator decided COMMIT';
    const why = [
      saidNo.length > 0 ? `${nameList(world, saidNo)} voted NO` : null,
      silent.length > 0 ? `${nameList(world, silent)} never voted YES` : null,
    ].filter((s) => s !== null);
    return {
      message: `${who} although ${why.join(' and ')}`,
      nodes: [...new Set([...(committers.length > 0 ? committers : [coordinator]), ...saidNo, ...silent])].sort((a, b) => a - b),
    };
  }),
};

export const blockedInDoubt: Rule = {
  id: 'blocked-in-doubt',
  description:
    'A participant that voted YES is in doubt and cannot learn the decision, because the coordinator is down or cut off from it.',
  check(world) {
    const coordinator = coordinatorOf(world);
    const coordinatorUp = world.nodes[coordinator]!.up;
    // The common case, checked on every step: nobody can be cut off from a live coordinator.
    if (coordinatorUp && world.partition === null) return null;
    const blocked = participants(world).filter(
      (p) => nodeIn(world, p, 'prepared') && (!coordinatorUp || !reachable(world.partition, p, coordinator)),
    );
    if (blocked.length === 0) return null;
    const are = blocked.length === 1 ? 'is' : 'are';
    const them = blocked.length === 1 ? 'it' : 'them';
    const why = coordinatorUp ? `a partition cuts ${them} off from the coordinator` : 'the coordinator is down';
    return {
      message: `${nameList(world, blocked)} ${are} prepared and in doubt, and cannot learn the decision: ${why}`,
      nodes: blocked,
    };
  },
};

export const invariants: readonly Rule[] = [atomicity, commitValidity];
export const conditions: readonly Rule[] = [blockedInDoubt];
