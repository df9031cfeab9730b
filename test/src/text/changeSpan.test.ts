import { describe, expect, it } from 'vitest';
import { ASKS_START, startsChangeSpan } from '../../../src/text/changeSpan.js';
import { findFigures } from '../../../src/text/findFigures.js';

/** Which figures of an invented sentence start a "from X to Y" span. */
const starts = (sentence: string) => {
  const figures = findFigures(sentence);
  return figures.map((f) => [f.value, startsChangeSpan(sentence, f, figures)]);
};

describe('a change stated as a span, "from X to Y"', () => {
  it('reads the figure after "from" (从, 由) as the start when another figure follows "to" (到, 至)', () => {
    expect(starts('Quorvex raised its weft dividend from 32 cents per share to 34 cents per share.')).toEqual([
      ['32', true],
      ['34', false],
    ]);
    expect(starts('Glimmer sales fell from $5.1 million to $4.2 million.')).toEqual([
      ['5.1', true],
      ['4.2', false],
    ]);
    expect(starts('青禾公司员工从 120 人增加到 150 人。')).toEqual([
      ['120', true],
      ['150', false],
    ]);
  });

  it('reads no span where "from" or "to" belongs to something else', () => {
    expect(starts('Quorvex bought 40 looms from Tarn Mills and sold 12 to Vane Ltd.')).toEqual([
      ['40', false],
      ['12', false],
    ]);
    expect(starts('The levy rose from 2031 rules, to 7% of sales.')).toEqual([['7', false]]);
  });

  it('knows a question that asks where the change started', () => {
    expect(['what was the weft dividend before the increase?', '原来的股利是多少', 'weft dividend in 2031?'].map((q) => ASKS_START.test(q))).toEqual([true, true, false]);
  });
});
