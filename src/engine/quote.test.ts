import { describe, expect, it } from 'vitest';
import { quoted, shortText, visibleText } from './quote';

describe('quoting input in a message', () => {
  it('shows every control and direction character as an escape, so none reaches a terminal or reorders text', () => {
    expect(visibleText('a\u001b]0;pwned\u0007b')).toBe('a\\x1b]0;pwned\\x07b');
    expect(visibleText('\u009b31m\u007f')).toBe('\\x9b31m\\x7f');
    expect(visibleText('abc\u202edcba\u2066')).toBe('abc\\u202edcba\\u2066');
    expect(visibleText('line\nbreak\ttab')).toBe('line\\x0abreak\\x09tab');
    expect(visibleText('plain: é, 名前, 🙂')).toBe('plain: é, 名前, 🙂');
  });

  it('keeps sixty characters of a long text, with an ellipsis and how long it was', () => {
    expect(quoted('short')).toBe('"short"');
    expect(quoted('x'.repeat(900_000))).toBe(`"${'x'.repeat(60)}…" (900,000 characters)`);
    expect(shortText('y'.repeat(61))).toBe(`${'y'.repeat(60)}… (61 characters)`);
  });

  it('never cuts between the two halves of a character', () => {
    const text = `${'x'.repeat(59)}🙂${'x'.repeat(10)}`;
    expect(quoted(text)).toBe(`"${'x'.repeat(59)}…" (71 characters)`);
  });
});
