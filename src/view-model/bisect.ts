// Binary search over items sorted by a number. The timeline's window and hit tests need only this;
// d3-array's `bisector` would do it too, but importing it keeps d3-array's other top-level values
// (blur, shuffle) in every bundle that draws a timeline, a widget's first paint among them.

/** The first index whose key is at least `value` (items.length if none), like d3's `bisectLeft`. */
export function bisectLeft<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose key is above `value` (items.length if none), like d3's `bisectRight`. */
export function bisectRight<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
