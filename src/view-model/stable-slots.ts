// Slots for the marks of a picture that is redrawn at every step. Keyed by what each mark shows
// (an arrow's message, a label's event), a jump across a long run replaces every mark, and the
// browser spends the frame removing and creating hundreds of elements; keyed by position, a step
// of play shifts every mark and rewrites them all. A slot is neither: a mark still shown keeps its
// slot, and a new mark takes the slot an old one left. So a step of play changes only the marks
// that came and went, and a jump reuses every element, rewriting its attributes in place.
export class StableSlots {
  private slots = new Map<string | number, number>();

  /** Each item with its slot, in slot order (so the elements never move). Keys must be unique. */
  place<T>(items: readonly T[], keyOf: (item: T) => string | number): { readonly slot: number; readonly item: T }[] {
    const next = new Map<string | number, number>();
    const taken = new Set<number>();
    const keys = items.map(keyOf);
    keys.forEach((key) => {
      const slot = this.slots.get(key);
      if (slot !== undefined) {
        next.set(key, slot);
        taken.add(slot);
      }
    });
    let free = 0;
    const placed = items.map((item, i) => {
      let slot = next.get(keys[i]!);
      if (slot === undefined) {
        while (taken.has(free)) free++;
        slot = free;
        taken.add(slot);
        next.set(keys[i]!, slot);
      }
      return { slot, item };
    });
    this.slots = next;
    return placed.sort((a, b) => a.slot - b.slot);
  }
}
