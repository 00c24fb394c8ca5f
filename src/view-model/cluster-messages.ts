// Where each message in flight is drawn in the cluster view: a pure function of its send and
// due ticks and the current tick, so the picture at a step is always the same, and motion
// comes only from the tick the player advances (never from an animation loop here).
import type { Envelope } from '../engine';
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
