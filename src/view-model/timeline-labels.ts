// Where the timeline's words go: a label beside each mark that has one and on each message's
// arrow, placed so that no two labels overlap. Each label tries a few spots and, where none is
// free, a shorter form of its text (fewer words, then a cut word with "…"); a label that still
// does not fit is left to the tooltip and the event log, which always have the full text.
import type { ArrowShape, PointShape } from './timeline-layout';

export interface PlacedLabel {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** The whole text, when `text` is shortened. */
  readonly full: string;
  readonly anchor: 'start' | 'middle';
  readonly kind: 'mark' | 'arrow';
  readonly future: boolean;
}

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Kinds whose text shows on the timeline; notes, saves and reports are sentences for the tooltip and the log. */
const labelled = new Set(['state', 'timer', 'client', 'crash', 'restart', 'duplicate']);

/** Shorter and shorter forms of a text: all of it, then fewer words, then a cut first word. */
export function shortForms(text: string, minChars = 3): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const forms = [text];
  for (let n = words.length - 1; n >= 1; n--) forms.push(words.slice(0, n).join(' ').replace(/[,:;]$/, ''));
  const first = words[0] ?? text;
  for (let n = first.length - 1; n >= minChars; n--) forms.push(`${first.slice(0, n)}…`);
  return [...new Set(forms)];
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export interface LabelOptions {
  readonly fontPx: number;
  /** The plot's edges: labels stay inside them. */
  readonly left: number;
  readonly right: number;
}

export function placeLabels(arrows: readonly ArrowShape[], points: readonly PointShape[], options: LabelOptions): PlacedLabel[] {
  const { fontPx } = options;
  const charPx = fontPx * 0.6;
  const lineHeight = fontPx * 1.1;
  const placed: Box[] = [];
  const out: PlacedLabel[] = [];
  const free = (box: Box) => box.x1 >= options.left - 2 && box.x2 <= options.right + 2 && !placed.some((p) => overlaps(p, box));

  // Marks first (a state change says where a node is), the present before the future.
  const marks = points.filter((p) => p.mark.node !== null && labelled.has(p.mark.kind)).sort((a, b) => Number(a.future) - Number(b.future));
  for (const p of marks) {
    // Glyphs themselves are obstacles, so a label never covers another mark.
    placed.push({ x1: p.x - 5, y1: p.y - 5, x2: p.x + 5, y2: p.y + 5 });
  }
  for (const p of marks) {
    const spots = [
      { x: p.x + 6, y: p.y - fontPx * 0.35 },
      { x: p.x + 6, y: p.y + fontPx * 1.05 },
    ];
    place(`mark-${p.mark.key}`, p.mark.text, spots, 'start', 'mark', p.future);
  }
  const shafts = [...arrows].sort((a, b) => Number(a.status === 'future') - Number(b.status === 'future'));
  for (const a of shafts) {
    const { x1, y1, x2, y2 } = a.main;
    const spots = [0.5, 0.35, 0.65].map((t) => ({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t - fontPx * 0.25 }));
    const text = `${a.arrow.copyOf !== null ? '⧉ ' : ''}${a.arrow.label}`;
    place(`arrow-${a.key}`, text, spots, 'middle', 'arrow', a.status === 'future');
  }
  return out;

  function place(key: string, text: string, spots: readonly { x: number; y: number }[], anchor: 'start' | 'middle', kind: 'mark' | 'arrow', future: boolean) {
    for (const form of shortForms(text)) {
      const width = form.length * charPx;
      for (const s of spots) {
        const x1 = anchor === 'start' ? s.x : s.x - width / 2;
        const box = { x1, y1: s.y - lineHeight * 0.8, x2: x1 + width, y2: s.y + lineHeight * 0.2 };
        if (!free(box)) continue;
        placed.push(box);
        out.push({ key, x: s.x, y: s.y, text: form, full: text, anchor, kind, future });
        return;
      }
    }
  }
}

/** An invariant's or condition's name above the plot, at the step where it starts. */
export interface AlertLabelInput {
  readonly key: string;
  readonly x: number;
  /** "⚠" for an invariant broken, "◆" for a condition. */
  readonly glyph: string;
  readonly name: string;
  /** Broken invariants are placed first: their names are the last to be cut or left out. */
  readonly first: boolean;
}

/** A name and its cuts ("coherent-when-qu…"), down to a few letters. */
const nameForms = (name: string) => [name, ...Array.from({ length: Math.max(0, name.length - 4) }, (_, i) => `${name.slice(0, name.length - 1 - i)}…`)];

/**
 * Places the names of the alerts above the plot in one row: each at its step if free, else at the
 * nearest free place beside the names already there that stays close to its step, shortened (cut with "…") when no place holds
 * it whole; one that cannot keep a few letters is left to the panel and the band's tooltip.
 */
export function placeAlertLabels(alerts: readonly AlertLabelInput[], options: LabelOptions): PlacedLabel[] {
  // Bold text: a little wider per character than the marks' labels.
  const charPx = options.fontPx * 0.64;
  const gap = options.fontPx * 0.6;
  const taken: { x1: number; x2: number }[] = [];
  const free = (x1: number, x2: number) => x1 >= options.left && x2 <= options.right && taken.every((t) => x2 + gap <= t.x1 || t.x2 + gap <= x1);
  const placed: PlacedLabel[] = [];
  const order = [...alerts].sort((a, b) => Number(b.first) - Number(a.first) || a.x - b.x);
  for (const alert of order) {
    for (const name of nameForms(alert.name)) {
      const text = `${alert.glyph} ${name}`;
      const width = text.length * charPx;
      const wanted = Math.min(Math.max(alert.x, options.left), options.right - width);
      // A name moved aside stays close to its step, so it reads as that band's: it may end just
      // before the step, or start up to about sixteen letters after it.
      const near = (x: number) => x + width >= alert.x - 2 * options.fontPx && x <= Math.max(alert.x, options.left) + 16 * options.fontPx;
      const spots = [wanted, ...taken.flatMap((t) => [t.x2 + gap, t.x1 - gap - width])].filter((x) => near(x) && free(x, x + width));
      if (spots.length === 0) continue;
      const x = spots.reduce((best, spot) => (Math.abs(spot - alert.x) < Math.abs(best - alert.x) ? spot : best));
      taken.push({ x1: x, x2: x + width });
      placed.push({ key: alert.key, x, y: 0, text, full: `${alert.glyph} ${alert.name}`, anchor: 'start', kind: 'mark', future: false });
      break;
    }
  }
  return placed;
}
