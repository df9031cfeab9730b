import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../../../ingest/metrics/splitSentences.js';

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

  it('keeps offsets into the text', () => {
    const text = '前言。 志愿者 10750 人；';
    const [, second] = splitSentences(text);
    expect(second && text.slice(second.start, second.end)).toBe('志愿者 10750 人');
  });
});

describe('splitClauses', () => {
  it('splits at commas and colons but not at a thousands separator', () => {
    const text = '其中：容量 1,749,720GB，比例 62%';
    expect(splitClauses(text, { start: 0, end: text.length, text }).map((c) => c.text)).toEqual(['其中', '容量 1,749,720GB', '比例 62%']);
  });
});
