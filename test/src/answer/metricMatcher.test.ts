import { describe, expect, it } from 'vitest';
import { MetricMatcher } from '../../../src/answer/metricMatcher.js';
import type { MetricEntry, ReportMeta } from '../../../src/store/shapes.js';
import { createTokenizer } from '../../../src/text/tokenize.js';

/** Invented registry of a cooperative's report that calls itself 合作社 (its subject noun, 合作). */
const report = { id: 'qimu-2031', year: 2031 } as ReportMeta;
const entry = (name: string, value: string): MetricEntry => ({ name, value, unit: '个', qualifier: '', section: { id: '1.2', path: ['1.2'] }, page: 5, evidence: `${name}${value}个` });
const entries = [entry('合作社共立项栖木精品示范茶园数', '166'), entry('栖木精品示范茶园', '44')].map((e) => ({ entry: e, report }));
const tokenizer = createTokenizer();

describe('registry names led by the report\'s subject noun', () => {
  it('are named by the rest of the name: the subject is no word of the name the query leaves uncovered', () => {
    const scoreOf = (matcher: MetricMatcher) => matcher.match('栖木精品茶', 2).find((m) => m.entry.value === '166')?.score ?? 0;
    const withSubject = scoreOf(new MetricMatcher(entries, tokenizer, '合作'));
    const without = scoreOf(new MetricMatcher(entries, tokenizer));
    expect(withSubject - without).toBeGreaterThan(0.05);
    expect([withSubject.toFixed(3), without.toFixed(3)]).toEqual(['0.529', '0.469']);
  });
});
