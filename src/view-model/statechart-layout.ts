// Boxes and edge paths for a role's statechart, drawn from the machine's own description.
// States go in rows (see statechart-rank.ts); forward transitions run downwards, transitions
import { stateWords } from '../protocols/kit/narrate';
// back up or along a row are routed around the right-hand side, and a transition that stays
// in its state is a small loop. Paths are d3-shape strings; the component only renders them.
import { curveBasis, line } from 'd3-shape';
import type { StatechartDescription, StatechartTransition } from '../protocols/kit/types';
import { headPath } from './glyphs';
import { rankStates, representative } from './statechart-rank';

export interface StateBox {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** A compound state: drawn as a frame around its children, behind them. */
  readonly compound: boolean;
  readonly initial: boolean;
  readonly final: boolean;
  readonly active: boolean;
}

/** One drawn edge: every transition between the same two states shares it, one label line each. */
export interface EdgeShape {
  readonly key: string;
  readonly transitions: readonly StatechartTransition[];
  /** Indices into `chart.transitions`. */
  readonly indices: readonly number[];
  readonly path: string;
  /** The arrowhead at the target end. */
  readonly head: string;
  /** All the label lines in one string, for reading out. */
  readonly label: string;
  readonly lines: readonly string[];
  readonly labelX: number;
  readonly labelY: number;
  readonly taken: boolean;
  /** Which of `lines` is the transition just taken, or null. */
  readonly takenLine: number | null;
}

export interface StatechartLayout {
  readonly width: number;
  readonly height: number;
  /** Compound states first, so they are drawn behind their children. */
  readonly boxes: readonly StateBox[];
  readonly edges: readonly EdgeShape[];
  /** The dot that points at the initial state. */
  readonly start: { readonly x: number; readonly y: number } | null;
}

export interface StatechartOptions {
  readonly active?: readonly string[];
  /** Index into `chart.transitions` of the transition just taken, if known. */
  readonly taken?: number | null;
  /** Width of one character of the label font, for sizing boxes. */
  readonly charPx?: number;
}

const BOX_H = 30;
const ROW_GAP = 64;
const COL_GAP = 40;
const MARGIN = 24;

type Pt = [number, number];
// Pure, so a bundle that never draws a statechart leaves d3-shape out.
const curve = /* @__PURE__ */ line<Pt>().curve(curveBasis);

export function edgeLabel(t: StatechartTransition): string {
  return t.guard === null ? t.event : `${t.event} [${stateWords(t.guard)}]`;
}

