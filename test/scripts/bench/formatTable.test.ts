import { describe, expect, it } from 'vitest';
import { alignedTable, displayWidth, markdownTable } from '../../../scripts/bench/formatTable.js';

describe('displayWidth', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('志愿者')).toBe(6);
    expect(displayWidth('p95（ms）')).toBe(9);
  });
});

describe('alignedTable', () => {
  it('pads the first column left and the others right, with a rule under the header', () => {
    expect(alignedTable([['', 'a', 'b'], ['p50', '2.4', '18.4'], ['p95', '7.2', '133']])).toBe(
      ['       a     b', '---  ---  ----', 'p50  2.4  18.4', 'p95  7.2   133'].join('\n'),
    );
  });

  it('pads CJK cells by display width', () => {
    expect(alignedTable([['q', 'ms'], ['志愿者', '1']]).split('\n')).toEqual(['q       ms', '------  --', '志愿者   1']);
  });
});

describe('markdownTable', () => {
  it('right-aligns value columns and escapes pipes', () => {
    expect(markdownTable([['', '1 report'], ['a|b', '2']])).toBe(['|  | 1 report |', '| --- | ---: |', '| a\\|b | 2 |'].join('\n'));
  });
});
