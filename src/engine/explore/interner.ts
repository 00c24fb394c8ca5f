// The one cache a search keeps of "the canonical id of this part". Worlds share their unchanged
// parts (node records, envelopes, timers, observation lists, and the message bodies, machine states
// and persisted records inside them) with their predecessors, so the text of each part is made
// once, given a small number, and the number is remembered on the object. A world's fingerprint is
// then built from a handful of numbers (see world-fingerprint.ts).
//
// An interner belongs to one search and is dropped with it: its text table holds one entry per
// distinct part that search met, and nothing outlives it. Its numbers mean nothing to any other
// search, so an id left on an object by an earlier search is ignored (each interner has its own
// tag) and overwritten.

// The id lives on the part itself, as a hidden property under a private symbol: a lookup in a
// table for each part cost the checker a third of its time. It is not enumerable, so spreads, JSON
// and equality in tests never see it, and a copy never inherits a stale id. One symbol serves every
// search, so a part met by several searches keeps one shape, which keeps the lookup fast.
//
// Ids are numbered from one count shared by every interner, each interner's from where the count
// stood when it was made; it works with its own ids less that start, so the numbers it hands out
// are small. An id found on a part that is below the start was left by an earlier search and is
// ignored (and overwritten). Numbers are never handed out twice, so even two searches run in turns
// can never take two different parts for one: at worst they would count one part as two.
const idSlot = Symbol('part id');

interface Tagged {
  [idSlot]?: number;
}

/** How many ids every interner so far has handed out. */
let issued = 0;

export class Interner {
  /** The first id this interner hands out, as a number of the shared count. */
  private readonly start = issued;
  private readonly texts = new Map<string, number>();
  /** Cheap keys made of small numbers (see `packedId`). */
  private readonly packed = new Map<number, number>();
  /** Parts that cannot take a property (frozen objects) keep their ids here. */
  private readonly sealed = new WeakMap<object, number>();

  /** The number of distinct part texts met so far. */
  get size(): number {
    return this.texts.size;
  }

  /** The id of a text: equal texts, equal ids. */
  intern(text: string): number {
    let id = this.texts.get(text);
    if (id === undefined) {
      id = issued++ - this.start;
      this.texts.set(text, id);
    }
    return id;
  }

  /** The id this search gave the part, or -1 if it has not given one yet. */
  held(part: object): number {
    const held = (part as Tagged)[idSlot];
    if (held !== undefined && held >= this.start) return held - this.start;
    return this.sealed.get(part) ?? -1;
  }

  /** Remembers `id` as the part's id for this search, and returns it. */
  remember(part: object, id: number): number {
    if ((part as Tagged)[idSlot] !== undefined) {
      // Met by an earlier search: the property is overwritten in place (unless frozen since).
      if (Reflect.set(part, idSlot, id + this.start)) return id;
    } else if (Object.isExtensible(part)) {
      Object.defineProperty(part, idSlot, { value: id + this.start, writable: true });
      return id;
    }
    this.sealed.set(part, id);
    return id;
  }

  /** The part's id: the one held, or that of its text, made once. */
  idOf<T extends object>(part: T, text: (part: T) => string): number {
    const held = this.held(part);
    return held >= 0 ? held : this.remember(part, this.intern(text(part)));
  }

  /**
   * The id of a part whose text is made of a few small numbers, looked up by those numbers packed
   * into one (exact below 2^53), so its text is built and interned only the first time; -1 the
   * first time, when the caller makes the text and gives the id with `setPacked`.
   */
  packedId(key: number): number {
    return this.packed.get(key) ?? -1;
  }

  setPacked(key: number, id: number): number {
    this.packed.set(key, id);
    return id;
  }
}
