// The messages of single-decree Paxos, declared once. Message types are UPPER CASE; the kit
// delivers a message to a machine as `{ ...body, from }`.
import type { MessageBody, NodeId } from '../../engine';
import { asBallot, ballotText, type Ballot } from './ballot';

export type PaxosMessage =
  /** Proposer -> acceptor, phase 1: promise to ignore every ballot below this one. */
  | { readonly type: 'PREPARE'; readonly ballot: Ballot }
  /** Acceptor -> proposer: promised, with the highest ballot it has accepted and that ballot's value. */
  | { readonly type: 'PROMISE'; readonly ballot: Ballot; readonly accepted: Ballot | null; readonly value: string | null }
  /** Acceptor -> proposer: refused, because it has promised a higher ballot. */
  | { readonly type: 'NACK'; readonly ballot: Ballot; readonly promised: Ballot }
  /** Proposer -> acceptor, phase 2: accept this value in this ballot. */
  | { readonly type: 'ACCEPT'; readonly ballot: Ballot; readonly value: string }
  /** Acceptor -> every learner: it has accepted the value in the ballot. */
  | { readonly type: 'ACCEPTED'; readonly ballot: Ballot; readonly value: string };

/** The message events a machine receives. */
export type Received<T extends PaxosMessage['type']> = Extract<PaxosMessage, { type: T }> & { readonly from: NodeId };

export function describeMessage(body: MessageBody): string {
  const ballot = ballotText(asBallot(body['ballot']));
  // The payload first after the type, so a shortened label ("ACCEPT A") still says what matters.
  switch (body.type) {
    case 'PREPARE':
      return `PREPARE ${ballot}`;
    case 'PROMISE': {
      const accepted = asBallot(body['accepted']);
      return accepted === null ? `PROMISE ${ballot}, none accepted` : `PROMISE ${ballot}, had ${String(body['value'])} @${ballotText(accepted)}`;
    }
    case 'NACK':
      return `NACK ${ballot}: promised ${ballotText(asBallot(body['promised']))}`;
    case 'ACCEPT':
    case 'ACCEPTED':
      return `${body.type} ${String(body['value'])} @${ballot}`;
    default:
      return String(body.type);
  }
}
