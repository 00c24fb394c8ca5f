// The timed search. By default the checker ignores due times: any message or timer may come next,
// so a timer may fire while another, due sooner, still waits. That is an untimed superset of what
// can happen: it misses no breach, but a protocol whose safety rests on time (a session timeout
// longer than the heartbeat, a cache entry that expires after its TTL, a lease) looks broken in
// runs no clock allows. A timed search follows the clock: clocks are exact, so timers fire at
// their due tick and in that order; a message arrives no earlier than its due tick and, with a
// delay bound, no more than that many ticks after it. Faults and client operations happen at any
// moment. Time moves only with deliveries and timers, so the state key must hold what is left of
// each deadline (`relativeDue`), never the absolute tick.
import type { Choice } from '../choice';
import type { Envelope, Timer } from '../types';
import type { World } from '../world';

export interface Timing {
  /** The most ticks a message may arrive after its due tick; null: any time later (an asynchronous network). */
  readonly maxDelay: number | null;
}

/** The latest tick the clock may reach before something must happen: the first timer due, or a message's last moment. */
export function deadline(world: World, timing: Timing): number {
  let limit = Infinity;
  for (const t of world.timers) if (t.dueTick < limit) limit = t.dueTick;
  if (timing.maxDelay !== null) for (const m of world.messages) if (m.deliverTick + timing.maxDelay < limit) limit = m.deliverTick + timing.maxDelay;
  // A run that reached this world off the clock (an opening played in any order) is let catch
  // up: what is overdue may happen now.
  return Math.max(limit, world.tick);
}

/**
 * The choices the clock allows, in their order: a timer only when it is the first due (ties in
 * any order) and no message's last moment comes before it; a delivery only when its tick (its
 * due tick, or now if that has passed) does not pass the deadline. Everything else happens now.
 */
export function onTime(world: World, choices: readonly Choice[], timing: Timing): Choice[] {
  const limit = deadline(world, timing);
  if (limit === Infinity) return choices as Choice[];
  return choices.filter((choice) => {
    if (choice.type === 'fire') return world.timers.find((t) => t.id === choice.id)!.dueTick <= limit;
    if (choice.type === 'deliver') return Math.max(world.tick, world.messages.find((m) => m.id === choice.id)!.deliverTick) <= limit;
    return true;
  });
}

/**
 * What is left of a timer's or a message's deadline, as part of a timed state key. A timer is
 * never late in a timed run, so it is 0 or more. A message's due tick that has passed counts as
 * 0 on an asynchronous network (it may come at any time from now on); with a delay bound, how
 * late it is matters, and it is at least minus that bound.
 */
export function relativeDue(world: World, item: Timer | Envelope, timing: Timing): number {
  if ('dueTick' in item) return item.dueTick - world.tick;
  const left = item.deliverTick - world.tick;
  return timing.maxDelay === null ? Math.max(0, left) : left;
}

/** The timed search's rule in words, for the CLI's summary. */
export function timingWords(timing: Timing | null): string {
  if (timing === null)
    return 'the search ignores due times: it misses no breach, but a run it finds may fire a timer early or late, as no clock would, and its narration says where (--timed follows the clock)';
  const late = timing.maxDelay === null ? 'at any time after its due tick' : `at most ${timing.maxDelay} ticks after its due tick`;
  return `timed search: timers fire at their due tick, in order; a message arrives ${late}; faults and client operations come at any moment`;
}
