// Wing & Gong's search for a linearization, with the memo of Lowe's "just-in-time" variant as
// Porcupine implements it. The history becomes one list of call and return entries in time
// order. Walking it, a call may be linearized now if the model accepts its result from the
// current state: it is then lifted out of the list (with its return) and the walk restarts. A
// return met on the walk belongs to an operation that had to take effect before it and did not:
// the search backtracks to the last choice. The memo remembers every (set of linearized
// operations, model state) already tried, so no configuration is explored twice; that is what
// makes long histories with little concurrency cost about linear time.
import type { HistoryOperation, SearchResult, SequentialModel } from './types';

interface Entry {
  readonly op: number;
  readonly call: boolean;
  readonly time: number;
  prev: Entry | null;
  next: Entry | null;
  /** A call's return entry. */
  match: Entry | null;
}

/** The most configurations a search tries before it gives up as `unknown`. */
export const searchCapDefault = 5_000_000;

function entryList(ops: readonly HistoryOperation<unknown>[]): Entry {
  const entries: Entry[] = [];
  ops.forEach((op, i) => {
    const call: Entry = { op: i, call: true, time: op.invoke, prev: null, next: null, match: null };
    const ret: Entry = { op: i, call: false, time: op.return ?? Infinity, prev: null, next: null, match: null };
    call.match = ret;
    entries.push(call, ret);
  });
  // Calls before returns at equal times: operations that touch in time count as concurrent.
  entries.sort((a, b) => a.time - b.time || (a.call === b.call ? a.op - b.op : a.call ? -1 : 1));
  const head: Entry = { op: -1, call: false, time: -Infinity, prev: null, next: null, match: null };
  let last = head;
  for (const entry of entries) {
    last.next = entry;
    entry.prev = last;
    last = entry;
  }
  return head;
}

function lift(call: Entry): void {
  call.prev!.next = call.next;
  if (call.next !== null) call.next.prev = call.prev;
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next !== null) ret.next.prev = ret.prev;
}

/** Undoes `lift`; lifts are undone in reverse order, so the neighbours are as they were. */
function unlift(call: Entry): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next !== null) ret.next.prev = ret;
  call.prev!.next = call;
  if (call.next !== null) call.next.prev = call;
}

class Bits {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }
  set(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }
  clear(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }
  key(): string {
    return this.words.join(',');
  }
}

/** Whether the operations (all of one partition) have a linearization under the model. */
export function searchLinearization<S, I>(
  model: SequentialModel<S, I>,
  ops: readonly HistoryOperation<I>[],
  cap = searchCapDefault,
): SearchResult {
  const head = entryList(ops);
  const linearized = new Bits(ops.length);
  const tried = new Set<string>();
  const stack: { call: Entry; state: S }[] = [];
  let state = model.init;
  let entry = head.next;
  let explored = 0;
  while (head.next !== null) {
    if (++explored > cap) return { kind: 'unknown', explored };
    if (entry!.call) {
      const after = model.step(state, ops[entry!.op]!.input);
      if (after !== undefined) {
        linearized.set(entry!.op);
        const key = `${model.key(after)}|${linearized.key()}`;
        if (!tried.has(key)) {
          tried.add(key);
          stack.push({ call: entry!, state });
          state = after;
          lift(entry!);
          entry = head.next;
          continue;
        }
        linearized.clear(entry!.op);
      }
      entry = entry!.next;
      continue;
    }
    // A return whose operation has not taken effect: undo the latest choice and try the next.
    const undone = stack.pop();
    if (undone === undefined) return { kind: 'not-linearizable', explored };
    state = undone.state;
    linearized.clear(undone.call.op);
    unlift(undone.call);
    entry = undone.call.next;
  }
  return { kind: 'linearizable', explored };
}
