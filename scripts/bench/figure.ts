// One measured figure beside its budget (docs/ARCHITECTURE.md §7).
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The budget, when DESIGN.md sets one for this figure. */
  readonly budget?: { readonly limit: number; readonly atLeast: boolean };
  readonly note?: string;
}

export function verdict(figure: Figure): string {
  if (figure.budget === undefined) return '';
  const { limit, atLeast } = figure.budget;
  // Compared at the precision printed: browsers report frame times in steps of 0.1 ms, so a
  // frame of exactly one refresh (16.7 ms) must not read as over a 16.7 ms budget.
  const value = Number(format(figure.value).replace(/,/g, ''));
  const ok = atLeast ? value >= limit : value <= limit;
  return `${ok ? 'within' : 'OVER'} (${atLeast ? '≥' : '≤'} ${format(limit)})`;
}

export function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, `${format(f.value)} ${f.unit}`, verdict(f), f.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(['figure', 'value', 'budget', 'note']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values: readonly number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}
