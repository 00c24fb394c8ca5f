// Versions: what decides which write is newer. Three kinds, one per way of ordering writes:
//   - a version vector (dynamo): one counter per client, so two writes are ordered only when one
//     saw the other; otherwise they are concurrent and both are kept, as siblings;
//   - a tag (counter, operation) (the linearizable ABD register): a total order, ties broken by the
//     client’s operation ("C1.3"), so two puts never share a tag, even from one client;
//   - a timestamp from the coordinator's clock (last-write-wins): also a total order, and a skewed
//     clock puts it in the wrong one. Such a write keeps its version vector too, unused by the
//     replicas, so the checker can tell a write lost to a clock from one superseded by its successor.
// Everything here is plain JSON, kept in a canonical order, so states compare and hash as data.

export type VersionVector = { readonly [client: string]: number };

/** When a write happened, in the store's order, without its value (what a digest carries). */
export interface Stamp {
  readonly vv?: VersionVector;
  readonly tag?: number;
  readonly ts?: number;
  /**
   * The tie-breaker of a tag (the client's operation, "C2.3": unique even when a client gave up on
   * a put that still runs and began another) or of a timestamp (the coordinating node, "S2").
   */
  readonly by?: string;
}

export interface Version extends Stamp {
  readonly value: string;
}

const ordered = (s: Stamp) => s.tag !== undefined || s.ts !== undefined;
const orderOf = (s: Stamp) => s.tag ?? s.ts ?? 0;

/** Whether vector `a` has seen everything `b` has (a ≥ b). */
export function vvCovers(a: VersionVector, b: VersionVector): boolean {
  for (const [client, count] of Object.entries(b)) if ((a[client] ?? 0) < count) return false;
  return true;
}

export const vvEqual = (a: VersionVector, b: VersionVector) => vvCovers(a, b) && vvCovers(b, a);

/** The pointwise maximum: a vector that has seen everything any of them has. */
export function vvMerge(vectors: readonly VersionVector[]): VersionVector {
  const out: Record<string, number> = {};
  for (const vector of vectors) for (const [client, count] of Object.entries(vector)) out[client] = Math.max(out[client] ?? 0, count);
  return sortedKeys(out);
}

function sortedKeys(vector: Record<string, number>): VersionVector {
  return Object.fromEntries(Object.entries(vector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Compares names with numbers in them by the numbers' values: "C2.9" before "C2.10", "S2" before "S10". */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      let m = i;
      let n = j;
      while (m < a.length && isDigit(a.charCodeAt(m))) m++;
      while (n < b.length && isDigit(b.charCodeAt(n))) n++;
      const difference = Number(a.slice(i, m)) - Number(b.slice(j, n));
      if (difference !== 0) return difference;
      i = m;
      j = n;
    } else if (x !== y) return x - y;
    else {
      i++;
      j++;
    }
  }
  return a.length - i - (b.length - j);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether stamp `a` supersedes `b`: a strictly later write in the store's order. */
export function newer(a: Stamp, b: Stamp): boolean {
  if (ordered(a) || ordered(b)) return orderOf(a) > orderOf(b) || (orderOf(a) === orderOf(b) && compareNames(a.by ?? '', b.by ?? '') > 0);
  return vvCovers(a.vv ?? {}, b.vv ?? {}) && !vvCovers(b.vv ?? {}, a.vv ?? {});
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (ordered(a) || ordered(b)) return orderOf(a) === orderOf(b) && a.by === b.by;
  return vvEqual(a.vv ?? {}, b.vv ?? {});
}

/** Whether the stamps already account for `stamp`: it is among them or superseded by one. */
export const covered = (stamp: Stamp, by: readonly Stamp[]) => by.some((b) => sameStamp(b, stamp) || newer(b, stamp));

const byValue = (a: Version, b: Version) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * What a replica keeps after `incoming` arrives: every version no other supersedes. Under a total
 * order that is the single latest (ties broken by value, so a merge never depends on arrival
 * order); under version vectors, all concurrent siblings.
 */
export function merge(stored: readonly Version[], incoming: readonly Version[]): Version[] {
  const all = [...stored, ...incoming];
  const kept: Version[] = [];
  for (const v of all) {
    if (all.some((o) => newer(o, v))) continue;
    const twin = kept.findIndex((k) => sameStamp(k, v));
    if (twin < 0) kept.push(v);
    else if (v.value > kept[twin]!.value) kept[twin] = v;
  }
  return kept.sort(byValue);
}

/** Whether merging `incoming` would change nothing. */
export const holdsAll = (stored: readonly Version[], incoming: readonly Stamp[]) => incoming.every((s) => covered(s, stored));

export const stampOf = ({ value: _value, ...stamp }: Version): Stamp => stamp;

/** "[C1:2 C2:1]", "(2,C1.2)", "@52 S2". */
export function stampText(s: Stamp): string {
  if (s.tag !== undefined) return `(${s.tag},${s.by ?? '?'})`;
  if (s.ts !== undefined) return `@${s.ts} ${s.by ?? ''}`.trimEnd();
  return `[${Object.entries(s.vv ?? {}).map(([c, n]) => `${c}:${n}`).join(' ')}]`;
}

/** "a1 [C1:1]". */
export const versionText = (v: Version) => `${v.value} ${stampText(v)}`;

/** "nothing", "a1 [C1:1]", "a1 [C1:1] | b1 [C2:1]". */
export const versionsText = (vs: readonly Version[]) => (vs.length === 0 ? 'nothing' : vs.map(versionText).join(' | '));

/** The values alone: "nothing", "a1", "a1|b1". */
export const valuesText = (vs: readonly Version[]) => (vs.length === 0 ? 'nothing' : vs.map((v) => v.value).join('|'));
