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
  /** Per node: whether its words go above its disc (the top row's) or below it. */
  readonly above: readonly boolean[];
  /** The height the nodes' words need in all, stacked row by row (twice `labelPx` without `captionPx`). */
  readonly captionTotal: number;
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
  /**
   * The height of each node's words (name, state, facts, badges). When given, rows are spaced by
   * what they hold: the top row's words above it, every other row's below it, so a middle row's
   * words never run into the next row (a consumer's above the sink), and `labelPx` is not used.
   */
  readonly captionPx?: readonly number[];
  /**
   * Room kept between two rows for the chips of messages in flight between them (with
   * `captionPx`): a narrow picture otherwise has the rows' words touching and no chip fits.
   */
  readonly chipGapPx?: number;
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

/** The room each row's words take: the top row's above it, then each row's below it. */
function rowNeeds(rows: readonly NodeId[][], captionPx: readonly number[]): { above: number; below: number[] } {
  const most = (row: readonly NodeId[]) => Math.max(0, ...row.map((n) => captionPx[n] ?? 0));
  const stacked = rows.length > 1;
  return { above: stacked ? most(rows[0]!) : 0, below: rows.map((row, r) => (stacked && r === 0 ? 0 : most(row))) };
}

/** Where each node's words go: above its disc (the top row of a stack, the top half of a circle) or below. */
type Above = boolean[];

function placeRows(rows: readonly NodeId[][], box: Box, out: Point[], above: Above, radius: number, captionPx?: readonly number[], chipGap = 0): void {
  const y = (r: number) => box.y + ((r + 0.5) * box.height) / rows.length;
  let ys = rows.map((_, r) => y(r));
  if (captionPx !== undefined) {
    // The words and discs are stacked in order; what height is left is shared out evenly before,
    // between and after the rows, and a box too short for them squeezes everything alike.
    const needs = rowNeeds(rows, captionPx);
    const disc = 2 * radius + 6;
    const fixed = needs.above + needs.below.reduce((a, b) => a + b, 0) + rows.length * disc + (rows.length - 1) * chipGap;
    const slot = Math.max(0, box.height - fixed) / (rows.length + 1);
    const scale = Math.min(1, box.height / Math.max(1, fixed));
    let cursor = box.y + slot + needs.above * scale;
    ys = rows.map((_, r) => {
      const at = cursor + (disc / 2) * scale;
      cursor += (disc + needs.below[r]! + chipGap) * scale + slot;
      return at;
    });
  }
  rows.forEach((row, r) => {
    row.forEach((node, i) => {
      out[node] = { x: box.x + ((i + 0.5) * box.width) / row.length, y: ys[r]! };
      above[node] = rows.length > 1 && r === 0;
    });
  });
}

function placeCircle(nodes: readonly NodeId[], box: Box, radius: number, out: Point[], above: Above): void {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.max(0, Math.min(box.width, box.height) / 2 - radius * 1.6);
  nodes.forEach((node, i) => {
    // Start at the top and go clockwise, so node 0 is always in the same place.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    out[node] = { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
    above[node] = out[node].y < cy - 1;
  });
}

/**
 * One role in a whole cluster of three or more sits on a circle (a ring of storage nodes reads
 * as a ring); inside a partition's side, nodes stay in rows, so their labels never pile up in a
 * short, wide box.
 */
function placeGroup(nodes: readonly NodeId[], box: Box, input: ClusterInput, radius: number, out: Point[], above: Above, circle: boolean): void {
  const roleOf = (n: NodeId) => input.nodes[n]!.role;
  const rows = rowsOf(nodes, roleOf, input.roleOrder);
  if (circle && isCircle(input, rows) && nodes.length >= 3) placeCircle(nodes, box, radius, out, above);
  else placeRows(rows, box, out, above, radius, input.captionPx, input.chipGapPx);
}

/** The radius a node's disc gets, so the widest row still fits. */
function radiusFor(input: ClusterInput, columns: number, rows: number): number {
  const byWidth = input.width / Math.max(1, columns) / 2.6;
  const words = 2 * bandOf(input) + captionTotalOf(input) + (input.captionPx === undefined ? 0 : (rows - 1) * (input.chipGapPx ?? 0));
  const byHeight = (input.height - words) / Math.max(1, rows) / 3.2;
  return Math.max(10, Math.min(34, byWidth, byHeight));
}

/** What the words' room depends on: never the box's size. */
type WordsInput = Pick<ClusterInput, 'nodes' | 'roleOrder' | 'partition' | 'labelPx' | 'captionPx'>;

const isCircle = (input: WordsInput, rows: readonly NodeId[][]) => rows.length === 1 && input.nodes.length >= 3;

/** The band kept above and below the nodes for their words: `labelPx`, or a circle's longest words. */
function bandOf(input: WordsInput): number {
  if (input.captionPx === undefined) return input.labelPx ?? 0;
  const circle = isCircle(input, rowsOf(input.nodes.map((_, i) => i), (n) => input.nodes[n]!.role, input.roleOrder));
  return circle && (input.partition === null || input.partition.length < 2) ? Math.max(0, ...input.captionPx) : 0;
}

/** The height the nodes' words need, stacked row by row over the whole cluster (a circle's are in its band). */
function captionTotalOf(input: WordsInput): number {
  if (input.captionPx === undefined || bandOf(input) > 0) return 0;
  const rows = rowsOf(input.nodes.map((_, i) => i), (n) => input.nodes[n]!.role, input.roleOrder);
  const { above, below } = rowNeeds(rows, input.captionPx);
  return above + below.reduce((a, b) => a + b, 0);
}

/**
 * The height the nodes' words need in all (`ClusterLayout.captionTotal`), without a layout: a
 * box that sizes itself from it must not depend on the layout it feeds.
 */
export function clusterWordsHeight(input: WordsInput): number {
  return captionTotalOf(input) + 2 * bandOf(input);
}

export function clusterLayout(given: ClusterInput): ClusterLayout {
  // A box not yet measured (or tiny) still gets a layout, never negative sizes.
  const input = { ...given, width: Math.max(given.width, 120), height: Math.max(given.height, 120) };
  const all = input.nodes.map((_, i) => i);
  const roleOf = (n: NodeId) => input.nodes[n]!.role;
  const rows = rowsOf(all, roleOf, input.roleOrder);
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const positions: Point[] = all.map(() => ({ x: input.width / 2, y: input.height / 2 }));
  const above: Above = all.map(() => false);
  const captionTotal = clusterWordsHeight(input);
  const pad = 8;
  // Given each node's words, rows make room for them; a circle (or no words given) keeps a band above and below.
  const label = bandOf(input);
  if (input.partition === null || input.partition.length < 2) {
    const radius = radiusFor(input, widest, rows.length);
    const box = { x: pad, y: pad + label, width: input.width - 2 * pad, height: input.height - 2 * pad - 2 * label };
    placeGroup(all, box, input, radius, positions, above, true);
    return { positions, regions: [], cuts: [], nodeRadius: radius, above, captionTotal };
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
    placeGroup(group, box, input, radius, positions, above, false);
    regions.push({ key: `region-${group.join('-')}`, ...box, y: pad, height: input.height - 2 * pad, label: `side ${String.fromCharCode(65 + g)}`, nodes: group });
    if (g > 0) cuts.push({ key: `cut-${g}`, x: x - gap / 2, y1: pad, y2: input.height - pad });
    x += width + gap;
  });
  return { positions, regions, cuts, nodeRadius: radius, above, captionTotal };
}
