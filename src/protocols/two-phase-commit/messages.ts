// The messages of two-phase commit, declared once. Message types are UPPER CASE; the kit
// delivers a message to a machine as `{ ...body, from }`.
import type { MessageBody, NodeId } from '../../engine';

export type Vote = 'yes' | 'no';
export type Decision = 'commit' | 'abort';

export type TwoPhaseMessage =
  /** Coordinator -> participant: can you commit? Answer with your vote. */
  | { readonly type: 'PREPARE' }
  | { readonly type: 'VOTE'; readonly vote: Vote }
  /** Coordinator -> participant: the decision. */
  | { readonly type: 'COMMIT' }
  | { readonly type: 'ABORT' }
  /** Participant -> coordinator: I have applied the decision and logged my outcome. */
  | { readonly type: 'ACK'; readonly outcome: Decision }
  /** A prepared participant -> coordinator: what did you decide? */
  | { readonly type: 'QUERY' };

/** The message events a machine receives. */
export type Received<T extends TwoPhaseMessage['type']> = Extract<TwoPhaseMessage, { type: T }> & { readonly from: NodeId };

export const decisionMessage = (decision: Decision): TwoPhaseMessage => ({ type: decision === 'commit' ? 'COMMIT' : 'ABORT' });

export function describeMessage(body: MessageBody): string {
  const message = body as TwoPhaseMessage;
  switch (message.type) {
    case 'VOTE':
      return `VOTE ${message.vote}`;
    case 'ACK':
      return `ACK ${message.outcome}`;
    case 'PREPARE':
    case 'COMMIT':
    case 'ABORT':
    case 'QUERY':
      return message.type;
    default:
      return String(body.type);
  }
}

/** Reads a decision out of a persisted record or a context. */
export function asDecision(value: unknown): Decision | null {
  return value === 'commit' || value === 'abort' ? value : null;
}
