// The small pieces the share-link codec is built from: escaping free text so that it only uses
// characters a URL hash keeps as they are, reading numbers, and a check code that tells a link
// that was cut short or changed from a real one.
import { quoted } from './quote';

/** A problem found while reading a link. Only the codec throws it, and `decodeFrame` catches it. */
export class LinkProblem extends Error {
  override readonly name = 'LinkProblem';
}

const HEX = '0123456789abcdef';

/** Letters, digits and `-` pass as they are; everything else becomes `~xx` or `~uxxxx`. */
function isPlain(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 // -
  );
}

function hex(code: number, digits: number): string {
  let out = '';
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += HEX[(code >> shift) & 15];
  return out;
}

/**
 * Escapes any string, code unit by code unit, so even a lone surrogate survives a round trip.
 * The result never contains `.`, `,`, `_`, `:` or `=`, which the codec uses as separators.
 */
export function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPlain(code)) out += text[i];
    else if (code < 0x100) out += `~${hex(code, 2)}`;
    else out += `~u${hex(code, 4)}`;
  }
  return out;
}

function readHex(text: string, at: number, digits: number, what: string): number {
  const part = text.slice(at, at + digits);
  if (part.length !== digits || !/^[0-9a-fA-F]+$/.test(part)) throw new LinkProblem(`${what} has a broken ~ escape`);
  return parseInt(part, 16);
}

/** Reverses `escapeText`; `what` names the field in the message when the text is broken. */
export function unescapeText(text: string, what: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== '~') {
      if (!isPlain(text.charCodeAt(i))) throw new LinkProblem(`${what} contains ${quoted(char)}, which must be escaped`);
      out += char;
    } else if (text[i + 1] === 'u') {
      out += String.fromCharCode(readHex(text, i + 2, 4, what));
      i += 5;
    } else {
      out += String.fromCharCode(readHex(text, i + 1, 2, what));
      i += 2;
    }
  }
  return out;
}

/** Reads a whole number written in decimal, with an optional leading `-`; it must be exact in a double. */
export function parseWhole(text: string, what: string): number {
  if (!/^-?[0-9]+$/.test(text)) throw new LinkProblem(`${what} must be a whole number, not ${quoted(text)}`);
  // Past 20 digits Number() is not worth calling; anything past 2^53 is refused either way.
  const value = text.length > 20 ? Infinity : Number(text);
  if (!Number.isSafeInteger(value)) throw new LinkProblem(`${what} is too large`);
  return value === 0 ? 0 : value; // "-0" reads as 0, as it would be written

}

/** A 32-bit FNV-1a hash of the text, in base 36: the link's check code. */
export function checkCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Reads a link's text one character at a time. */
export interface Reader {
  readonly text: string;
  at: number;
}

/** Reads a run of characters that match `allowed`, starting at the reader's position. */
export function readWhile(reader: Reader, allowed: (char: string) => boolean): string {
  const start = reader.at;
  while (reader.at < reader.text.length && allowed(reader.text[reader.at]!)) reader.at++;
  return reader.text.slice(start, reader.at);
}

export const isDigit = (char: string): boolean => char >= '0' && char <= '9';
