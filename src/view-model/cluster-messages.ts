// Where each message in flight is drawn in the cluster view: a pure function of its send and
// due ticks and the current tick, so the picture at a step is always the same, and motion
// comes only from the tick the player advances (never from an animation loop here).
import type { Envelope } from '../engine';
import { chipRect, placeChips, type ChipSize, type Rect } from './chip-spread';
import type { Point } from './cluster-layout';

export interface MessageSpot {
  readonly envelope: Envelope;
  readonly x: number;
  readonly y: number;
  /** 0 at the sender, 1 at the receiver. */
  readonly progress: number;
  /** Past its due tick and still not delivered (another choice went first). */
  readonly overdue: boolean;
}

/** How far along its way a message is at `tick`, from 0 to 1. */
export function messageProgress(envelope: Envelope, tick: number): number {
  const span = envelope.deliverTick - envelope.sentTick;
  if (span <= 0) return 1;
  return Math.max(0, Math.min(1, (tick - envelope.sentTick) / span));
}

/**
 * The spots of all messages in flight. A message moves on a straight line from the rim of its
 * sender's disc to the rim of its receiver's, shifted to its left so that replies travelling the
 * other way pass beside it; messages on the same path at nearly the same place are stacked
 * further out so none hides another.
 */
export function messageSpots(
  messages: readonly Envelope[],
  tick: number,
  positions: readonly Point[],
  nodeRadius: number,
  spacingPx = 16,
): MessageSpot[] {
  const taken = new Map<string, number>();
  return messages.map((envelope) => {
    const a = positions[envelope.from] ?? { x: 0, y: 0 };
    const b = positions[envelope.to] ?? { x: 0, y: 0 };
    const progress = messageProgress(envelope, tick);
    if (envelope.from === envelope.to) {
      // A message to oneself loops above the node.
      return { envelope, x: a.x, y: a.y - nodeRadius * (1.3 + progress), progress, overdue: tick > envelope.deliverTick };
    }
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const rim = Math.min(nodeRadius + 14, length / 2);
    const along = rim + (length - 2 * rim) * progress;
    const bucket = `${envelope.from}>${envelope.to}@${Math.round(progress * 6)}`;
    const stack = taken.get(bucket) ?? 0;
    taken.set(bucket, stack + 1);
    const side = spacingPx * (0.6 + stack);
    // (uy, -ux) is the left-hand normal of the direction of travel in screen coordinates.
    return {
      envelope,
      x: a.x + ux * along + uy * side,
      y: a.y + uy * along - ux * side,
      progress,
      overdue: tick > envelope.deliverTick,
    };
  });
}

/** The most message chips the cluster draws; the rest are counted on one chip with a list on demand. */
export const CLUSTER_CHIPS_MAX = 24;
/** The most kinds of hidden message the list names. */
export const HIDDEN_KINDS_MAX = 12;

/** What the chips must leave room for, and how big each chip is (see chip-spread.ts). */
export interface ChipRoom {
  readonly sizeOf: (envelope: Envelope) => ChipSize;
  /** Each node's disc and words. */
  readonly obstacles: readonly Rect[];
}

/** Hidden messages of one kind: one type, from one node to another. */
export interface HiddenKind {
  readonly key: string;
  readonly type: string;
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** The earliest due of them: the one a pick from the list acts on. */
  readonly first: Envelope;
}

export interface ClusterMessages {
  /** The chips drawn: the messages due first, at most `CLUSTER_CHIPS_MAX`. */
  readonly spots: readonly MessageSpot[];
  /** One dotted path per pair of nodes with anything in flight between them. */
  readonly paths: readonly { readonly key: string; readonly from: number; readonly to: number }[];
  /** The chip standing for every other message ("+1,994 more"), or null when all have chips. */
  readonly more: {
    readonly count: number;
    readonly x: number;
    readonly y: number;
    /** Earliest due first, at most `HIDDEN_KINDS_MAX`. */
    readonly kinds: readonly HiddenKind[];
    /** Kinds beyond those listed. */
    readonly otherKinds: number;
  } | null;
}

const dueOrder = (a: Envelope, b: Envelope) => a.deliverTick - b.deliverTick || a.id - b.id;

function hiddenKinds(hidden: readonly Envelope[]): HiddenKind[] {
  const counts = new Map<string, { first: Envelope; count: number }>();
  for (const m of hidden) {
    const key = `${m.from}>${m.to}:${m.body.type}`;
    const kind = counts.get(key);
    if (kind === undefined) counts.set(key, { first: m, count: 1 });
    else kind.count++;
  }
  return [...counts].map(([key, { first, count }]) => ({ key, type: first.body.type, from: first.from, to: first.to, count, first }));
}

/** The "+N more" chip's size, at most (a touch screen makes it 44 px tall). */
const MORE = { width: 120, height: 44 };

