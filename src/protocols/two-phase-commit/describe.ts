// What the inspector shows for each node, in words a student follows.
import type { World } from '../../engine';
import { formatRecord, inState, nameList, type DescribedNode, type NodeFact, type NodeView } from '../kit';
import type { CoordinatorContext } from './coordinator';
import type { ParticipantContext } from './participant';

const field = (name: string, value: string) => ({ name, value });
const logField = (view: NodeView<unknown>) => field('log', formatRecord(view.persisted));

const fact = (name: string, value: string): NodeFact => ({ kind: 'value', name, value });

/** A down node shows what survives: its log. */
const downNode = (view: NodeView<unknown>): DescribedNode => ({
  status: 'down',
  fields: [field('state', 'down: only its log survives'), logField(view)],
  facts: [fact('log', formatRecord(view.persisted))],
});

function describeCoordinator(view: NodeView<CoordinatorContext>): DescribedNode {
  if (view.state === null) return downNode(view);
  const { context } = view.state;
  const names = (ids: readonly number[]) => nameList(view.world, ids) || 'nobody';
  const votes = context.participants
    .map((p, i) => `${view.world.system.nodes[p]!.name} ${context.votes[i] ?? '–'}`)
    .join(', ');
  const missingVotes = context.participants.filter((_, i) => context.votes[i] === null);
  const missingAcks = context.participants.filter((_, i) => !context.acked[i]);
  const decision = context.decision === null ? 'none yet' : context.decision.toUpperCase();
  const [state, status, waiting]: [string, DescribedNode['status'], string] = inState(view.state, 'idle')
    ? ['idle: no transaction running', 'idle', 'a client to begin a transaction']
    : inState(view.state, 'preparing')
      ? ['collecting votes', 'waiting', `votes from ${names(missingVotes)}`]
      : inState(view.state, 'decided')
        ? [`decided ${decision}, delivering it`, 'waiting', `acknowledgements from ${names(missingAcks)}`]
        : ['finished: every participant knows the outcome', 'done', 'nothing'];
  const shortVotes = context.participants.map((p, i) => `${view.world.system.nodes[p]!.name} ${context.votes[i] ?? '?'}`).join(' ');
  return {
    status,
    fields: [field('state', state), field('votes', votes), field('decision', decision), field('waiting for', waiting), logField(view)],
    facts: [fact('votes', context.votes.some((v) => v !== null) ? shortVotes : '—'), fact('decision', context.decision === null ? '—' : decision)],
  };
}

function blocked(world: World, node: number): boolean {
  return world.conditions['blocked-in-doubt']?.nodes.includes(node) ?? false;
}

function describeParticipant(view: NodeView<ParticipantContext>): DescribedNode {
  if (view.state === null) return downNode(view);
  const { context } = view.state;
  const vote = context.vote?.toUpperCase() ?? (context.willVoteNo ? 'not yet (will vote NO)' : 'not yet');
  const outcome = context.outcome === null ? 'unknown' : context.outcome === 'commit' ? 'committed' : 'aborted';
  const [state, status, waiting]: [string, DescribedNode['status'], string] = inState(view.state, 'working')
    ? ['working on the transaction', 'working', 'PREPARE from the coordinator']
    : inState(view.state, 'prepared')
      ? blocked(view.world, view.id)
        ? ['prepared and blocked: in doubt, cannot reach the coordinator', 'blocked', 'the coordinator to come back']
        : ['prepared: in doubt, may not decide alone', 'waiting', 'the decision from the coordinator']
      : inState(view.state, 'committed')
        ? ['committed', 'done', 'nothing']
        : ['aborted', 'done', 'nothing'];
  const inDoubt = context.vote === 'yes' && context.outcome === null;
  return {
    status,
    fields: [field('state', state), field('vote', vote), field('outcome', outcome), field('waiting for', waiting), logField(view)],
    facts: [
      fact('vote', context.vote?.toUpperCase() ?? '—'),
      { kind: 'value', name: 'outcome', value: context.outcome?.toUpperCase() ?? (inDoubt ? 'in doubt' : '—'), tone: inDoubt ? 'warn' : 'plain' },
    ],
  };
}

export const describe = { coordinator: describeCoordinator, participant: describeParticipant };
