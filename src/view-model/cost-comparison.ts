// A protocol's comparison workload (`Protocol.comparison`) played under each of its settings,
// same steps and seed, and the costs of each run at its end put side by side as a table.
import { traceToArray, type RunSpec } from '../engine';
import { playScenario } from '../protocols/kit/scenario';
import type { CostComparison, Protocol } from '../protocols/kit/types';
import { costLedger, costsAt, type CostView } from './costs';

export interface ComparisonColumn {
  readonly label: string;
  /** The run, to open in a simulator. */
  readonly run: RunSpec;
}

export interface ComparisonRow {
  readonly label: string;
  /** One per column; null where the run has nothing to say (no such operation). */
  readonly values: readonly (number | null)[];
}

export interface ComparisonTable {
  readonly columns: readonly ComparisonColumn[];
  readonly rows: readonly ComparisonRow[];
  /** What went wrong compiling the workload, per setting, or null. */
  readonly problems: readonly string[];
}

interface Played {
  readonly column: ComparisonColumn;
  readonly view: CostView;
}

function play(protocol: Protocol, comparison: CostComparison, setting: CostComparison['settings'][number]): Played {
  const scenario = { id: 'comparison', title: comparison.title, summary: comparison.summary, config: setting.config, steps: comparison.steps };
  const { run, world } = playScenario(protocol, scenario);
  const events = traceToArray(world.trace);
  const ledger = costLedger(events, protocol.costs, (node) => world.system.nodes[node]?.role);
  return { column: { label: setting.label, run }, view: costsAt(ledger, world.step, world.tick, () => '') };
}

/** The comparison table: the protocol's counters and the mean latency per action, one column per setting. */
export function costComparison(protocol: Protocol, comparison: CostComparison): ComparisonTable {
  const played: Played[] = [];
  const problems: string[] = [];
  for (const setting of comparison.settings) {
    try {
      played.push(play(protocol, comparison, setting));
    } catch (error) {
      problems.push(`${setting.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const counters = protocol.costs.map((counter) => ({
    label: counter.label,
    values: played.map((p) => p.view.totals.find((t) => t.id === counter.id)?.value ?? null),
  }));
  const actions = [...new Set(played.flatMap((p) => p.view.means.map((m) => m.action)))];
  const latencies = actions.map((action) => ({
    label: `mean ${action} latency (ticks)`,
    values: played.map((p) => p.view.means.find((m) => m.action === action)?.ticks ?? null),
  }));
  return { columns: played.map((p) => p.column), rows: [...counters, ...latencies], problems };
}
