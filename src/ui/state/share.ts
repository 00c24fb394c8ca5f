// Share links: the exact frame (protocol, variant, config, seed, choices, step) in the URL hash.
// Reading a link never trusts it: anything wrong becomes a plain message and a fresh run.
import { decodeFrame, frameUrl } from '../../engine';
import type { RunSpec } from '../../protocols/kit/types';

export type LinkReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'frame'; readonly run: RunSpec; readonly step: number }
  | { readonly kind: 'bad'; readonly message: string };

/** A full link: the page's address without its old hash, plus the frame. */
export function shareUrl(pageHref: string, run: RunSpec, step: number): string {
  return frameUrl(pageHref, { ...run, step });
}

export function readLinkHash(hash: string): LinkReading {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { kind: 'none' };
  const decoded = decodeFrame(text);
  if (!decoded.ok) return { kind: 'bad', message: `This link is damaged (${decoded.reason}). Here is a fresh run instead.` };
  const { step, ...run } = decoded.frame;
  return { kind: 'frame', run, step };
}
