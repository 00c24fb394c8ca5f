import type { NetworkOptions } from './network';
import type { NodeId } from './types';

/**
 * Everything that can happen next. The default scheduler picks one; a person's click is just
 * another choice; the checker tries them all. A run is its list of choices.
 */
export type Choice =
  /** Deliver a message now, whatever its due tick. */
  | { readonly type: 'deliver'; readonly id: number }
  /** Lose a message: by a person's hand, or (`cause: 'network'`) by the random-loss policy. */
  | { readonly type: 'drop'; readonly id: number; readonly cause?: 'network' }
  /** Put a second copy of a message in flight. */
  | { readonly type: 'duplicate'; readonly id: number; readonly cause?: 'network' }
  /** Fire a timer now (early, or when it falls due). */
  | { readonly type: 'fire'; readonly id: number }
  | { readonly type: 'crash'; readonly node: NodeId }
  | { readonly type: 'restart'; readonly node: NodeId }
  /** Cut the network into groups; messages crossing groups are lost on arrival. */
  | { readonly type: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly type: 'heal' }
  /** A client operation handed to a node (begin a transaction, vote NO, write a key...). */
  | { readonly type: 'client'; readonly node: NodeId; readonly op: string }
  /** Change the random-fault knobs from now on. */
  | { readonly type: 'network'; readonly options: Partial<Pick<NetworkOptions, 'lossPercent' | 'duplicationPercent'>> };

export type ChoiceType = Choice['type'];

export function sameChoice(a: Choice, b: Choice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
