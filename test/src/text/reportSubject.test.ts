import { describe, expect, it } from 'vitest';
import { reportSubject, withoutReportSubject } from '../../../src/text/reportSubject.js';

/** Invented prose: a cooperative that calls itself 合作社, sentence after sentence, among other openings. */
const openings = ['合作社', '本合作社', '社员', '当年', '通过', '茶园', '合作社', '加工厂', '合作社', '我合作社'];
const prose = Array.from({ length: 60 }, (_, i) => `${i % 7 === 0 ? '（二）' : ''}${openings[i % openings.length]}完成栖木茶叶收购第${i + 1}批，共计${100 + i}吨。`);

describe('the noun a Chinese report calls itself by', () => {
  it('is the two-character word that opens far more prose sentences than any other, after 本/我 too', () => {
    // (合作社 opens as 合作; the count takes the first two characters, the noun's stem.)
    expect(reportSubject(prose)).toBe('合作');
  });

  it('is none when no word stands out, the prose is too short, or not Chinese', () => {
    const even = Array.from({ length: 60 }, (_, i) => `${['茶园', '社员', '当年', '通过'][i % 4]}完成栖木茶叶收购。`);
    expect([reportSubject(even), reportSubject(prose.slice(0, 20)), reportSubject(Array.from({ length: 80 }, () => 'The cooperative bought quorvex tea.'))]).toEqual([null, null, null]);
  });

  it('is dropped from a question as the noun, or its last character after 我/本/全/该', () => {
    expect(withoutReportSubject('公司一共有多少仓储地址？', '公司')).toBe('一共有多少仓储地址？');
    expect(withoutReportSubject('我司和本公司的栖木收入', '公司')).toBe('和 的栖木收入');
    expect(withoutReportSubject('全校多少栖木社团', '学校')).toBe('多少栖木社团');
    expect(withoutReportSubject('全校多少栖木社团', null)).toBe('全校多少栖木社团');
  });
});
