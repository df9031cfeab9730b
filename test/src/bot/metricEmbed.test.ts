import { describe, expect, it } from 'vitest';
import type { MetricMatch, RegistryEntry } from '../../../src/answer/metricMatcher.js';
import { replyLabelsFor } from '../../../src/answer/phrase/replyLabels.js';
import { formatMetric, formatMetricNotFound } from '../../../src/bot/format/metricEmbed.js';
import type { ReportMeta } from '../../../src/store/shapes.js';

const report = (year: number): ReportMeta => ({
  id: `acme-${year}`,
  year,
  title: 'Acme Annual Report',
  sourceFile: 'acme.pdf',
  sha256: '0'.repeat(64),
  format: 'pdf',
  pages: 40,
  ingestedAt: '2026-12-03T00:00:00.000Z',
  dir: `acme-${year}`,
  counts: { chunks: 1, tables: 0, metrics: 1 },
});

const widgets = (year: number, value: string): RegistryEntry => ({
  entry: { name: 'Widget stores', value, unit: '', qualifier: 'approximately', section: { id: '2.1', path: ['2.1 Stores'] }, page: 7, evidence: 'We operate approximately 412 widget stores.' },
  report: report(year),
});

const best: MetricMatch = { ...widgets(2025, '412'), score: 1, queryCoverage: 1, entryCoverage: 1 };

describe('the /metric embed', () => {
  it('is worded in English for an English metric name', () => {
    const embed = formatMetric(best, [widgets(2024, '398'), best], [], replyLabelsFor('widget stores'));
    expect(embed.fields?.map((f) => f.name)).toEqual(['Value', 'Unit', 'Qualifier', 'Years', 'Source']);
    expect(embed.fields?.[3]?.value).toBe('2025: approximately **412** — 2.1 · p. 7\n2024: approximately **398** — 2.1 · p. 7');
    expect(embed.fields?.[4]?.value).toBe('2.1 · p. 7 (acme-2025, 2025)\n> We operate approximately 412 widget stores.');
    expect(embed.footer?.text).toBe('Metric index · 2 years have this metric');
  });

  it('keeps Chinese words for a Chinese metric name', () => {
    const embed = formatMetric(best, [best], [], replyLabelsFor('门店数量'));
    expect(embed.fields?.[0]?.name).toBe('数值');
    expect(embed.footer?.text).toBe('指标库 · 1 个年度有此指标');
  });

  it('says in English that nothing matched, with the closest names', () => {
    const embed = formatMetricNotFound('gadget depots', [widgets(2025, '412')], replyLabelsFor('gadget depots'));
    expect(embed.description).toBe('No metric of that name in the index. Try other words, or ask with /ask.');
    expect(embed.fields).toEqual([{ name: 'Closest metrics', value: 'Widget stores: approximately **412** (2025)', inline: false }]);
  });
});
