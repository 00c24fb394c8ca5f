// What a consumer does, action by action (the machine in consumer.ts says when).
import { assignmentText } from '../kafka/assignors';
import { leaderAssignment } from '../kafka/group';
import { advance, offsetsText, positionOf, startPosition, type Positions } from '../kafka/offsets';
import { partitionName, recordsText } from '../kafka/records';
import { consumerSetup as base } from './consumer-setup';
import { batchEnd, freshRecords, outputId, transactionId, type ConsumerContext } from './consumer-state';

const timer = (name: string, ticks: number) => ({ type: 'setTimer' as const, params: { name, ticksMin: ticks, ticksMax: ticks } });
const retryTimer = (context: ConsumerContext) => timer('retry', context.settings.requestTimeoutTicks);
const cancel = (name: string) => ({ type: 'cancelTimer' as const, params: { name } });
const note = (text: string) => ({ type: 'note' as const, params: { text } });

/** The offsets that differ from what the coordinator last confirmed. */
const unacked = (offsets: Positions, acked: Positions): Positions => offsets.filter(([p, o]) => positionOf(acked, p) !== o);

const commitBody = (context: ConsumerContext, offsets: Positions) => ({
  type: 'COMMIT',
  member: context.name,
  generation: context.generation ?? 0,
  offsets: offsets as [number, number][],
});

const owned = (context: ConsumerContext) => (context.positions.length === 0 ? 'nothing' : context.positions.map(([p]) => partitionName(p)).join(' '));

