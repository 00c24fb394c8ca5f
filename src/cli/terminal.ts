// What the CLI writes and what it knows of where it writes. Everything goes through `safeIo`,
// which shows control characters as escapes (keeping line breaks): a link can carry any text in
// a variant, a config key or an operation, and none of it may reach the terminal as a command
// (ESC sequences move the cursor, OSC ones retitle the window or write to the clipboard).
import { visibleText } from '../engine';

export interface Io {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  /** Whether stderr is a terminal a person watches: progress is printed only then. */
  readonly terminal?: boolean;
  /** Milliseconds from some fixed point, for progress rates. */
  readonly clock?: () => number;
  /** How full the heap is, for the checker's memory cap. */
  readonly memory?: () => { readonly usedBytes: number; readonly limitBytes: number };
}

const safe = (text: string) => text.split('\n').map(visibleText).join('\n');

export function safeIo(io: Io): Io {
  return { ...io, out: { write: (text) => io.out.write(safe(text)) }, err: { write: (text) => io.err.write(safe(text)) } };
}
