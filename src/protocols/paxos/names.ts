/** "A1", "A1 and A2", "A1, A2 and A3". */
export function nameListOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
