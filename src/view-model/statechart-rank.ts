// Layering for the statechart drawing: which row each state goes in and its order in the row.
// A small Sugiyama-style pass: break cycles by DFS from the initial state, rank by longest path,
// then order each row by the barycentre of its neighbours, sweeping down and up a few times.
import type { StatechartDescription } from '../protocols/kit/types';

export interface Ranking {
  /** State ids that are drawn as boxes of their own (the leaves). */
  readonly leaves: readonly string[];
  /** Rows, top to bottom, each a list of leaf ids left to right. */
  readonly rows: readonly (readonly string[])[];
  readonly rankOf: ReadonlyMap<string, number>;
}

/** The leaf that stands for a state in the layering: itself, or its initial (else first) leaf descendant. */
export function representative(chart: StatechartDescription, id: string): string {
  let current = id;
  for (let guard = 0; guard < 64; guard++) {
    const children = chart.states.filter((s) => s.parent === current);
    if (children.length === 0) return current;
    current = (children.find((c) => c.initial) ?? children[0]!).id;
  }
  return current;
}

function edgesOf(chart: StatechartDescription): [string, string][] {
  const out: [string, string][] = [];
  for (const t of chart.transitions) {
    if (t.target === null) continue;
    const a = representative(chart, t.source);
    const b = representative(chart, t.target);
    if (a !== b) out.push([a, b]);
  }
  return out;
}

export function rankStates(chart: StatechartDescription): Ranking {
  const parents = new Set(chart.states.map((s) => s.parent).filter((p): p is string => p !== null));
  const leaves = chart.states.filter((s) => !parents.has(s.id)).map((s) => s.id);
  const edges = edgesOf(chart);
  const out = new Map<string, string[]>(leaves.map((l) => [l, []]));
  for (const [a, b] of edges) if (out.has(a) && out.has(b)) out.get(a)!.push(b);

  // Depth-first from the initial leaf, then from the rest in declared order; an edge to a
  // state still on the stack closes a cycle and is left out of the ranking.
  const roots = chart.states.filter((s) => s.parent === null);
  const start = representative(chart, (roots.find((s) => s.initial) ?? roots[0])?.id ?? leaves[0] ?? '');
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const forward: [string, string][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    for (const next of out.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') continue;
      forward.push([node, next]);
      if (seen === undefined) visit(next);
    }
    state.set(node, 'done');
    order.push(node);
  };
  for (const leaf of [start, ...leaves]) if (out.has(leaf) && !state.has(leaf)) visit(leaf);

  // Longest path from the sources, in topological order (reverse post-order).
  const rank = new Map<string, number>(leaves.map((l) => [l, 0]));
  const topo = order.slice().reverse();
  for (const node of topo)
    for (const [a, b] of forward) if (a === node) rank.set(b, Math.max(rank.get(b)!, rank.get(a)! + 1));

  const depth = Math.max(0, ...rank.values());
  const rows: string[][] = Array.from({ length: depth + 1 }, () => []);
  for (const node of topo) rows[rank.get(node)!]!.push(node);
  orderRows(rows, forward);
  return { leaves, rows, rankOf: rank };
}

/** Barycentre ordering: each state moves towards the average position of its neighbours. */
function orderRows(rows: string[][], edges: readonly [string, string][]): void {
  const position = new Map<string, number>();
  const remember = () => rows.forEach((row) => row.forEach((id, i) => position.set(id, i)));
  remember();
  const sweep = (r: number, neighbours: (id: string) => string[]) => {
    const row = rows[r]!;
    const weight = new Map<string, number>();
    row.forEach((id, i) => {
      const ns = neighbours(id).filter((n) => position.has(n));
      weight.set(id, ns.length === 0 ? i : ns.reduce((s, n) => s + position.get(n)!, 0) / ns.length);
    });
    // Array.prototype.sort is stable, so ties keep their current order.
    row.sort((a, b) => weight.get(a)! - weight.get(b)!);
    remember();
  };
  const up = (id: string) => edges.filter(([, b]) => b === id).map(([a]) => a);
  const down = (id: string) => edges.filter(([a]) => a === id).map(([, b]) => b);
  for (let pass = 0; pass < 3; pass++) {
    for (let r = 1; r < rows.length; r++) sweep(r, up);
    for (let r = rows.length - 2; r >= 0; r--) sweep(r, down);
  }
}
