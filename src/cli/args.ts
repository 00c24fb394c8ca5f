// A small argument parser: positional words, `--name value` / `--name=value` options, and
// options that may repeat (`--set a=1 --set b=2`). It reports bad input as a sentence.
import { quoted } from '../engine';

export interface Parsed {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, readonly string[]>;
}

export type ParseResult = { readonly ok: true; readonly parsed: Parsed } | { readonly ok: false; readonly reason: string };

/** `known` options take a value; `flags` take none (their value is the empty string). */
export function parseArgs(argv: readonly string[], known: readonly string[], flags: readonly string[] = []): ParseResult {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = splitOnce(word.slice(2), '=');
    if (flags.includes(name)) {
      if (inline !== undefined) return { ok: false, reason: `--${name} takes no value` };
      options.set(name, ['']);
      continue;
    }
    if (!known.includes(name)) return { ok: false, reason: `unknown option ${quoted(`--${name}`)}` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, reason: `--${name} needs a value` };
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { ok: true, parsed: { positional, options } };
}

export function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** The last value of an option as a whole number in [min, max], its default, or a reason. */
export function intOption(parsed: Parsed, name: string, fallback: number, min: number, max: number): number | string {
  const values = parsed.options.get(name);
  if (values === undefined) return fallback;
  const text = values[values.length - 1]!;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    return `--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not ${quoted(text)}`;
  return value;
}
