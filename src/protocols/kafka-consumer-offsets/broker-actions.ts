// What the broker does, action by action (the machine in broker.ts says when).
import { commitError, completeJoin, heartbeatError, install, join, remove, type GroupError } from '../kafka/group';
import { append, logEnd, offsetOf, readFrom } from '../kafka/log';
import { commit, offsetsText } from '../kafka/offsets';
import { partitionName, recordsText } from '../kafka/records';
import { memberNode, sessionMember, sessionTimer, type BrokerContext } from './broker-state';
import { brokerSetup as base } from './broker-setup';
import { committedText, idsText, logEntry, outboxText } from './persisted';

const sessionTimerOf = (context: BrokerContext, member: string) => ({
  name: sessionTimer(member),
  ticksMin: context.settings.sessionTimeoutTicks,
  ticksMax: context.settings.sessionTimeoutTicks,
});

const errorWords: { readonly [E in GroupError]: string } = {
  UNKNOWN_MEMBER_ID: 'it is no longer a member',
  ILLEGAL_GENERATION: 'its generation is not the current one',
  REBALANCE_IN_PROGRESS: 'a rebalance is under way',
};

/** A member's partitions in the installed assignment, each with its committed offset and log end. */
function assigned(context: BrokerContext, member: string) {
  const owned = context.group.assignment.find(([name]) => name === member)?.[1] ?? [];
  const partitions = owned.map((p) => ({ partition: p, committed: context.committed[p] ?? null, logEnd: logEnd(context.logs, p) }));
  return { type: 'ASSIGNED', generation: context.group.generation, partitions };
}

