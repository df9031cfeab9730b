import { describe, expect, it } from 'vitest';
import { documentLanguage } from '../../../ingest/structure/documentLanguage.js';
import type { CleanLine } from '../../../ingest/types.js';

const lines = (...texts: string[]): CleanLine[] => texts.map((text) => ({ page: 1, text, norm: text, geometry: null }));

describe('documentLanguage', () => {
  it('calls a report Chinese when its Han characters are at least a third of its Latin letters', () => {
    // 4 Han against 12 Latin letters: 4 × 3 ≥ 12.
    expect(documentLanguage(lines('栖木公司', 'ABCDEFGHIJKL'))).toBe('zh');
    // 3 Han against 12 Latin letters.
    expect(documentLanguage(lines('栖木司', 'ABCDEFGHIJKL'))).toBe('en');
  });

  it('counts only letters and ideographs: digits, punctuation and full-width signs weigh nothing', () => {
    expect(documentLanguage(lines('2031 年度：12,345（万元）', 'Note 7'))).toBe('zh');
    expect(documentLanguage(lines('Revenue 12,345 (1,577) — 2031', '，。：'))).toBe('en');
  });

  it('counts an ideograph beyond the Basic Multilingual Plane once, not as two units', () => {
    // U+20BB7 is one Han character written as a surrogate pair: 1 × 3 ≥ 3 Latin letters.
    expect(documentLanguage(lines('\u{20BB7}', 'abc'))).toBe('zh');
    expect(documentLanguage(lines('\u{20BB7}', 'abcd'))).toBe('en');
  });
});
