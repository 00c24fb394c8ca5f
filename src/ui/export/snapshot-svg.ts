// A picture on screen (the cluster or the timeline) as one standalone SVG file, for slides and
// papers: what the browser drew, read back from the page. Inline SVG is copied with its computed
// styles written onto each element (the file has no stylesheet); HTML boxes become rectangles and
// their text becomes <text> at the place each line was laid out; a canvas layer becomes an image.
// Controls that are not part of the picture (toolbars, hidden helpers) are left out.

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_STYLES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'paint-order', 'visibility', 'display',
] as const;

export interface Snapshot {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');
const round = (n: number) => Math.round(n * 10) / 10;

function skipped(element: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  if (element.matches('[role="toolbar"], .visually-hidden, [hidden]')) return true;
  const box = element.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1 && style.overflow === 'hidden';
}

function visible(colour: string): boolean {
  return colour !== '' && colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour);
}

/** An HTML element's own box: its background and border, as a rectangle. */
function boxRect(element: Element, style: CSSStyleDeclaration, origin: DOMRect): string {
  const border = parseFloat(style.borderTopWidth) || 0;
  const fill = visible(style.backgroundColor) ? style.backgroundColor : 'none';
  const stroke = border > 0 && style.borderTopStyle !== 'none' && visible(style.borderTopColor) ? style.borderTopColor : 'none';
  if (fill === 'none' && stroke === 'none') return '';
  const b = element.getBoundingClientRect();
  const dash = style.borderTopStyle === 'dashed' ? ` stroke-dasharray="${border * 3} ${border * 2}"` : '';
  return (
    `<rect x="${round(b.left - origin.left + border / 2)}" y="${round(b.top - origin.top + border / 2)}" width="${round(Math.max(0, b.width - border))}"` +
    ` height="${round(Math.max(0, b.height - border))}" rx="${parseFloat(style.borderTopLeftRadius) || 0}" fill="${fill}" stroke="${stroke}"` +
    ` stroke-width="${border}"${dash}/>`
  );
}

/** A text node's lines, each at the place it was laid out. */
function textLines(node: Text, style: CSSStyleDeclaration, origin: DOMRect): string {
  const raw = node.data;
  if (raw.trim() === '') return '';
  const range = document.createRange();
  const words: { text: string; rect: DOMRect }[] = [];
  for (const match of raw.matchAll(/\S+/g)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0) words.push({ text: match[0], rect });
  }
  const lines: { text: string; left: number; mid: number }[] = [];
  for (const { text, rect } of words) {
    const line = lines.at(-1);
    const mid = rect.top + rect.height / 2;
    if (line !== undefined && Math.abs(line.mid - mid) < rect.height / 2) line.text += ` ${text}`;
    else lines.push({ text, left: rect.left, mid });
  }
  const transform = style.textTransform === 'uppercase' ? (t: string) => t.toUpperCase() : (t: string) => t;
  const font = `font-family="${escapeAttr(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}"`;
  return lines
    .map((l) => `<text x="${round(l.left - origin.left)}" y="${round(l.mid - origin.top)}" dominant-baseline="central" fill="${style.color}" ${font}>${escapeText(transform(l.text))}</text>`)
    .join('');
}

/** Inline SVG copied with its computed styles, placed where it is on screen. */
function inlineSvg(svg: SVGSVGElement, origin: DOMRect): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((element, i) => {
    const style = getComputedStyle(element);
    const target = to[i] as SVGElement;
    target.removeAttribute('class');
    target.setAttribute('style', SVG_STYLES.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';'));
  });
  const b = svg.getBoundingClientRect();
  copy.setAttribute('x', String(round(b.left - origin.left)));
  copy.setAttribute('y', String(round(b.top - origin.top)));
  copy.setAttribute('width', String(round(b.width)));
  copy.setAttribute('height', String(round(b.height)));
  copy.setAttribute('overflow', 'hidden');
  return new XMLSerializer().serializeToString(copy);
}

function walk(element: Element, origin: DOMRect, out: string[]): void {
  const style = getComputedStyle(element);
  if (skipped(element, style)) return;
  if (element instanceof SVGSVGElement) return void out.push(inlineSvg(element, origin));
  if (element instanceof HTMLCanvasElement) {
    const b = element.getBoundingClientRect();
    out.push(`<image x="${round(b.left - origin.left)}" y="${round(b.top - origin.top)}" width="${round(b.width)}" height="${round(b.height)}" href="${element.toDataURL('image/png')}"/>`);
    return;
  }
  out.push(boxRect(element, style, origin));
  for (const child of element.childNodes) {
    if (child instanceof Text) out.push(textLines(child, style, origin));
    else if (child instanceof Element) walk(child, origin, out);
  }
}

/** The element's picture as a standalone SVG, on the background it has on screen. */
export function snapshotSvg(element: HTMLElement, background: string): Snapshot {
  const origin = element.getBoundingClientRect();
  const width = Math.ceil(origin.width);
  const height = Math.ceil(origin.height);
  const out: string[] = [];
  walk(element, origin, out);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${out.join('')}</svg>`;
  return { svg, width, height };
}

/** The SVG drawn at `scale` times its size (sharp on slides), as a PNG. */
export async function snapshotPng(snapshot: Snapshot, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([snapshot.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = snapshot.width * scale;
    canvas.height = snapshot.height * scale;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw a picture');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('no picture')) : resolve(b)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
