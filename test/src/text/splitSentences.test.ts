import { describe, expect, it } from 'vitest';
import { cutAfterSentences, sentenceTexts, splitClauses, splitSentences } from '../../../src/text/splitSentences.js';

describe('splitSentences', () => {
  it('splits at full stops and semicolons and numbers the full-stop sentences', () => {
    expect(splitSentences('甲 1 个；乙 2 个。丙 3 个').map((s) => [s.text, s.period])).toEqual([
      ['甲 1 个', 0],
      ['乙 2 个', 0],
      ['丙 3 个', 1],
    ]);
  });

  it('ends a sentence at a "." typed between Han characters but not inside a version number', () => {
    expect(splitSentences('教材 2部.实施计划 V3.6 版').map((s) => s.text)).toEqual(['教材 2部', '实施计划 V3.6 版']);
  });

  it('ends an English sentence at a full stop before a capitalised word, run together or not, but not after an abbreviation or initial', () => {
    expect(sentenceTexts('Zorblat Co. opened 3 depots. Mr. Vance said U.S. sales rose in 2031.Margins fell. See No. 5 and v2.1 Notes.')).toEqual([
      'Zorblat Co. opened 3 depots.',
      'Mr. Vance said U.S. sales rose in 2031.',
      'Margins fell.',
      'See No. 5 and v2.1 Notes.',
    ]);
  });

  it('ends an English sentence before the one-letter words A and I, but not before another lone capital', () => {
    expect(sentenceTexts('Quill sales rose. A loss of 12 glims was made. I agree. See Class B. B shares carry no vote.')).toEqual([
      'Quill sales rose.',
      'A loss of 12 glims was made.',
      'I agree.',
      'See Class B. B shares carry no vote.',
    ]);
  });

  it('ends an English sentence after a percentage or a decimal, run together or not', () => {
    expect(sentenceTexts('Glimmer margin was 21.8%. Quill sales rose.As a share of revenue it was 4.25.Costs fell.')).toEqual([
      'Glimmer margin was 21.8%.',
      'Quill sales rose.',
      'As a share of revenue it was 4.25.',
      'Costs fell.',
    ]);
  });

  it('keeps offsets into the text', () => {
    const text = '前言。 志愿者 10750 人；';
    const [, second] = splitSentences(text);
    expect(second && text.slice(second.start, second.end)).toBe('志愿者 10750 人');
  });
});

describe('sentenceTexts', () => {
  it('keeps each sentence with its delimiter run and the closing quote after it', () => {
    expect(sentenceTexts('他说：“好。”随后 3 人离开！！再见')).toEqual(['他说：“好。”', '随后 3 人离开！！', '再见']);
  });

  it('ends a sentence at a line break only when asked', () => {
    expect(sentenceTexts('表 1 名单\n甲 乙 丙')).toEqual(['表 1 名单\n甲 乙 丙']);
    expect(sentenceTexts('表 1 名单\n甲 乙 丙', { lineBreaks: true })).toEqual(['表 1 名单', '甲 乙 丙']);
  });
});

describe('cutAfterSentences', () => {
  it('cuts only after sentence and list-item ends, keeping figures whole and dropping nothing', () => {
    const text = '比例 63.93%；人数 10750 人。 收入 7132.8 万元';
    const pieces = cutAfterSentences(text);
    expect(pieces).toEqual(['比例 63.93%；', '人数 10750 人。', ' 收入 7132.8 万元']);
    expect(pieces.join('')).toBe(text);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(cutAfterSentences('“甲。”乙。')).toEqual(['“甲。”', '乙。']);
  });
});

describe('splitClauses', () => {
  it('splits at commas and colons but not at a thousands separator', () => {
    const text = '其中：容量 1,749,720GB，比例 62%';
    expect(splitClauses(text, { start: 0, end: text.length, text }).map((c) => c.text)).toEqual(['其中', '容量 1,749,720GB', '比例 62%']);
  });
});