export const brokerActions = {
  noteRecovery: base.enqueueActions(({ enqueue, context }) => {
    if (context.boot !== 'recovered') return;
    const kept = `its partitions (${context.logs.map((l) => l.length).join(', ')} records), the committed offsets and generation ${context.group.generation}`;
    enqueue({ type: 'note', params: { text: `reads ${kept} from its log; the group has no members until they rejoin` } });
  }),
  append: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'PRODUCE') return;
    const known = offsetOf(context.logs, event.partition, event.value);
    if (known === null) {
      const { logs, offset } = append(context.logs, event.partition, event.value);
      enqueue.assign({ logs });
      enqueue({ type: 'persist', params: { data: logEntry(event.partition, logs[event.partition]!) } });
      enqueue({ type: 'note', params: { text: `appends ${event.value} to ${partitionName(event.partition)} at offset ${offset}` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'PRODUCED', partition: event.partition, offset, value: event.value } } });
    } else {
      enqueue({ type: 'note', params: { text: `already has ${event.value} at ${partitionName(event.partition)}@${known}: it confirms without appending again` } });
      enqueue({ type: 'send', params: { to: event.from, body: { type: 'PRODUCED', partition: event.partition, offset: known, value: event.value } } });
    }
  }),
  serveFetch: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'FETCH') return;
    const records = readFrom(context.logs, event.positions, event.max);
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'RECORDS', records } } });
  }),
  joinMember: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'JOIN') return;
    const group = join(context.group, event.member);
    enqueue.assign({ group });
    enqueue({ type: 'setTimer', params: sessionTimerOf(context, event.member) });
    const waiting = group.members.filter((m) => !m.joined).map((m) => m.name);
    const text = group.forming
      ? `lets ${event.member} join the new group and waits a moment for others`
      : waiting.length > 0
        ? `lets ${event.member} join: a rebalance is under way, waiting for ${waiting.join(' and ')} to rejoin`
        : `lets ${event.member} join`;
    enqueue({ type: 'note', params: { text } });
  }),
  startRebalanceTimer: base.enqueueActions(({ enqueue, context }) => {
    const ticks = context.group.forming ? context.settings.initialDelayTicks : context.settings.sessionTimeoutTicks;
    enqueue({ type: 'setTimer', params: { name: 'rebalance', ticksMin: ticks, ticksMax: ticks } });
  }),
  completeJoin: base.enqueueActions(({ enqueue, context }) => {
    const group = completeJoin(context.group);
    const dropped = context.group.members.filter((m) => !m.joined).map((m) => m.name);
    enqueue.assign({ group });
    for (const name of dropped) enqueue({ type: 'cancelTimer', params: { name: sessionTimer(name) } });
    enqueue({ type: 'persist', params: { data: { generation: group.generation } } });
    const names = group.members.map((m) => m.name);
    const gone = dropped.length === 0 ? '' : `; ${dropped.join(' and ')} did not rejoin in time and ${dropped.length === 1 ? 'is' : 'are'} removed`;
    enqueue({ type: 'note', params: { text: `starts generation ${group.generation} with ${names.join(' and ')}, led by ${names[0]}${gone}` } });
    for (const name of names) {
      // Waiting in the join phase is not silence: every session starts afresh with the generation.
      enqueue({ type: 'setTimer', params: sessionTimerOf(context, name) });
      const body = { type: 'JOINED', generation: group.generation, leader: names[0]!, members: name === names[0] ? names : [] };
      enqueue({ type: 'send', params: { to: memberNode(context, name), body } });
    }
  }),
  answerJoinAgain: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'JOIN') return;
    const names = context.group.members.map((m) => m.name);
    enqueue({ type: 'note', params: { text: `tells ${event.member} again that it is in generation ${context.group.generation}` } });
    const body = { type: 'JOINED', generation: context.group.generation, leader: names[0]!, members: event.member === names[0] ? names : [] };
    enqueue({ type: 'send', params: { to: event.from, body } });
  }),
  dropLaggards: base.enqueueActions(({ enqueue, context }) => {
    for (const m of context.group.members) enqueue({ type: 'cancelTimer', params: { name: sessionTimer(m.name) } });
    enqueue.assign({ group: completeJoin(context.group) });
    enqueue({ type: 'note', params: { text: 'ends the rebalance with nobody rejoined: the group is empty' } });
  }),
  removeMember: base.enqueueActions(({ enqueue, context, event }) => {
    const member = sessionMember(event.type);
    enqueue.assign({ group: remove(context.group, member) });
    const ticks = context.settings.sessionTimeoutTicks;
    enqueue({ type: 'note', params: { text: `has had no heartbeat from ${member} for ${ticks} ticks: ${member} is removed from the group, which rebalances` } });
  }),
  installAssignment: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'SYNC') return;
    const group = install(context.group, event.generation, event.assignment);
    enqueue.assign({ group });
    enqueue({ type: 'note', params: { text: `installs the assignment of generation ${group.generation} and tells every member its partitions` } });
    for (const m of group.members) enqueue({ type: 'send', params: { to: memberNode(context, m.name), body: assigned({ ...context, group }, m.name) } });
  }),
  answerSyncAgain: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'SYNC') return;
    enqueue({ type: 'note', params: { text: `tells ${event.member} its partitions of generation ${context.group.generation} again` } });
    enqueue({ type: 'send', params: { to: event.from, body: assigned(context, event.member) } });
  }),
  answerHeartbeat: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'HEARTBEAT') return;
    const error = heartbeatError(context.group, event.member, event.generation);
    if (error !== 'UNKNOWN_MEMBER_ID') enqueue({ type: 'setTimer', params: sessionTimerOf(context, event.member) });
    // The answer names the generation the heartbeat was sent in, so a late answer is recognised as one.
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'HEARTBEAT_REPLY', generation: event.generation, error } } });
  }),
  commitOffsets: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'COMMIT') return;
    const committed = commit(context.committed, event.offsets);
    enqueue.assign({ committed });
    enqueue({ type: 'persist', params: { data: { committed: committedText(committed) } } });
    enqueue({ type: 'note', params: { text: `commits ${offsetsText(event.offsets)} for ${event.member} (generation ${event.generation})` } });
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'COMMITTED', generation: event.generation, offsets: event.offsets } } });
  }),
  refuseCommit: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'COMMIT') return;
    const error = commitError(context.group, event.member, event.generation) ?? 'ILLEGAL_GENERATION';
    enqueue({ type: 'note', params: { text: `refuses ${event.member}'s commit of ${offsetsText(event.offsets)} with ${error}: ${errorWords[error]}` } });
    const body = { type: 'COMMIT_FAILED', generation: event.generation, offsets: event.offsets, error };
    enqueue({ type: 'send', params: { to: event.from, body } });
  }),
  commitTransaction: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'TXN') return;
    const committed = commit(context.committed, event.offsets);
    const outbox = [...context.outbox, { id: event.id, by: event.member, records: event.records }];
    const applied = [...context.applied, event.id];
    enqueue.assign({ committed, outbox, applied });
    enqueue({ type: 'persist', params: { data: { committed: committedText(committed), transactions: idsText(applied), 'to write': outboxText(outbox) } } });
    const text = `commits ${event.member}'s transaction: the output ${recordsText(event.records)} and the offsets ${offsetsText(event.offsets)}, together`;
    enqueue({ type: 'note', params: { text } });
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'TXN_DONE', id: event.id } } });
    enqueue({ type: 'send', params: { to: context.sink, body: { type: 'WRITE', id: event.id, by: event.member, records: event.records } } });
    enqueue({ type: 'setTimer', params: { name: 'resend', ticksMin: context.settings.requestTimeoutTicks, ticksMax: context.settings.requestTimeoutTicks } });
  }),
  confirmTransaction: base.enqueueActions(({ enqueue, event }) => {
    if (event.type !== 'TXN') return;
    enqueue({ type: 'note', params: { text: `has already committed ${event.member}'s transaction: it confirms it again` } });
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'TXN_DONE', id: event.id } } });
  }),
  fenceTransaction: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'TXN') return;
    const error = commitError(context.group, event.member, event.generation) ?? 'ILLEGAL_GENERATION';
    enqueue({ type: 'note', params: { text: `fences ${event.member}'s transaction with ${error}: ${errorWords[error]}; its output is thrown away` } });
    enqueue({ type: 'send', params: { to: event.from, body: { type: 'TXN_FENCED', id: event.id, error } } });
  }),
  confirmWrite: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'WRITTEN' || !context.outbox.some((w) => w.id === event.id)) return;
    const outbox = context.outbox.filter((w) => w.id !== event.id);
    enqueue.assign({ outbox });
    enqueue({ type: 'persist', params: { data: { 'to write': outboxText(outbox) } } });
    if (outbox.length === 0) enqueue({ type: 'cancelTimer', params: { name: 'resend' } });
  }),
  writeOutbox: base.enqueueActions(({ enqueue, context }) => {
    for (const w of context.outbox)
      enqueue({ type: 'send', params: { to: context.sink, body: { type: 'WRITE', id: w.id, by: w.by, records: w.records } } });
    const ticks = context.settings.requestTimeoutTicks;
    if (context.outbox.length > 0) enqueue({ type: 'setTimer', params: { name: 'resend', ticksMin: ticks, ticksMax: ticks } });
  }),
  forgetBoot: base.assign({ boot: null }),
};
