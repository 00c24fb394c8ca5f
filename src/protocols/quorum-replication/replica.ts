// A storage node as a replica: it answers reads, stores writes (merging versions, so a write
// never replaces a newer one or a concurrent sibling), keeps hints as a stand-in and hands them
// home, and takes repairs. Every change to its data is written to its log (the data survives a
// crash) and starts an anti-entropy round, since a change is what can leave replicas apart.
import { hintLogKey, versionsLog } from './log-text';
import type { Received } from './messages';
import type { Out } from './out';
import type { Rules } from './guards';
import { homeKeys, nameOf, storageId, type Hint, type StorageContext } from './storage-context';
import { covered, holdsAll, merge, stampOf, versionsText, type Version } from './versions';

type Node = Out<StorageContext>;


/** Starts an anti-entropy round after a change, or makes the running one start counting again. */
export function armSync(out: Node, rules: Rules): void {
  const { sync, settings } = out.context;
  if (!rules.runsAntiEntropy() || homeKeys(out.context).length === 0) return;
  if (sync.running) {
    // A digest already sent shows the data as it was: its answer must not count as in step.
    out.set({ sync: { ...sync, clean: 0, awaiting: null } });
    return;
  }
  out.set({ sync: { running: true, next: sync.next, clean: 0, awaiting: null } });
  out.timer('antiEntropy', settings.antiEntropyTicks);
}

/** Merges versions into the node's replica of `key`; returns whether anything changed. */
export function store(out: Node, key: string, versions: readonly Version[], rules: Rules): boolean {
  const held = out.context.data[key] ?? [];
  if (holdsAll(held, versions.map(stampOf))) return false;
  const merged = merge(held, versions);
  out.set({ data: { ...out.context.data, [key]: merged } });
  out.persist({ [key]: versionsLog(merged) });
  armSync(out, rules);
  return true;
}

/** The versions a stand-in keeps for `home` under `key`. */
export const hintFor = (ctx: StorageContext, key: string, home: string): readonly Version[] =>
  ctx.hints.find((h) => h.key === key && h.for === home)?.versions ?? [];

/** Keeps a write for a home node that did not answer, and starts handing hints home. */
export function keepHint(out: Node, key: string, home: string, versions: readonly Version[]): void {
  const held = hintFor(out.context, key, home);
  const hint: Hint = { key, for: home, versions: merge(held, versions) };
  const others = out.context.hints.filter((h) => !(h.key === key && h.for === home));
  const hints = [...others, hint].sort((a, b) => (a.key + a.for < b.key + b.for ? -1 : 1));
  out.set({ hints });
  out.persist({ [hintLogKey(key, home)]: versionsLog(hint.versions) });
  if (!out.context.handingOff) {
    out.set({ handingOff: true });
    out.timer('handoff', out.context.settings.handoffTicks);
  }
}

export function answerRead(out: Node, event: Received<'READ'>): void {
  const versions = event.hint === undefined ? (out.context.data[event.key] ?? []) : hintFor(out.context, event.key, event.hint);
  out.send(event.from, { type: 'VALUE', op: event.op, key: event.key, versions });
}

export function takeWrite(out: Node, event: Received<'WRITE'>, rules: Rules): void {
  if (event.hint !== undefined) {
    keepHint(out, event.key, event.hint, [event.version]);
    out.note(`keeps ${event.key} = ${versionsText([event.version])} as a hint for ${event.hint}, which did not answer`);
  } else if (!store(out, event.key, [event.version], rules)) {
    out.note(`already holds ${event.key} = ${versionsText(out.context.data[event.key] ?? [])}, which is as new: it keeps it`);
  }
  out.send(event.from, { type: 'ACK', op: event.op, key: event.key });
}

export function takeRepair(out: Node, event: Received<'REPAIR'>, rules: Rules): void {
  if (store(out, event.key, event.versions, rules)) out.note(`is repaired: ${event.key} = ${versionsText(out.context.data[event.key] ?? [])}`);
}

/** The handoff timer: every hint goes to its home node; the timer runs until all are taken. */
export function handOff(out: Node): void {
  const { hints, settings } = out.context;
  if (hints.length === 0) {
    out.set({ handingOff: false });
    return;
  }
  for (const hint of hints) {
    const home = storageId(out.context, hint.for);
    if (home !== null) out.send(home, { type: 'HANDOFF', key: hint.key, versions: hint.versions, for: hint.for });
  }
  out.timer('handoff', settings.handoffTicks);
}

export function takeHandoff(out: Node, event: Received<'HANDOFF'>, rules: Rules): void {
  if (store(out, event.key, event.versions, rules)) out.note(`takes the hint for ${event.key} from ${nameOf(out.context, event.from)}: ${versionsText(out.context.data[event.key] ?? [])}`);
  out.send(event.from, { type: 'HANDED', key: event.key, stamps: event.versions.map(stampOf) });
}

/** A home node took a hint: drop it, unless a newer write for it arrived meanwhile. */
export function dropHint(out: Node, event: Received<'HANDED'>): void {
  const home = nameOf(out.context, event.from);
  const held = hintFor(out.context, event.key, home);
  if (held.length === 0 || !held.every((v) => covered(stampOf(v), event.stamps))) return;
  const hints = out.context.hints.filter((h) => !(h.key === event.key && h.for === home));
  out.set({ hints });
  out.persist({ [hintLogKey(event.key, home)]: 'handed off' });
  out.note(`drops its hint for ${home}: ${home} has ${event.key} now`);
  if (hints.length === 0) {
    out.set({ handingOff: false });
    out.cancel('handoff');
  }
}
