// What the inspector shows for each node, in words a student follows.
import { formatRecord, inState, nameList, type DescribedNode, type NodeFact, type NodeView } from '../kit';
import { fromLog, type AcceptorContext } from './acceptor';
import { ballotText, compareBallots, type Ballot } from './ballot';
import { majorityOf } from './config';
import type { ProposerContext } from './proposer';

const field = (name: string, value: string) => ({ name, value });

const logText = (view: NodeView<unknown>): string => formatRecord(view.persisted);

const fact = (name: string, value: string): NodeFact => ({ kind: 'value', name, value });

const down = (view: NodeView<unknown>): DescribedNode => ({
  status: 'down',
  fields: [field('state', 'down: only its log survives'), field('log', logText(view))],
  facts: [fact('log', logText(view))],
});

/**
 * Whether the log holds the promise or acceptance in memory. When it does not, the acceptor shows
 * its log too, so the picture shows what a crash would erase (the forgetful acceptor's bug)
 * before the crash erases it.
 */
const same = (held: Ballot | null, inLog: Ballot | null): boolean => compareBallots(held, inLog) === 0;

function describeAcceptor(view: NodeView<AcceptorContext>): DescribedNode {
  if (view.state === null) return down(view);
  const { context } = view.state;
  const logged = fromLog(view.persisted);
  const promised = context.promised === null ? 'no ballot yet' : `ballot ${ballotText(context.promised)}: it refuses anything lower`;
  const accepted = context.accepted === null ? 'nothing yet' : `${context.value} in ballot ${ballotText(context.accepted)}`;
  const [state, status]: [string, DescribedNode['status']] = inState(view.state, 'idle')
    ? ['has promised nothing', 'idle']
    : inState(view.state, 'promised')
      ? ['has promised a ballot', 'waiting']
      : ['has accepted a value', 'done'];
  return {
    status,
    fields: [field('state', state), field('promised', promised), field('accepted', accepted), field('log', logText(view))],
    facts: [
      fact('promised', context.promised === null ? '—' : ballotText(context.promised)),
      fact('accepted', context.accepted === null ? '—' : `${context.value} @ ${ballotText(context.accepted)}`),
      ...(same(context.promised, logged.promised) && same(context.accepted, logged.accepted) ? [] : [fact('log', Object.keys(view.persisted).length === 0 ? 'empty' : logText(view))]),
    ],
  };
}

/**
 * Who promised its ballot, out of how many: drawn on the proposer, so a picture shows a proposer
 * that went on to phase 2 without a majority ("A3 (1 of 3), no majority").
 */
function promisesText(view: NodeView<ProposerContext>, majority: number): string {
  const { context } = view.state!;
  const who = context.promises.length === 0 ? 'none yet' : nameList(view.world, [...context.promises].sort((a, b) => a - b));
  const count = `${who} (${context.promises.length} of ${context.acceptors.length})`;
  const wentOn = context.proposal !== null;
  return wentOn && context.promises.length < majority ? `${count}, no majority` : count;
}

function describeProposer(view: NodeView<ProposerContext>): DescribedNode {
  if (view.state === null) return down(view);
  const { context } = view.state;
  const majority = majorityOf(context.acceptors.length);
  const ballot = context.ballot === null ? 'none yet' : ballotText(context.ballot);
  const learned = context.learned === null ? 'nothing yet' : `${context.learned} is chosen`;
  const missing = context.acceptors.filter((a) => !context.promises.includes(a));
  const [state, status, waiting]: [string, DescribedNode['status'], string] = inState(view.state, 'idle')
    ? ['idle', 'idle', `a client to ask it to propose ${context.own}`]
    : inState(view.state, 'proposing.preparing')
      ? [`phase 1: ${context.promises.length} of ${majority} promises needed`, 'working', `promises from ${nameList(view.world, missing)}`]
      : inState(view.state, 'proposing.accepting')
        ? [`phase 2: proposing ${context.proposal}`, 'waiting', 'a majority of acceptors to accept it']
        : inState(view.state, 'proposing.backoff')
          ? ['backing off: a higher ballot cut in', 'blocked', 'its retry timer, then a higher ballot']
          : ['knows the chosen value', 'done', 'nothing'];
  return {
    status,
    fields: [
      field('state', state),
      field('own value', context.own),
      field('ballot', ballot),
      field('learned', learned),
      field('waiting for', waiting),
      field('log', logText(view)),
    ],
    facts: [
      fact('ballot', context.ballot === null ? '—' : `${ballotText(context.ballot)}${context.proposal === null || context.learned !== null ? '' : ` for ${context.proposal}`}`),
      ...(context.ballot === null ? [] : [fact('promises', promisesText(view, majority))]),
      fact('learned', context.learned ?? '—'),
    ],
  };
}

export const describe = { proposer: describeProposer, acceptor: describeAcceptor };