/**
 * Where the "+N more" chip goes: the first corner, top right first, that no node's words or chip
 * covers; in a narrow picture with every corner taken (a phone), the first free place scanning
 * from the top right; failing that, the top right corner.
 */
function moreCorner(box: { readonly width: number; readonly height: number }, taken: readonly Rect[]): { x: number; y: number } {
  const free = (x: number, y: number) => !taken.some((o) => x + MORE.width / 2 > o.x && x - MORE.width / 2 < o.x + o.width && y + MORE.height / 2 > o.y && y - MORE.height / 2 < o.y + o.height);
  const right = Math.max(MORE.width / 2, box.width - 70);
  const bottom = Math.max(18, box.height - 18);
  const corners = [{ x: right, y: 18 }, { x: right, y: bottom }, { x: 70, y: bottom }, { x: 70, y: 18 }];
  const corner = corners.find((c) => free(c.x, c.y));
  if (corner !== undefined || taken.length === 0) return corner ?? corners[0]!;
  for (let y = 18; y <= bottom; y += 12) for (let x = right; x >= MORE.width / 2; x -= 12) if (free(x, y)) return { x, y };
  return corners[0]!;
}

/**
 * The chips that have room (chip-spread.ts), the first due placed first, in sending order; the
 * messages whose chips have none; and where the "+N more" chip goes. When any message goes
 * without a chip, the "+N more" chip's place is kept free of chips first, so it covers none.
 */
function fitChips(raw: readonly MessageSpot[], hiddenAlready: boolean, room: ChipRoom, box: { readonly width: number; readonly height: number }) {
  const due = [...raw].sort((a, b) => dueOrder(a.envelope, b.envelope));
  const sizeOf = (s: MessageSpot) => room.sizeOf(s.envelope);
  const corner = moreCorner(box, room.obstacles);
  let fit = placeChips(due, sizeOf, room.obstacles, box);
  if (hiddenAlready || fit.crowded.length > 0) fit = placeChips(due, sizeOf, [...room.obstacles, chipRect(corner, MORE)], box);
  const at = new Map(fit.placed.map((s) => [s.envelope.id, s]));
  return { spots: raw.flatMap((s) => at.get(s.envelope.id) ?? []), crowded: fit.crowded.map((s) => s.envelope), corner };
}

/** The most chips stacked at one place on one path; more would climb out of the picture. */
export const CHIPS_PER_PLACE_MAX = 3;

/** Where on its path a message's chip sits, coarsely: chips in one place stack. */
const placeOf = (m: Envelope, tick: number) => `${m.from}>${m.to}@${Math.round(messageProgress(m, tick) * 6)}`;

/**
 * What the cluster draws of the messages in flight, whatever their number: a chip for each of
 * the first due (the ones the next steps deliver), at most a few stacked in one place, a path per
 * pair of nodes, and one chip in the top corner counting the rest. A link can put thousands of
 * messages in flight; a chip and a path for each cost seconds a step (issue 8), and no one could
 * read them.
 */
export function clusterMessages(
  messages: readonly Envelope[],
  tick: number,
  positions: readonly Point[],
  nodeRadius: number,
  box: { readonly width: number; readonly height: number },
  chipsMax = CLUSTER_CHIPS_MAX,
  room?: ChipRoom,
): ClusterMessages {
  const pairs = new Map<string, { key: string; from: number; to: number }>();
  for (const m of messages) {
    const key = `${m.from}>${m.to}`;
    if (!pairs.has(key)) pairs.set(key, { key, from: m.from, to: m.to });
  }
  const stacked = new Map<string, number>();
  const chosen = new Set<number>();
  const hidden: Envelope[] = [];
  for (const m of [...messages].sort(dueOrder)) {
    const place = placeOf(m, tick);
    const here = stacked.get(place) ?? 0;
    if (chosen.size < chipsMax && here < CHIPS_PER_PLACE_MAX) {
      stacked.set(place, here + 1);
      chosen.add(m.id);
    } else hidden.push(m);
  }
  // Chips keep the order of sending, so a chip does not jump when others leave.
  const raw = messageSpots(hidden.length === 0 ? messages : messages.filter((m) => chosen.has(m.id)), tick, positions, nodeRadius);
  const fitted = room === undefined ? { spots: raw, crowded: [], corner: moreCorner(box, []) } : fitChips(raw, hidden.length > 0, room, box);
  const spots = fitted.spots;
  hidden.push(...fitted.crowded);
  hidden.sort(dueOrder);
  if (hidden.length === 0) return { spots, paths: [...pairs.values()], more: null };
  const kinds = hiddenKinds(hidden);
  return {
    spots,
    paths: [...pairs.values()],
    more: {
      count: hidden.length,
      ...fitted.corner,
      kinds: kinds.slice(0, HIDDEN_KINDS_MAX),
      otherKinds: Math.max(0, kinds.length - HIDDEN_KINDS_MAX),
    },
  };
}
