// Anti-entropy: after its data changes, a node compares digests with each peer (each node that
// shares a key with it) in turn. The peer answers SYNC with the versions the node lacks and the
// keys it lacks itself; the node merges what it got and PUSHes what the peer wants. A whole round
// of peers found in step ends it, so a quiet cluster is really quiet; an unanswered digest (the
// peer is down or cut off) keeps it going. With several keys a real store would send a Merkle
// summary first and descend only into the ranges that differ; with at most three keys the digest
// is the stamps themselves.
import type { NodeId } from '../../engine';
import type { Rules } from './guards';
import type { Received } from './messages';
import type { Out } from './out';
import { store } from './replica';
import { homeKeys, homeOf, nameOf, type StorageContext } from './storage-context';
import { covered, stampOf, type Stamp, type Version } from './versions';

type Node = Out<StorageContext>;

/** The nodes that share at least one key with this one, in ring order. */
export function peersOf(ctx: StorageContext): NodeId[] {
  const keys = homeKeys(ctx);
  return ctx.storage.filter((id) => id !== ctx.self && keys.some((k) => homeOf(ctx, k).includes(id)));
}

/** The keys both nodes are home for. */
const shared = (ctx: StorageContext, peer: NodeId) => homeKeys(ctx).filter((k) => homeOf(ctx, k).includes(peer));

/** The anti-entropy timer: the last digest went unanswered, or it is time for the next peer. */
export function exchange(out: Node): void {
  const ctx = out.context;
  const peers = peersOf(ctx);
  if (!ctx.sync.running || peers.length === 0) return;
  const peer = peers[ctx.sync.next % peers.length]!;
  const clean = ctx.sync.awaiting === null ? ctx.sync.clean : 0;
  const digest = Object.fromEntries(shared(ctx, peer).map((k) => [k, (ctx.data[k] ?? []).map(stampOf)]));
  out.set({ sync: { running: true, next: (ctx.sync.next + 1) % peers.length, clean, awaiting: peer } });
  out.send(peer, { type: 'DIGEST', digest });
  out.timer('antiEntropy', ctx.settings.antiEntropyTicks);
}

/** What `mine` has that `theirs` does not account for. */
const lacking = (mine: readonly Stamp[], theirs: readonly Stamp[]) => mine.some((s) => !covered(s, theirs));

export function answerDigest(out: Node, event: Received<'DIGEST'>): void {
  const entries: Record<string, readonly Version[]> = {};
  const wants: string[] = [];
  for (const [key, theirs] of Object.entries(event.digest)) {
    if (!homeKeys(out.context).includes(key)) continue;
    const mine = out.context.data[key] ?? [];
    if (lacking(mine.map(stampOf), theirs)) entries[key] = mine;
    if (lacking(theirs, mine.map(stampOf))) wants.push(key);
  }
  out.send(event.from, { type: 'SYNC', entries, wants });
}

function merged(out: Node, entries: { readonly [key: string]: readonly Version[] }, rules: Rules): string[] {
  return Object.entries(entries).flatMap(([key, versions]) => (homeKeys(out.context).includes(key) && store(out, key, versions, rules) ? [key] : []));
}

/** A peer's answer to this node's digest. */
export function takeSync(out: Node, event: Received<'SYNC'>, rules: Rules): void {
  const pulled = merged(out, event.entries, rules);
  if (event.wants.length > 0) {
    const entries = Object.fromEntries(event.wants.filter((k) => homeKeys(out.context).includes(k)).map((k) => [k, out.context.data[k] ?? []]));
    out.send(event.from, { type: 'PUSH', entries });
  }
  const peer = nameOf(out.context, event.from);
  if (pulled.length > 0 || event.wants.length > 0)
    out.note(`anti-entropy with ${peer}: ${[pulled.length > 0 ? `pulls ${pulled.join(', ')}` : '', event.wants.length > 0 ? `pushes ${event.wants.join(', ')}` : ''].filter((t) => t !== '').join(' and ')}`);
  const { sync } = out.context;
  if (sync.awaiting !== event.from) return;
  const clean = pulled.length > 0 || event.wants.length > 0 ? 0 : sync.clean + 1;
  if (clean < peersOf(out.context).length) {
    out.set({ sync: { ...sync, clean, awaiting: null } });
    return;
  }
  out.set({ sync: { running: false, next: sync.next, clean: 0, awaiting: null } });
  out.cancel('antiEntropy');
  out.note('has found every peer in step: its anti-entropy round ends');
}

export function takePush(out: Node, event: Received<'PUSH'>, rules: Rules): void {
  const pulled = merged(out, event.entries, rules);
  if (pulled.length > 0) out.note(`anti-entropy: takes ${pulled.join(', ')} from ${nameOf(out.context, event.from)}`);
}
