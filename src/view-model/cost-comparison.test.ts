import { describe, expect, it } from 'vitest';
import { replay } from '../engine';
import { protocols } from '../protocols/registry';
import { costComparison } from './cost-comparison';

const comparing = protocols.filter((p) => p.comparison !== undefined);

describe('cost comparisons', () => {
  it('exist only for protocols that declare costs', () => {
    expect(comparing.length).toBeGreaterThan(0);
    for (const protocol of comparing) expect(protocol.costs.length).toBeGreaterThan(0);
  });

  for (const protocol of comparing)
    describe(protocol.id, () => {
      const comparison = protocol.comparison!;
      const table = costComparison(protocol, comparison);

      it('plays the workload under every setting, with the same steps and seed', () => {
        expect(table.problems).toEqual([]);
        expect(table.columns.map((c) => c.label)).toEqual(comparison.settings.map((s) => s.label));
        expect(new Set(table.columns.map((c) => c.run.seed)).size).toBe(1);
      });

      it('gives a number for every counter in every column, then the mean latency of each kind of operation', () => {
        expect(table.rows.slice(0, protocol.costs.length).map((r) => r.label)).toEqual(protocol.costs.map((c) => c.label));
        for (const row of table.rows.slice(0, protocol.costs.length)) for (const value of row.values) expect(value).toBeGreaterThanOrEqual(0);
        for (const row of table.rows.slice(protocol.costs.length)) expect(row.label).toMatch(/^mean \S+ latency \(ticks\)$/);
      });

      it('opens each column as a run that replays', () => {
        for (const { run } of table.columns) expect(replay(protocol.build(run.config, run.variant), run.seed, run.choices).ok).toBe(true);
      });
    });
});
