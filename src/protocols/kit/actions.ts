// The named actions a machine may return, declared once for `setup({ actions: { ...kitActions } })`.
// Their bodies never run: the kit uses XState's pure `transition`, which hands named actions
// back as data ({ type, params }), and `effects.ts` turns them into engine effects. Declaring
// them here gives every machine typed params for free.
import type { Json, MessageBody, NodeId } from '../../engine';

export interface SendParams {
  readonly to: NodeId;
  readonly body: MessageBody;
}

/** One message to every node of a role (except the sender), or to each listed node. */
export type BroadcastParams =
  | { readonly role: string; readonly body: MessageBody }
  | { readonly to: readonly NodeId[]; readonly body: MessageBody };

export interface SetTimerParams {
  /** The timer's name; when it fires the machine receives `{ type: name }`. */
  readonly name: string;
  readonly ticksMin: number;
  readonly ticksMax: number;
}

export interface CancelTimerParams {
  readonly name: string;
}

export interface PersistParams {
  /** Merged into the node's persisted record: the only thing that survives a crash. */
  readonly data: { readonly [key: string]: Json };
}

export interface ObserveParams {
  /** What a client (or an invariant) gets to see: votes, outcomes, read results. */
  readonly value: Json;
}

export interface NoteParams {
  /** Narration that completes the node's name: "votes YES and is now in doubt". */
  readonly text: string;
}

const declared = <P>() => (_args: unknown, _params: P): void => undefined;

export const kitActions = {
  send: declared<SendParams>(),
  broadcast: declared<BroadcastParams>(),
  setTimer: declared<SetTimerParams>(),
  cancelTimer: declared<CancelTimerParams>(),
  persist: declared<PersistParams>(),
  observe: declared<ObserveParams>(),
  note: declared<NoteParams>(),
};

export type KitActionType = keyof typeof kitActions;
