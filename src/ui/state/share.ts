// Share links: the exact frame (protocol, variant, config, seed, choices, step) in the URL hash.
// Reading a link never trusts it: anything wrong becomes a plain message and a fresh run.
import { createFrameEncoder, decodeFrame, frameUrl, type FrameEncoder } from '../../engine';
import type { RunSpec } from '../../protocols/kit/types';

export type LinkReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'frame'; readonly run: RunSpec; readonly step: number }
  | { readonly kind: 'bad'; readonly message: string };

/** A full link: the page's address without its old hash, plus the frame. */
export function shareUrl(pageHref: string, run: RunSpec, step: number, encode?: FrameEncoder): string {
  return frameUrl(pageHref, { ...run, step }, encode);
}

export interface ShareLinks {
  (pageHref: string, run: RunSpec, step: number): string;
  /** How many choices it has written (see FrameEncoder). */
  readonly choicesWritten: number;
}

/**
 * Links to the frames of one simulator's run, cheap enough to make on every cursor move or
 * step: the choices already written are kept (see engine/frame-encoder.ts), so moving the
 * cursor writes none, and a step at the end writes at most a small block. The address bar can
 * follow the run with it.
 */
export function createShareLinks(): ShareLinks {
  const encode = createFrameEncoder();
  const links = (pageHref: string, run: RunSpec, step: number) => shareUrl(pageHref, run, step, encode);
  return Object.defineProperty(links, 'choicesWritten', { get: () => encode.choicesWritten }) as ShareLinks;
}

export function readLinkHash(hash: string): LinkReading {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { kind: 'none' };
  const decoded = decodeFrame(text);
  if (!decoded.ok) return { kind: 'bad', message: `This link is damaged (${decoded.reason}). Here is a fresh run instead.` };
  const { step, ...run } = decoded.frame;
  return { kind: 'frame', run, step };
}
