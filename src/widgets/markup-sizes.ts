// The widths a scenario's picture is rendered to markup at, at build time (scripts/widget-pictures.ts),
// and how a widget picks one. The views lay themselves out in pixels from the box they measure, so
// markup can only be right for one width: a widget takes the rendering nearest its own width and
// scales it by the small remaining ratio (at most 1.075, so the words stay the same size to within
// a pixel or so). Shared by the build and the element, so both name the same files.

/** Widget widths (CSS px): each one 1.15 times the last. */
export const MARKUP_WIDTHS: readonly number[] = [320, 368, 423, 487, 560, 644, 740, 851, 979, 1126, 1295, 1489];

/** A widget's width less the picture's frame and a view's frame (theme.css at 16px): a view's box. */
export const VIEW_INSET_PX = 41;

/** The cluster's height before its words ask for more (Cluster.svelte: the font size times 17). */
export const CLUSTER_HEIGHT_PX = 272;

/** The rendered width nearest a widget's width, by ratio. */
export function markupWidth(widgetWidth: number): number {
  const ratio = (w: number) => Math.abs(Math.log(w / Math.max(1, widgetWidth)));
  return MARKUP_WIDTHS.reduce((best, w) => (ratio(w) < ratio(best) ? w : best));
}

/** Where a scenario's picture markup at a width is, beside the widget's own code (in the build's assets). */
export function markupPath(protocolAndScenario: string, width: number): string {
  return `pictures/${protocolAndScenario}/${width}.html`;
}