export function layoutStatechart(chart: StatechartDescription, options: StatechartOptions = {}): StatechartLayout {
  const charPx = options.charPx ?? 7.5;
  const active = new Set(options.active ?? []);
  const { rows, rankOf: ranks } = rankStates(chart);
  const byId = new Map(chart.states.map((s) => [s.id, s]));
  const widthOf = (id: string) => Math.max(64, (byId.get(id)?.label.length ?? 4) * charPx + 24);
  const rowWidths = rows.map((row) => row.reduce((w, id) => w + widthOf(id), 0) + COL_GAP * Math.max(0, row.length - 1));
  const inner = Math.max(0, ...rowWidths);
  const leafBox = new Map<string, { x: number; y: number; width: number; height: number }>();
  rows.forEach((row, r) => {
    let x = MARGIN + (inner - rowWidths[r]!) / 2;
    for (const id of row) {
      leafBox.set(id, { x, y: MARGIN + 16 + r * (BOX_H + ROW_GAP), width: widthOf(id), height: BOX_H });
      x += widthOf(id) + COL_GAP;
    }
  });
  const boxOf = shiftInside(compoundBoxes(chart, leafBox));
  const boxes: StateBox[] = chart.states
    .filter((s) => boxOf.has(s.id))
    .map((s) => ({ id: s.id, label: s.label, ...boxOf.get(s.id)!, compound: !leafBox.has(s.id), initial: s.initial, final: s.final, active: active.has(s.id) }))
    .sort((a, b) => Number(b.compound) - Number(a.compound));
  const rankOf = (id: string) => ranks.get(representative(chart, id)) ?? 0;
  const right = Math.max(MARGIN + inner, ...boxes.map((b) => b.x + b.width));
  const isDown = (t: StatechartTransition) => t.target !== null && t.target !== t.source && rankOf(t.target) > rankOf(t.source);
  const groups = groupEdges(chart.transitions);
  const spread = fanOut(groups.map((g) => chart.transitions[g[0]!]!), isDown);
  const placed: Rect[] = boxes.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.compound ? 14 : b.height }));
  const edges = groups.map((indices, g) => {
    const t = chart.transitions[indices[0]!]!;
    const a = boxOf.get(t.source);
    const b = t.target === null ? a : boxOf.get(t.target);
    if (a === undefined || b === undefined) return null;
    const points = a === b ? loop(a) : isDown(t) ? down(a, b, spread[g]!) : around(a, b, right, g);
    const mid = points[Math.floor(points.length / 2)]!;
    const prev = points[Math.floor(points.length / 2) - 1] ?? mid;
    const lines = indices.map((i) => edgeLabel(chart.transitions[i]!));
    const widest = Math.max(...lines.map((l) => l.length)) * charPx * 0.85;
    const taken = options.taken != null && indices.includes(options.taken);
    // A taken edge gets one more line under its label: "just taken".
    const spot = freeSpot(placed, (mid[0] + prev[0]) / 2 + 4, (mid[1] + prev[1]) / 2, widest, lines.length + (taken ? 1 : 0));
    return {
      key: `t${indices[0]}`,
      transitions: indices.map((i) => chart.transitions[i]!),
      indices,
      path: curve(points) ?? '',
      head: headPath(...points[points.length - 2]!, ...points[points.length - 1]!, 8),
      label: lines.join('; '),
      lines,
      labelX: spot.x,
      labelY: spot.y,
      taken,
      takenLine: taken ? indices.indexOf(options.taken!) : null,
      width: widest,
    };
  });
  const roots = chart.states.filter((s) => s.parent === null);
  const first = boxOf.get((roots.find((s) => s.initial) ?? roots[0])?.id ?? '');
  const rightmost = Math.max(right, ...edges.map((e) => (e === null ? 0 : e.labelX + e.width)));
  return {
    width: rightmost + MARGIN + 40,
    // The lowest box, then room for the "current" marker under it and the loops' labels.
    height: Math.max(0, ...boxes.map((b) => b.y + b.height)) + 40,
    boxes,
    edges: edges.filter((e) => e !== null).map(({ width: _, ...e }) => e),
    start: first === undefined ? null : { x: first.x + first.width / 2, y: first.y - 14 },
  };
}

type Box = { x: number; y: number; width: number; height: number };

/** Moves every box right and down so that compound frames, which pad their children, stay inside the margin. */
function shiftInside(boxes: Map<string, Box>): Map<string, Box> {
  const all = [...boxes.values()];
  const dx = Math.max(0, MARGIN - Math.min(MARGIN, ...all.map((b) => b.x)));
  const dy = Math.max(0, MARGIN - Math.min(MARGIN, ...all.map((b) => b.y)));
  if (dx === 0 && dy === 0) return boxes;
  return new Map([...boxes].map(([id, b]) => [id, { ...b, x: b.x + dx, y: b.y + dy }]));
}

