// The messages of quorum replication, declared once. Message types are UPPER CASE; the kit
// delivers a message to a machine as `{ ...body, from }`. Every request a coordinator runs is
// named by the client operation it serves (`op`, "C1.3"), so replies find their request.
import type { MessageBody, NodeId } from '../../engine';
import { stampText, valuesText, versionsText, versionText, type Stamp, type Version, type VersionVector } from './versions';

export type QuorumMessage =
  /** Client -> coordinator. Under dynamo the client sends the version vector of its write. */
  | { readonly type: 'PUT'; readonly op: string; readonly key: string; readonly value: string; readonly vv?: VersionVector }
  | { readonly type: 'GET'; readonly op: string; readonly key: string }
  /** Coordinator -> client: a quorum acknowledged the write (with the version it got). */
  | { readonly type: 'PUT_OK'; readonly op: string; readonly key: string; readonly version: Version }
  /** Coordinator -> client: what a read quorum holds (several versions: concurrent siblings). */
  | { readonly type: 'GET_OK'; readonly op: string; readonly key: string; readonly versions: readonly Version[] }
  | { readonly type: 'FAILED'; readonly op: string; readonly key: string; readonly reason: string }
  /** Coordinator -> replica: what do you hold for the key? (A stand-in answers from its hints for the node `hint`.) */
  | { readonly type: 'READ'; readonly op: string; readonly key: string; readonly hint?: string }
  | { readonly type: 'VALUE'; readonly op: string; readonly key: string; readonly versions: readonly Version[] }
  /** Coordinator -> replica: store this version (a stand-in keeps it as a hint for `hint`). */
  | { readonly type: 'WRITE'; readonly op: string; readonly key: string; readonly version: Version; readonly hint?: string }
  | { readonly type: 'ACK'; readonly op: string; readonly key: string }
  /** Coordinator -> a stale replica it heard from: the newest versions (no answer). */
  | { readonly type: 'REPAIR'; readonly key: string; readonly versions: readonly Version[] }
  /** Stand-in -> home node: a hint it kept for it. */
  | { readonly type: 'HANDOFF'; readonly key: string; readonly versions: readonly Version[]; readonly for: string }
  | { readonly type: 'HANDED'; readonly key: string; readonly stamps: readonly Stamp[] }
  /** Anti-entropy: the stamps a node holds per key it shares with the peer. */
  | { readonly type: 'DIGEST'; readonly digest: { readonly [key: string]: readonly Stamp[] } }
  /** The answer to a digest: the versions the asker lacks, and the keys the answerer lacks. */
  | { readonly type: 'SYNC'; readonly entries: { readonly [key: string]: readonly Version[] }; readonly wants: readonly string[] }
  /** The versions a SYNC asked for (no answer). */
  | { readonly type: 'PUSH'; readonly entries: { readonly [key: string]: readonly Version[] } };

export type Received<T extends QuorumMessage['type']> = Extract<QuorumMessage, { type: T }> & { readonly from: NodeId };

function entriesText(entries: { readonly [key: string]: readonly Version[] }): string {
  return Object.entries(entries).map(([key, vs]) => `${key}=${versionsText(vs)}`).join(', ');
}

/** The message in short form, as chips and arrows show it: "PUT x=a2 [C1:2 C2:1]". */
export function describeMessage(body: MessageBody): string {
  const m = body as unknown as QuorumMessage;
  switch (m.type) {
    case 'PUT':
      return `PUT ${m.key}=${m.value}${m.vv === undefined ? '' : ` ${stampText({ vv: m.vv })}`}`;
    case 'GET':
      return `GET ${m.key}`;
    case 'PUT_OK':
      return `PUT OK ${m.key}=${versionText(m.version)}`;
    case 'GET_OK':
      return `GET OK ${m.key}=${valuesText(m.versions)}`;
    case 'FAILED':
      return `FAILED ${m.key}: ${m.reason}`;
    case 'READ':
      return `READ ${m.key}${m.hint === undefined ? '' : ` for ${m.hint}`}`;
    case 'VALUE':
      return `VALUE ${m.key}=${versionsText(m.versions)}`;
    case 'WRITE':
      return `WRITE ${m.key}=${versionText(m.version)}${m.hint === undefined ? '' : ` hint for ${m.hint}`}`;
    case 'ACK':
      return `ACK ${m.key}`;
    case 'REPAIR':
      return `REPAIR ${m.key}=${versionsText(m.versions)}`;
    case 'HANDOFF':
      return `HANDOFF ${m.key}=${versionsText(m.versions)} for ${m.for}`;
    case 'HANDED':
      return `HANDED ${m.key}`;
    case 'DIGEST':
      return `DIGEST ${Object.entries(m.digest).map(([key, stamps]) => `${key}:${stamps.length === 0 ? '–' : stamps.map(stampText).join('|')}`).join(' ')}`;
    case 'SYNC': {
      const parts = [Object.keys(m.entries).length === 0 ? '' : entriesText(m.entries), m.wants.length === 0 ? '' : `wants ${m.wants.join(', ')}`].filter((p) => p !== '');
      return `SYNC ${parts.length === 0 ? 'in step' : parts.join('; ')}`;
    }
    case 'PUSH':
      return `PUSH ${entriesText(m.entries)}`;
    default:
      return String(body.type);
  }
}