export const consumerActions = {
  sendJoin: base.enqueueActions(({ enqueue, context }) => {
    const had = context.positions.length > 0 ? `, giving up ${owned(context)}` : '';
    const dropped = context.batch.length > 0 ? ` and dropping ${recordsText(context.batch)} unprocessed` : '';
    enqueue.assign({ positions: [], done: [], acked: [], batch: [], members: [], rejoin: false, attempt: 0 });
    for (const name of ['heartbeat', 'auto-commit', 'poll', 'process']) enqueue(cancel(name));
    enqueue(note(`asks to join the group${had}${dropped}`));
    enqueue({ type: 'send', params: { to: context.broker, body: { type: 'JOIN', member: context.name } } });
    // A join waits for every other member to rejoin, so its answer may take a whole rebalance.
    enqueue(timer('retry', context.settings.sessionTimeoutTicks + context.settings.requestTimeoutTicks));
  }),
  takeJoined: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'JOINED') return;
    // A new generation: whatever made it rejoin is answered.
    enqueue.assign({ generation: event.generation, members: event.members, rejoin: false });
    enqueue(cancel('retry'));
    enqueue(timer('heartbeat', context.settings.heartbeatTicks));
  }),
  sendSync: base.enqueueActions(({ enqueue, context }) => {
    const assignment = leaderAssignment(context.members, context.settings.partitions, context.settings.assignor);
    enqueue(note(`leads generation ${context.generation}: it assigns ${assignmentText(assignment)} (${context.settings.assignor})`));
    const body = { type: 'SYNC', member: context.name, generation: context.generation ?? 0, assignment: assignment as [string, number[]][] };
    enqueue({ type: 'send', params: { to: context.broker, body } });
    enqueue(retryTimer(context));
  }),
  awaitAssignment: base.enqueueActions(({ enqueue, context }) => enqueue(retryTimer(context))),
  askAssignmentAgain: base.enqueueActions(({ enqueue, context }) => {
    enqueue(note(`has not heard its partitions of generation ${context.generation}: it asks the coordinator again`));
    // A follower's SYNC carries no assignment: only the leader's assigns.
    const body = { type: 'SYNC', member: context.name, generation: context.generation ?? 0, assignment: [] as [string, number[]][] };
    enqueue({ type: 'send', params: { to: context.broker, body } });
  }),
  takeAssignment: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'ASSIGNED') return;
    const positions = event.partitions.map((a) => [a.partition, startPosition(a.committed, context.settings.reset, a.logEnd)] as const);
    enqueue.assign({ positions, done: positions, acked: positions });
    enqueue(cancel('retry'));
    const starts = event.partitions.map((a) =>
      a.committed === null
        ? `${partitionName(a.partition)} from ${positionOf(positions, a.partition)} (nothing committed: auto.offset.reset=${context.settings.reset})`
        : `${partitionName(a.partition)} from the committed offset ${a.committed}`,
    );
    enqueue(note(starts.length === 0 ? `owns no partition in generation ${event.generation}` : `owns ${starts.join(' and ')} in generation ${event.generation}`));
    // Auto-commit belongs to at-least-once: at-most-once waits for each commit before processing.
    if (context.settings.commit === 'auto' && context.settings.semantics === 'at-least-once' && positions.length > 0)
      enqueue(timer('auto-commit', context.settings.autoCommitTicks));
  }),
  sendFetch: base.enqueueActions(({ enqueue, context }) => {
    enqueue({ type: 'send', params: { to: context.broker, body: { type: 'FETCH', positions: context.positions as [number, number][], max: context.settings.maxPollRecords } } });
    enqueue(retryTimer(context));
  }),
  holdBatch: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'RECORDS') return;
    const records = freshRecords(context, event.records);
    enqueue.assign({ batch: records, positions: advance(context.positions, records), attempt: 0 });
    enqueue(cancel('retry'));
    const at = records.map((r) => `${partitionName(r.p)}@${r.o}`).join(', ');
    enqueue(note(`polls ${recordsText(records)} (${at}); its position moves past them`));
  }),
  stopWaiting: base.enqueueActions(({ enqueue }) => enqueue(cancel('retry'))),
  armPoll: base.enqueueActions(({ enqueue, context }) => {
    if (context.positions.length > 0) enqueue(timer('poll', context.settings.pollTicks));
  }),
  armProcess: base.enqueueActions(({ enqueue, context }) => enqueue(timer('process', context.settings.processTicks))),
  sendOutput: base.enqueueActions(({ enqueue, context }) => {
    const next = { ...context, attempt: context.attempt + 1 };
    enqueue.assign({ attempt: next.attempt });
    const again = next.attempt > 1 ? ' again: it heard no OK, and cannot tell whether the sink has it' : '';
    enqueue(note(`processes ${recordsText(context.batch)} and writes the output to the sink${again}`));
    enqueue({ type: 'send', params: { to: context.sink, body: { type: 'OUTPUT', id: outputId(next), by: context.name, records: context.batch } } });
    enqueue(retryTimer(context));
  }),
  sendOutputOnce: base.enqueueActions(({ enqueue, context }) => {
    enqueue.assign({ attempt: 1 });
    enqueue(note(`processes ${recordsText(context.batch)} and writes the output to the sink, once: it will never write it again`));
    const body = { type: 'OUTPUT', id: outputId({ ...context, attempt: 1 }), by: context.name, records: context.batch };
    enqueue({ type: 'send', params: { to: context.sink, body } });
  }),
  markDone: base.enqueueActions(({ enqueue, context }) => {
    enqueue.assign({ done: context.positions, batch: [] });
    enqueue(cancel('retry'));
  }),
  dropBatch: base.enqueueActions(({ enqueue, context }) => {
    enqueue.assign({ batch: [], rejoin: true });
    enqueue(cancel('retry'));
    if (context.batch.length > 0) enqueue(note(`drops ${recordsText(context.batch)} without processing them and will rejoin the group`));
  }),
  sendCommit: base.enqueueActions(({ enqueue, context }) => {
    const offsets = unacked(context.done, context.acked);
    enqueue(note(`commits ${offsetsText(offsets)}: the records it processed`));
    enqueue({ type: 'send', params: { to: context.broker, body: commitBody(context, offsets) } });
    enqueue(retryTimer(context));
  }),
  sendCommitPolled: base.enqueueActions(({ enqueue, context }) => {
    const offsets = batchEnd(context);
    enqueue(note(`commits ${offsetsText(offsets)} before processing ${recordsText(context.batch)}`));
    enqueue({ type: 'send', params: { to: context.broker, body: commitBody(context, offsets) } });
    enqueue(retryTimer(context));
  }),
  commitAsync: base.enqueueActions(({ enqueue, context }) => {
    const offsets = unacked(context.done, context.acked);
    if (offsets.length === 0) return;
    enqueue(note(`commits ${offsetsText(offsets)} without waiting for the answer`));
    enqueue({ type: 'send', params: { to: context.broker, body: commitBody(context, offsets) } });
  }),
  autoCommitPolled: base.enqueueActions(({ enqueue, context }) => {
    const offsets = unacked(context.positions, context.acked);
    if (offsets.length > 0) {
      const held = context.batch.length > 0 ? `, although ${recordsText(context.batch)} ${context.batch.length === 1 ? 'is' : 'are'} not processed yet` : '';
      enqueue(note(`auto-commits its position ${offsetsText(offsets)}${held}`));
      enqueue({ type: 'send', params: { to: context.broker, body: commitBody(context, offsets) } });
    }
    enqueue(timer('auto-commit', context.settings.autoCommitTicks));
  }),
  autoCommitDone: base.enqueueActions(({ enqueue, context }) => {
    const offsets = unacked(context.done, context.acked);
    if (offsets.length > 0) {
      enqueue(note(`auto-commits ${offsetsText(offsets)}: what it has processed`));
      enqueue({ type: 'send', params: { to: context.broker, body: commitBody(context, offsets) } });
    }
    enqueue(timer('auto-commit', context.settings.autoCommitTicks));
  }),
  recordCommitted: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'COMMITTED' || event.generation !== context.generation) return;
    const acked = context.acked.filter(([p]) => !event.offsets.some(([q]) => q === p));
    enqueue.assign({ acked: [...acked, ...event.offsets].sort((a, b) => a[0] - b[0]) });
  }),
  hearCommitFailed: base.enqueueActions(({ enqueue, context, event }) => {
    if (event.type !== 'COMMIT_FAILED' || event.generation !== context.generation || context.rejoin) return;
    enqueue.assign({ rejoin: true });
    enqueue(note(`is told its commit of ${offsetsText(event.offsets)} failed with ${event.error}: it has been fenced out and must rejoin`));
  }),
  sendTransaction: base.enqueueActions(({ enqueue, context }) => {
    const offsets = batchEnd(context);
    enqueue(note(`processes ${recordsText(context.batch)} and sends the output with the offsets ${offsetsText(offsets)} as one transaction`));
    const body = { type: 'TXN', id: transactionId(context), member: context.name, generation: context.generation ?? 0, records: context.batch, offsets: offsets as [number, number][] };
    enqueue({ type: 'send', params: { to: context.broker, body } });
    enqueue(retryTimer(context));
  }),
  hearFenced: base.enqueueActions(({ enqueue, event }) => {
    if (event.type === 'TXN_FENCED') enqueue(note(`is fenced (${event.error}): its transaction is aborted`));
  }),
  heartbeat: base.enqueueActions(({ enqueue, context }) => {
    enqueue({ type: 'send', params: { to: context.broker, body: { type: 'HEARTBEAT', member: context.name, generation: context.generation ?? 0 } } });
    enqueue(timer('heartbeat', context.settings.heartbeatTicks));
  }),
  hearHeartbeat: base.enqueueActions(({ enqueue, context, event }) => {
    // An answer to a heartbeat of an earlier generation says nothing about this one.
    if (event.type !== 'HEARTBEAT_REPLY' || event.error === null || context.rejoin || event.generation !== context.generation) return;
    enqueue.assign({ rejoin: true });
    enqueue(note(`hears ${event.error} from the coordinator: it will rejoin the group`));
  }),
};
