// The messages between application servers, the cache and the database, declared once. Every
// request carries the id of the operation it serves (`op`), so a late answer to an earlier
// operation is recognised and ignored. Versions are the database's per-key counters (under
// write-back, the cache's, which flushes them to the database); `null` is a value written to the
// cache in parallel with the database, before the database has given it a version.
import type { MessageBody, NodeId } from '../../engine';

export type CacheMessage =
  /** App -> cache: read a key. */
  | { readonly type: 'GET'; readonly key: string; readonly op: string }
  /** Cache -> app: the cached value. */
  | { readonly type: 'HIT'; readonly key: string; readonly value: string; readonly version: number | null; readonly op: string; readonly boot: number }
  /** Cache -> app: not cached; the lease lets the app fill the key unless it is written meanwhile. */
  | { readonly type: 'MISS'; readonly key: string; readonly lease: string; readonly op: string; readonly boot: number }
  /** App -> cache (cache-aside): the value the app read from the database after a miss. */
  | { readonly type: 'FILL'; readonly key: string; readonly value: string; readonly version: number; readonly lease: string; readonly op: string }
  /** App -> cache (write-through): update a cached copy; `version` null in the parallel first write. */
  | {
      readonly type: 'SET';
      readonly key: string;
      readonly value: string;
      readonly version: number | null;
      readonly app: string;
      readonly seq: number;
      readonly boot: number;
      readonly op: string;
    }
  /** App -> cache (write-around): drop the cached copy. */
  | { readonly type: 'INVALIDATE'; readonly key: string; readonly op: string }
  /** Cache -> app: a versioned SET or a write-back WRITE is done (with the version it got). */
  | { readonly type: 'STORED'; readonly key: string; readonly version: number; readonly op: string; readonly boot: number }
  /** Cache -> app: the cached copy is gone. */
  | { readonly type: 'INVALIDATED'; readonly key: string; readonly op: string; readonly boot: number }
  /** App -> database, or app -> cache under write-back: write a value. */
  | { readonly type: 'WRITE'; readonly key: string; readonly value: string; readonly op: string; readonly app: string }
  /** Database -> app: the write is durable, with its version. */
  | { readonly type: 'WRITTEN'; readonly key: string; readonly version: number; readonly op: string }
  /** App or cache -> database: read a key. */
  | { readonly type: 'READ'; readonly key: string; readonly op: string }
  /** Database -> reader, or cache -> app under read-through: the value and its version. */
  | { readonly type: 'VALUE'; readonly key: string; readonly value: string; readonly version: number; readonly op: string }
  /** Cache -> database (write-back): a dirty entry. */
  | { readonly type: 'FLUSH'; readonly key: string; readonly value: string; readonly version: number }
  /** Database -> cache: the flushed version (or a newer one) is durable. */
  | { readonly type: 'FLUSHED'; readonly key: string; readonly version: number };

/** The message events a machine receives. */
export type Received<T extends CacheMessage['type']> = Extract<CacheMessage, { type: T }> & { readonly from: NodeId };

/** "v2", or "no version yet" for a value written before the database gave it one. */
export const versionText = (version: unknown): string => (typeof version === 'number' ? `v${version}` : 'unversioned');

export function describeMessage(body: MessageBody): string {
  const key = String(body['key']);
  const value = `${key}=${String(body['value'])}`;
  switch (body.type) {
    case 'GET':
    case 'READ':
      return `${body.type} ${key}`;
    case 'HIT':
    case 'VALUE':
    case 'FILL':
    case 'FLUSH':
      return `${body.type} ${value} ${versionText(body['version'])}`;
    case 'MISS':
      return `MISS ${key} (lease ${String(body['lease'])})`;
    case 'SET':
      return `SET ${value} ${versionText(body['version'])}`;
    case 'WRITE':
      return `WRITE ${value}`;
    case 'WRITTEN':
    case 'FLUSHED':
    case 'STORED':
      return `${body.type} ${key} ${versionText(body['version'])}`;
    case 'INVALIDATE':
    case 'INVALIDATED':
      return `${body.type} ${key}`;
    default:
      return String(body.type);
  }
}
