// Where the cluster view puts each node. Nodes sit in rows by role (the coordinator above its
// participants), or around a circle when every node has the same role. A partition splits the
// area into side-by-side regions, one per group, with a cut line between them: where a node
// stands then says which side it is on, before any colour does.
import type { NodeId } from '../engine';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Region {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** "side A", "side B"... */
  readonly label: string;
  readonly nodes: readonly NodeId[];
}

export interface ClusterLayout {
  readonly positions: readonly Point[];
  /** One per partition group; empty while the network is whole. */
  readonly regions: readonly Region[];
  /** Dashed lines between regions. */
  readonly cuts: readonly { readonly key: string; readonly x: number; readonly y1: number; readonly y2: number }[];
  readonly nodeRadius: number;
}

export interface ClusterInput {
  readonly nodes: readonly { readonly role: string }[];
  /** Roles in the order their rows go, top to bottom (the protocol's `roles`). */
  readonly roleOrder: readonly string[];
  readonly partition: readonly (readonly NodeId[])[] | null;
  readonly width: number;
  readonly height: number;
  /** Room kept above the top row and below the bottom row for the nodes' text labels. */
  readonly labelPx?: number;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Node ids grouped into rows by role, in role order; roles not listed go last, by first appearance.
 * Consecutive roles of one node each share a row (a producer beside its broker), so a protocol with
 * many single roles does not stack them into thin rows whose labels collide.
 */
function rowsOf(nodes: readonly NodeId[], roleOf: (n: NodeId) => string, roleOrder: readonly string[]): NodeId[][] {
  const order = [...roleOrder];
  for (const n of nodes) if (!order.includes(roleOf(n))) order.push(roleOf(n));
  const byRole = order.map((role) => nodes.filter((n) => roleOf(n) === role)).filter((r) => r.length > 0);
  // A shared row is never wider than the widest role's row (at least two), so captions keep room.
  const widest = Math.max(2, ...byRole.map((r) => r.length));
  const rows: NodeId[][] = [];
  let singles = false;
  for (const row of byRole) {
    const last = rows[rows.length - 1];
    if (row.length === 1 && singles && last !== undefined && last.length < widest) last.push(row[0]!);
    else rows.push(row);
    singles = row.length === 1;
  }
  return rows;
}

function placeRows(rows: readonly NodeId[][], box: Box, out: Point[]): void {
  rows.forEach((row, r) => {
    const y = box.y + ((r + 0.5) * box.height) / rows.length;
    row.forEach((node, i) => {
      out[node] = { x: box.x + ((i + 0.5) * box.width) / row.length, y };
    });
  });
}

function placeCircle(nodes: readonly NodeId[], box: Box, radius: number, out: Point[]): void {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.max(0, Math.min(box.width, box.height) / 2 - radius * 1.6);
  nodes.forEach((node, i) => {
    // Start at the top and go clockwise, so node 0 is always in the same place.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    out[node] = { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  });
}

/**
 * One role in a whole cluster of three or more sits on a circle (a ring of storage nodes reads
 * as a ring); inside a partition's side, nodes stay in rows, so their labels never pile up in a
 * short, wide box.
 */
function placeGroup(nodes: readonly NodeId[], box: Box, input: ClusterInput, radius: number, out: Point[], circle: boolean): void {
  const roleOf = (n: NodeId) => input.nodes[n]!.role;
  const rows = rowsOf(nodes, roleOf, input.roleOrder);
  if (circle && rows.length === 1 && nodes.length >= 3) placeCircle(nodes, box, radius, out);
  else placeRows(rows, box, out);
}

/** The radius a node's disc gets, so the widest row still fits. */
function radiusFor(input: ClusterInput, columns: number, rows: number): number {
  const byWidth = input.width / Math.max(1, columns) / 2.6;
  const byHeight = (input.height - 2 * (input.labelPx ?? 0)) / Math.max(1, rows) / 3.2;
  return Math.max(10, Math.min(34, byWidth, byHeight));
}

export function clusterLayout(given: ClusterInput): ClusterLayout {
  // A box not yet measured (or tiny) still gets a layout, never negative sizes.
  const input = { ...given, width: Math.max(given.width, 120), height: Math.max(given.height, 120) };
  const all = input.nodes.map((_, i) => i);
  const roleOf = (n: NodeId) => input.nodes[n]!.role;
  const rows = rowsOf(all, roleOf, input.roleOrder);
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const positions: Point[] = all.map(() => ({ x: input.width / 2, y: input.height / 2 }));
  const pad = 8;
  const label = input.labelPx ?? 0;
  if (input.partition === null || input.partition.length < 2) {
    const radius = radiusFor(input, widest, rows.length);
    const box = { x: pad, y: pad + label, width: input.width - 2 * pad, height: input.height - 2 * pad - 2 * label };
    placeGroup(all, box, input, radius, positions, true);
    return { positions, regions: [], cuts: [], nodeRadius: radius };
  }
  const groups = input.partition.filter((g) => g.length > 0);
  const total = groups.reduce((sum, g) => sum + g.length, 0);
  const radius = radiusFor(input, total + groups.length, rows.length);
  const regions: Region[] = [];
  const cuts: ClusterLayout['cuts'][number][] = [];
  const gap = 14;
  const usable = input.width - 2 * pad - gap * (groups.length - 1);
  let x = pad;
  groups.forEach((group, g) => {
    // Each region's width follows its node count, but no region gets too narrow to hold a node.
    const width = Math.max(radius * 3, (usable * group.length) / total);
    const box = { x, y: pad + 18 + label, width, height: input.height - 2 * pad - 18 - 2 * label };
    placeGroup(group, box, input, radius, positions, false);
    regions.push({ key: `region-${group.join('-')}`, ...box, y: pad, height: input.height - 2 * pad, label: `side ${String.fromCharCode(65 + g)}`, nodes: group });
    if (g > 0) cuts.push({ key: `cut-${g}`, x: x - gap / 2, y1: pad, y2: input.height - pad });
    x += width + gap;
  });
  return { positions, regions, cuts, nodeRadius: radius };
}
