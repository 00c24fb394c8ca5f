// Finding the smallest contradiction in a register history that has no linearization. First the
// earliest moment by which the history is already broken (a binary search over return times:
// cutting a history short only removes constraints); the operation that returned then is part of
// every contradiction in that prefix. Then the fewest operations around it that still admit no
// linearization, trying one, two, three and four operations: each read brings the write of the
// value it returned, so a subset never blames a read for a value it could not explain.
import { registerModel, type RegisterOperation } from './register';
import { searchLinearization } from './search';

type Op = RegisterOperation;

/** How many operations before the culprit are candidates for a contradiction. */
const poolMax = 40;
/** The largest contradiction looked for; beyond it the explanation names the culprit's prefix. */
const sizeMax = 4;

const holds = (ops: readonly Op[]) => searchLinearization(registerModel, ops).kind !== 'not-linearizable';

/** The history as it stood at `time`: later returns become unknown, and reads still open are left out. */
export function truncated(ops: readonly Op[], time: number): Op[] {
  const out: Op[] = [];
  for (const op of ops) {
    if (op.invoke > time) continue;
    if (op.return !== null && op.return <= time) out.push(op);
    else if (op.input.kind === 'write') out.push({ ...op, return: null });
  }
  return out;
}

/** The earliest return time by which the history has no linearization, and the operation returning then. */
function earliestBreak(ops: readonly Op[]): { prefix: Op[]; culprit: Op } | null {
  const times = ops.flatMap((o) => (o.return === null ? [] : [o.return])).sort((a, b) => a - b);
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || holds(truncated(ops, times[hi]!))) return null;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(truncated(ops, times[mid]!))) lo = mid + 1;
    else hi = mid;
  }
  const prefix = truncated(ops, times[lo]!);
  const culprit = prefix.find((o) => o.return === times[lo]);
  return culprit === undefined ? null : { prefix, culprit };
}

/** The set with, for every read in it, the write of each value it returned. */
function closed(chosen: readonly Op[], all: readonly Op[]): Op[] {
  const out = [...chosen];
  for (const op of chosen) {
    if (op.input.kind !== 'read') continue;
    for (const value of op.input.values) {
      const writer = all.find((o) => o.input.kind === 'write' && o.input.value === value);
      if (writer !== undefined && !out.includes(writer)) out.push(writer);
    }
  }
  return out;
}

function* choose(pool: readonly Op[], count: number, from = 0): Generator<Op[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= pool.length - count; i++) for (const rest of choose(pool, count - 1, i + 1)) yield [pool[i]!, ...rest];
}

/** The fewest operations, including the culprit, that have no linearization; null when none is small. */
function smallest(prefix: readonly Op[], culprit: Op): Op[] | null {
  const others = prefix.filter((o) => o !== culprit);
  // The nearest operations first: a contradiction is usually about what happened just before.
  const pool = others.sort((a, b) => b.invoke - a.invoke).slice(0, poolMax);
  let best: Op[] | null = null;
  for (let extra = 0; extra < sizeMax; extra++) {
    for (const chosen of choose(pool, extra)) {
      const set = closed([culprit, ...chosen], prefix);
      if (set.length > sizeMax || (best !== null && set.length >= best.length)) continue;
      if (!holds(set)) best = set;
    }
    if (best !== null && best.length <= extra + 1) break;
  }
  return best?.sort((a, b) => a.invoke - b.invoke) ?? null;
}

export interface Contradiction {
  /** The operations that together have no linearization, in invoke order. */
  readonly operations: readonly Op[];
  /** The operation whose return broke the history. */
  readonly culprit: Op;
}

/** The smallest contradiction in a history of one register known to have no linearization. */
export function contradiction(ops: readonly Op[]): Contradiction | null {
  const broken = earliestBreak(ops);
  if (broken === null) return null;
  const operations = smallest(broken.prefix, broken.culprit) ?? [broken.culprit];
  return { operations, culprit: broken.culprit };
}
