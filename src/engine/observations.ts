import type { Observation } from './types';

/** One reader's answer kept on a list; a list keeps few (one per rule that reads it). */
interface Kept {
  readonly reader: number;
  readonly value: unknown;
  readonly next: Kept | null;
}

/**
 * What nodes observed, as a persistent list: each world shares every earlier observation with
 * its predecessors, and appending one costs O(1), as with the trace. A copied array did the same
 * job in O(n) per observation, which made a long run quadratic (a 100,000-step Paxos run with
 * every message lost took minutes).
 *
 * It is iterable, oldest first, like the array it replaces; walking it whole costs O(n), so code
 * that runs on every step reads only what is new (`since`, or the kit's `foldObservations`).
 * Every world starts with its own empty list, so a cache keyed by a list never mixes runs of
 * different systems.
 */
export class ObservationList implements Iterable<Observation> {
  /** The newest observation, or null for the empty list. */
  readonly last: Observation | null;
  /** The list without its newest observation. */
  readonly previous: ObservationList | null;
  readonly length: number;
  /**
   * Answers that readers keep on this list, by reader (the kit's `onObservations`): rules that
   * read only the observations are then asked again only when something new was observed. A
   * private field, so it is no part of the list's value: equality, JSON and copies never see it.
   * (A hidden property defined per list and reader cost two-phase commit a fifteenth of its steps.)
   */
  #kept: Kept | null = null;

  private constructor(last: Observation | null, previous: ObservationList | null) {
    this.last = last;
    this.previous = previous;
    this.length = previous === null ? 0 : previous.length + 1;
  }

  /** A new empty list (a fresh one each time: see above). */
  static empty(): ObservationList {
    return new ObservationList(null, null);
  }

  static from(items: Iterable<Observation>): ObservationList {
    let list = ObservationList.empty();
    for (const item of items) list = list.append(item);
    return list;
  }

  /** What reader number `reader` kept on this list, if anything. */
  kept(reader: number): { readonly value: unknown } | undefined {
    for (let at = this.#kept; at !== null; at = at.next) if (at.reader === reader) return at;
    return undefined;
  }

  /** Keeps a reader's answer on this list. */
  keep(reader: number, value: unknown): void {
    this.#kept = { reader, value, next: this.#kept };
  }

  append(observation: Observation): ObservationList {
    return new ObservationList(observation, this);
  }

  /** The list as it was when it held `length` observations (an ancestor of this one). */
  prefix(length: number): ObservationList | null {
    if (length < 0 || length > this.length) return null;
    if (length === this.length) return this;
    let list = this.previous!;
    while (list.length > length) list = list.previous!;
    return list;
  }

  /** The observations after the first `count`, oldest first: O(length − count). */
  since(count: number): Observation[] {
    const out = new Array<Observation>(Math.max(0, this.length - Math.max(0, count)));
    if (out.length === 0) return out;
    out[out.length - 1] = this.last!;
    let list = this.previous!;
    for (let i = out.length - 2; i >= 0; i--, list = list.previous!) out[i] = list.last!;
    return out;
  }

  toArray(): Observation[] {
    return this.since(0);
  }

  [Symbol.iterator](): Iterator<Observation> {
    return this.toArray()[Symbol.iterator]();
  }
}
