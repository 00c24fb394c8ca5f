// The iframe page's postMessage protocol (documented in the README). Every message has
// `source: "fault-lines"` and a `type`; nothing else sent to the page is read, except the two plain
// strings reveal.js sends to an iframe on a slide ("slide:start" when it is shown, "slide:stop" when
// it is left).
//
// Out, to the parent:  { source, type: "ready" }
//                      { source, type: "height", height }            (CSS pixels, on every change)
//                      { source, type: "step", step, end, status, violations }
//                      { source, type: "violation", rule, message, step }
// In, from the parent: { source, type: "play" | "pause" | "step" }   ("step": one step forward)
//                      { source, type: "seek", step }                 (a whole number, 0 or more)

export const SOURCE = 'fault-lines';

export type EmbedCommand =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'seek'; readonly step: number }
  | { readonly type: 'slide-start' }
  | { readonly type: 'slide-stop' };

export type EmbedReport =
  | { readonly type: 'ready' }
  | { readonly type: 'height'; readonly height: number }
  | { readonly type: 'step'; readonly step: number; readonly end: number; readonly status: string; readonly violations: number }
  | { readonly type: 'violation'; readonly rule: string; readonly message: string; readonly step: number };

/** A message from the parent as a command, or null when it is not one of ours. */
export function readCommand(data: unknown): EmbedCommand | null {
  if (data === 'slide:start') return { type: 'slide-start' };
  if (data === 'slide:stop') return { type: 'slide-stop' };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const message = data as { readonly [key: string]: unknown };
  if (message['source'] !== SOURCE) return null;
  const type = message['type'];
  if (type === 'play' || type === 'pause' || type === 'step') return { type };
  if (type === 'seek') {
    const step = message['step'];
    return typeof step === 'number' && Number.isInteger(step) && step >= 0 && step <= 1_000_000 ? { type, step } : null;
  }
  return null;
}

/** A report as the message posted to the parent. */
export function reportMessage(report: EmbedReport): { readonly source: string } & EmbedReport {
  return { source: SOURCE, ...report };
}

/** The iframe page's address: `embed.html#<frame>?<attributes>`. Reads the frame and the attributes. */
export function readEmbedHash(hash: string): { readonly link: string | null; readonly attributes: ReadonlyMap<string, string> } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const cut = text.indexOf('?');
  const frame = (cut === -1 ? text : text.slice(0, cut)).trim();
  const attributes = new Map(new URLSearchParams(cut === -1 ? '' : text.slice(cut + 1)));
  return { link: frame === '' ? null : frame, attributes };
}