/** Compound states frame the boxes of all their descendants, with room for their own label. */
function compoundBoxes(chart: StatechartDescription, leafBox: ReadonlyMap<string, Box>): Map<string, Box> {
  const out = new Map<string, Box>(leafBox);
  const descendants = (id: string): string[] =>
    chart.states.filter((s) => s.parent === id).flatMap((c) => (leafBox.has(c.id) ? [c.id] : descendants(c.id)));
  // Deepest first, so that a parent's frame also encloses its children's frames.
  const depth = (id: string): number => {
    const parent = chart.states.find((s) => s.id === id)?.parent ?? null;
    return parent === null ? 0 : 1 + depth(parent);
  };
  const compounds = chart.states.filter((s) => !leafBox.has(s.id)).sort((a, b) => depth(b.id) - depth(a.id));
  for (const state of compounds) {
    const inside = descendants(state.id).map((id) => leafBox.get(id)!).filter(Boolean);
    if (inside.length === 0) continue;
    const pad = 10 * (1 + Math.max(0, 3 - depth(state.id)));
    const x0 = Math.min(...inside.map((b) => b.x)) - pad;
    const y0 = Math.min(...inside.map((b) => b.y)) - pad - 12;
    const x1 = Math.max(...inside.map((b) => b.x + b.width)) + pad;
    const y1 = Math.max(...inside.map((b) => b.y + b.height)) + pad;
    out.set(state.id, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return out;
}

type Rect = { x: number; y: number; width: number; height: number };

const overlaps = (p: Rect, q: Rect) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

/** Transitions grouped by their source and target, in the order each pair first appears. */
function groupEdges(transitions: readonly StatechartTransition[]): number[][] {
  const groups = new Map<string, number[]>();
  transitions.forEach((t, i) => {
    const key = `${t.source}>${t.target ?? t.source}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

/** LINE_PX is the height of one label line. */
export const LINE_PX = 13;

/**
 * The first place near (x, y), trying a line below, then above, and so on, where a label of
 * `lines` lines does not cover another label or a state. `y` is the middle of the first line.
 */
function freeSpot(placed: Rect[], x: number, y: number, width: number, lines: number): { x: number; y: number } {
  const height = lines * LINE_PX;
  for (let tries = 0; tries < 10; tries++) {
    const ty = y + (tries % 2 === 0 ? 1 : -1) * Math.ceil(tries / 2) * LINE_PX;
    const rect = { x, y: ty - LINE_PX / 2, width, height };
    if (!placed.some((p) => overlaps(p, rect))) {
      placed.push(rect);
      return { x, y: ty };
    }
  }
  placed.push({ x, y: y - LINE_PX / 2, width, height });
  return { x, y };
}

/** For edges going down, how far along its box's width each leaves and arrives (-0.5..0.5), so they fan out. */
function fanOut(transitions: readonly StatechartTransition[], isDown: (t: StatechartTransition) => boolean): { out: number; in: number }[] {
  const share = (key: (t: StatechartTransition) => string | null) => {
    const groups = new Map<string, number[]>();
    transitions.forEach((t, i) => {
      const k = key(t);
      if (k !== null && isDown(t)) groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    const out = new Map<number, number>();
    for (const members of groups.values()) members.forEach((i, k) => out.set(i, (k + 1) / (members.length + 1) - 0.5));
    return out;
  };
  const outs = share((t) => t.source);
  const ins = share((t) => t.target);
  return transitions.map((_, i) => ({ out: outs.get(i) ?? 0, in: ins.get(i) ?? 0 }));
}

function down(a: Box, b: Box, fan: { out: number; in: number }): Pt[] {
  const sx = a.x + a.width / 2 + fan.out * a.width * 0.8;
  const tx = b.x + b.width / 2 + fan.in * b.width * 0.8;
  const sy = a.y + a.height;
  const ty = b.y;
  return [[sx, sy], [sx, sy + 14], [(sx + tx) / 2, (sy + ty) / 2], [tx, ty - 14], [tx, ty]];
}

/** Back up the chart or along a row: out of the right side, round, and into the right side. */
function around(a: Box, b: Box, right: number, index: number): Pt[] {
  const sx = a.x + a.width;
  const sy = a.y + a.height / 2;
  const tx = b.x + b.width;
  const ty = b.y + b.height / 2;
  const out = Math.max(sx, tx, right) + 18 + (index % 4) * 10;
  return [[sx, sy], [out, sy], [out, (sy + ty) / 2], [out, ty], [tx, ty]];
}

function loop(a: Box): Pt[] {
  const x = a.x + a.width;
  const y = a.y + a.height / 2;
  return [[x, y - 7], [x + 22, y - 18], [x + 30, y], [x + 22, y + 18], [x, y + 7]];
}
