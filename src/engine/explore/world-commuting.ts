// Which of a world's choices commute, for the checker's partial-order reduction (sleep sets, see
// check-model.ts). Two choices are independent in a world when both orders lead to worlds with one
// key and neither choice disables the other. That holds when they touch disjoint things:
//
// - delivering a message touches its receiver (state, timers, log, observations, whether it is
//   up) and reads the partition; firing a timer or a client operation touches its node (what a
//   node offers depends on that node alone); crashing or restarting touches that node;
// - delivering, dropping or duplicating a message touches that message; firing, that timer;
// - a partition or a heal changes the partition, which every delivery reads;
// - a fault spends its kind's budget: two faults of one kind clash when only one is left;
// - where invariants read the order of observations (`orderedObservations`), every step a node
//   takes may add one, so node steps all clash.
//
// Sends touch nothing of anyone else's: a message's id, and the ticks, differ with the order but
// are not part of a world's key. That holds only while no node reads the clock: where one does
// (`readsClock`), ticks decide what it does, two worlds with one key can have different futures,
// and sleep sets, which rely on one world of a key standing for all of them, are not used. Near a
// cap (messages in flight, timers, observations, steps, the trace), where the order decides which
// step halts the run, nothing is declared independent either.
import type { Choice } from '../choice';
import { faultKind, faultKinds, type FaultBudget } from '../fault-kinds';
import { traceLength } from '../trace';
import type { World } from '../world';
import type { Commuting } from './model';

/** Node bits 0..23; then one bit per fault kind; then the partition and the observations. */
const maxNodes = 24;
const budgetBit = (kindIndex: number) => 1 << (maxNodes + kindIndex);
const networkBit = 1 << (maxNodes + faultKinds.length);
const observationsBit = networkBit << 1;

/** How close to a cap the reduction stops: more than any one step of our protocols adds. */
const capMargin = 256;

function nearCap(world: World): boolean {
  const { bounds } = world.system;
  return (
    world.messages.length + capMargin >= bounds.maxInFlight ||
    world.timers.length + capMargin >= bounds.maxTimers ||
    world.observations.length + capMargin >= bounds.maxObservations ||
    traceLength(world.trace) + 16 * capMargin >= bounds.maxTraceEvents ||
    world.step + 2 >= bounds.maxSteps
  );
}

/**
 * A reusable table for the choices of one world at a time (the checker expands one state at a
 * time): `commuting(world, budgetLeft, choices)` fills it, or returns null where it cannot say.
 */
export function worldCommuting(): (world: World, left: FaultBudget, choices: readonly Choice[]) => Commuting | null {
  let footprints = new Footprints(64);
  const ops = new Map<string, number>();
  const opIndex = (op: string) => {
    let index = ops.get(op);
    if (index === undefined) ops.set(op, (index = ops.size));
    return index;
  };
  const table: Commuting = {
    key: (i) => footprints.keys[i]!,
    independent(a, b) {
      const { writes, reads, items } = footprints;
      if ((writes[a]! & (writes[b]! | reads[b]!)) !== 0 || (reads[a]! & writes[b]!) !== 0) return false;
      return items[a]! < 0 || items[a] !== items[b];
    },
  };
  let clocked: boolean | undefined;
  return (world, left, choices) => {
    clocked ??= world.system.nodes.some((node) => node.behaviour.readsClock !== undefined);
    if (clocked || world.nodes.length > maxNodes || nearCap(world)) return null;
    if (footprints.keys.length < choices.length) footprints = new Footprints(2 * choices.length);
    const ordered = (world.system.orderedObservations ?? false) !== false;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i]!;
      if (!describe(world, choice, opIndex, i, footprints)) return null;
      let writes = footprints.writes[i]! | spendBit(choice, left);
      if (ordered && runsNode(choice)) writes |= observationsBit;
      footprints.writes[i] = writes;
    }
    return table;
  };
}

/** Whether the choice runs a node's handler, which may observe something. */
const runsNode = (choice: Choice) => choice.type === 'deliver' || choice.type === 'fire' || choice.type === 'client' || choice.type === 'restart';

/** The budget bit a fault spends, when spending it could disable another fault of its kind. */
function spendBit(choice: Choice, left: FaultBudget): number {
  const kind = faultKind(choice);
  if (kind === null || left[kind] >= 2) return 0;
  return budgetBit(faultKinds.findIndex((k) => k.kind === kind));
}

/** What each choice of one world touches, by its index. */
class Footprints {
  /** The same number for the same choice in every world reached by choices that commute with it. */
  readonly keys: Float64Array;
  readonly writes: Int32Array;
  readonly reads: Int32Array;
  /** The message or timer it takes (ids are unique across both), or -1. */
  readonly items: Float64Array;

  constructor(size: number) {
    this.keys = new Float64Array(size);
    this.writes = new Int32Array(size);
    this.reads = new Int32Array(size);
    this.items = new Float64Array(size);
  }

  set(i: number, key: number, writes: number, reads: number, item: number): true {
    this.keys[i] = key;
    this.writes[i] = writes;
    this.reads[i] = reads;
    this.items[i] = item;
    return true;
  }
}

const slots = 16;

/** Writes the footprint of choice `i` into `out`; false for a choice it cannot describe. */
function describe(world: World, choice: Choice, opIndex: (op: string) => number, i: number, out: Footprints): boolean {
  switch (choice.type) {
    case 'deliver': {
      const message = world.messages.find((m) => m.id === choice.id);
      if (message === undefined) return false;
      return out.set(i, choice.id * slots, 1 << message.to, networkBit, choice.id);
    }
    case 'drop':
      return out.set(i, choice.id * slots + 1, 0, 0, choice.id);
    case 'duplicate':
      return out.set(i, choice.id * slots + 2, 0, 0, choice.id);
    case 'fire': {
      const timer = world.timers.find((t) => t.id === choice.id);
      return timer !== undefined && out.set(i, choice.id * slots + 3, 1 << timer.node, 0, choice.id);
    }
    case 'crash':
      return out.set(i, choice.node * slots + 4, 1 << choice.node, 0, -1);
    case 'restart':
      return out.set(i, choice.node * slots + 5, 1 << choice.node, 0, -1);
    case 'client':
      return out.set(i, (opIndex(choice.op) * maxNodes + choice.node) * slots + 6, 1 << choice.node, 0, -1);
    case 'partition': {
      // `enabled` offers a partition that cuts off one node; other cuts are not told apart here.
      const only = choice.groups.length === 1 && choice.groups[0]!.length === 1 ? choice.groups[0]![0]! : -1;
      return only >= 0 && out.set(i, only * slots + 7, networkBit, 0, -1);
    }
    case 'heal':
      return out.set(i, 8, networkBit, 0, -1);
    case 'network':
      return false;
  }
}
