// Input echoed back in a message (a variant named in a link, a config key, an argument) is
// quoted with this, never pasted in raw: at most a few dozen characters with an ellipsis, so a
// 900 KB name gives a one-line message, and every control or direction-changing character shown
// as an escape, so nothing typed or linked can move a terminal's cursor, retitle its window or
// reorder the text around it.

/** Characters shown as escapes: C0 and C1 controls, DEL, and Unicode's invisible direction and line controls. */
function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

/** The text with every hidden character written as `\xHH` or `\uHHHH`. */
export function visibleText(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHidden(code)) continue;
    out += text.slice(plainFrom, i) + (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

/** The longest stretch of input a message quotes. */
export const QUOTE_CHARS_MAX = 60;

/** The text made visible and cut to `max` characters, with an ellipsis and its length when it was longer. */
export function shortText(text: string, max = QUOTE_CHARS_MAX): string {
  if (text.length <= max) return visibleText(text);
  // Cut on a whole character: never between the halves of a surrogate pair.
  const cut = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return `${visibleText(text.slice(0, cut))}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** `"text"`, or `"the first sixty characters…"` with how long it was, when it is longer. */
export function quoted(text: string, max = QUOTE_CHARS_MAX): string {
  if (text.length <= max) return `"${visibleText(text)}"`;
  const short = shortText(text, max);
  const cut = short.lastIndexOf('… (');
  return `"${short.slice(0, cut + 1)}"${short.slice(cut + 1)}`;
}
