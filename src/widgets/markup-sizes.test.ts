import { describe, expect, it } from 'vitest';
import { MARKUP_WIDTHS, markupPath, markupWidth } from './markup-sizes';

describe('the width a widget takes its picture markup at', () => {
  it('is the rendered width itself when the widget is exactly that wide', () => {
    for (const width of MARKUP_WIDTHS) expect(markupWidth(width)).toBe(width);
  });

  it('scales the picture by at most 7.5% for any widget from a phone to a wide page', () => {
    for (let width = 340; width <= 1400; width += 7) {
      const rendered = markupWidth(width);
      expect(Math.max(rendered / width, width / rendered)).toBeLessThanOrEqual(1.075 + 1e-9);
    }
  });

  it('is the narrowest or the widest rendering beyond the list', () => {
    expect(markupWidth(100)).toBe(MARKUP_WIDTHS[0]);
    expect(markupWidth(4000)).toBe(MARKUP_WIDTHS.at(-1));
  });

  it('names a file under the scenario', () => {
    expect(markupPath('paxos/dueling-proposers', 740)).toBe('pictures/paxos/dueling-proposers/740.html');
  });
});
