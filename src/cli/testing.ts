// Runs the CLI in-process with captured output, as the tests do.
import { main } from './main';
import type { Io } from './terminal';

export async function cli(argv: readonly string[], extra: Partial<Omit<Io, 'out' | 'err'>> = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, ...extra });
  return { code, out, err };
}

/** Whether the text holds any control character other than a line break. */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}
