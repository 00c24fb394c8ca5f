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

// The id lives on the part itself, as a private field: a lookup in a table for each part cost the
// checker a third of its time. A private field is invisible to spreads, JSON, `Object.keys`,
// symbols and equality in tests, so a copy never inherits a stale id. It is added to objects the
// engine and protocols made with the standard "return override": a base class whose constructor
// returns the object it is given, so the subclass's field initialiser installs the field on that
// object. A hidden property set with `Object.defineProperty` did the same at twice the cost (it
// was a tenth of quorum replication's search). One field serves every search, so a part met by
// several searches keeps one shape, which keeps the lookup fast.

/** A constructor that returns the object it is given rather than a new one (see above). */
class Given {
  constructor(part: object) {
    return part;
  }
}

/** The private id field, added to a part by `new Stamp(part, id)`. */
class Stamp extends Given {
  #id: number;

  private constructor(part: object, id: number) {
    super(part);
    this.#id = id;
  }

  /** The id stamped on the part, or undefined. */
  static read(part: object): number | undefined {
    return #id in part ? (part as Stamp).#id : undefined;
  }

  /** Stamps the part with the id (it must be extensible: see `remember`). */
  static write(part: object, id: number): void {
    if (#id in part) (part as Stamp).#id = id;
    else new Stamp(part, id);
  }
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
    const held = Stamp.read(part);
    if (held !== undefined && held >= this.start) return held - this.start;
    return this.sealed.get(part) ?? -1;
  }

  /** Remembers `id` as the part's id for this search, and returns it. */
  remember(part: object, id: number): number {
    // A part that cannot take a property keeps its id in a table (the language may come to refuse
    // private fields on such objects too). One met by an earlier search is stamped anew.
    if (Object.isExtensible(part)) Stamp.write(part, id + this.start);
    else this.sealed.set(part, id);
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
