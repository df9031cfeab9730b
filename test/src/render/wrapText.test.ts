import { describe, expect, it } from 'vitest';
import { breakTokens, minContentWidth, wrapText } from '../../../src/render/wrapText.js';

/** Every character 10 px wide: widths below read as "characters × 10". */
const measure = (text: string) => [...text].length * 10;

describe('wrapText', () => {
  it('breaks Chinese between any two characters when the line is full', () => {
    expect(wrapText('中华人民共和国万岁', 40, measure)).toEqual(['中华人民', '共和国万', '岁']);
  });

  it('keeps Latin words whole and breaks at the spaces when a sentence is too wide', () => {
    expect(wrapText('Python programming basics', 120, measure)).toEqual(['Python', 'programming', 'basics']);
  });

  it('keeps a figure such as 12080.41 whole when it sits between Chinese characters', () => {
    expect(wrapText('总额12080.41万元', 80, measure)).toEqual(['总额', '12080.41', '万元']);
  });

  it('keeps brackets with the characters they enclose when the line breaks near them', () => {
    expect(wrapText('全国大赛（国家级）一等奖', 50, measure)).toEqual(['全国大赛', '（国家级）', '一等奖']);
  });

  it('cuts a word per character when the word alone is wider than the line', () => {
    expect(wrapText('abcdefghij', 40, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps a line break written in the cell', () => {
    expect(wrapText('国家级职业教育\n教师教学创新团队', 1000, measure)).toEqual(['国家级职业教育', '教师教学创新团队']);
  });

  it('returns one empty line when the cell is empty', () => {
    expect(wrapText('', 100, measure)).toEqual(['']);
  });
});

describe('breakTokens', () => {
  it('splits Chinese per character, Latin per word and glues closing punctuation to its left', () => {
    expect(breakTokens('2024 年大赛，一等奖')).toEqual(['2024', ' ', '年', '大', '赛，', '一', '等', '奖']);
  });
});

describe('minContentWidth', () => {
  it('is the widest unbreakable piece when Chinese and a long number mix', () => {
    expect(minContentWidth('合计 12080.41 万元', measure)).toBe(80);
  });
});
