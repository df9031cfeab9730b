import { describe, expect, it } from 'vitest';
import type { AnalysedReport } from '../../../ingest/ingestReports.js';
import { deriveReport, shiftFigures } from '../../../scripts/bench/derivedReports.js';

const section = { id: '1.1.2', path: ['1 人才培养', '1.1.2 志愿服务'] };

function base(): AnalysedReport {
  return {
    identity: { id: '某学院质量报告-2024', year: 2024, title: '某学院质量报告（2024年度）', organisation: '某学院' },
    filePath: 'data/reports/report.pdf',
    meta: { sourceFile: 'report.pdf', sha256: 'a'.repeat(64), format: 'pdf', pages: 110 },
    chunks: [
      { id: '某学院质量报告-2024#0', reportId: '某学院质量报告-2024', year: 2024, kind: 'metric_line', section, pageStart: 9, pageEnd: 9, text: '2024年志愿者注册人数 10750 人', norm: '2024年志愿者注册人数10750人' },
    ],
    tables: [{ id: '表 1-1', title: '2024年志愿服务', page: 9, pages: [9], header: ['项目', '人数'], rows: [['志愿者', '10750']], sourceNote: null, section }],
    metrics: [{ name: '志愿者注册人数', value: '10750', unit: '人', qualifier: '', section, page: 9, evidence: '志愿者注册人数 10750 人' }],
    vocabulary: ['志愿者注册人数'],
  };
}

describe('shiftFigures', () => {
  it('moves years with the copy', () => {
    expect(shiftFigures('2024年与2023年', 3, 2024)).toBe('2021年与2020年');
  });

  it('rewrites other figures but keeps their shape', () => {
    const out = shiftFigures('志愿者 10750 人，占比 63.93%', 1, 2024);
    const [count, share] = out.match(/\d+(?:\.\d+)?/g) ?? [];
    expect(count).toMatch(/^[1-9]\d{4}$/);
    expect(share).toMatch(/^\d{2}\.\d{2}$/);
    expect(out).not.toBe('志愿者 10750 人，占比 63.93%');
  });

  it('gives one figure the same rewrite wherever it stands in a copy', () => {
    const a = shiftFigures('人数 10750', 5, 2024).replace('人数 ', '');
    const b = shiftFigures('共10750人', 5, 2024).replace(/[共人]/g, '');
    expect(a).toBe(b);
  });

  it('gives different copies different figures', () => {
    const copies = new Set(Array.from({ length: 20 }, (_, i) => shiftFigures('10750', i + 1, 2024)));
    expect(copies.size).toBeGreaterThan(15);
  });

  it('leaves copy 0 untouched', () => {
    expect(shiftFigures('2024年 10750 人', 0, 2024)).toBe('2024年 10750 人');
  });
});

describe('deriveReport', () => {
  it('gives a copy its own id, year, title and chunk ids', () => {
    const copy = deriveReport(base(), 2, 'figures');
    expect(copy.identity).toEqual({ id: '某学院质量报告-2022', year: 2022, title: '某学院质量报告（2022年度）', organisation: '某学院' });
    expect(copy.chunks[0]?.id).toBe('某学院质量报告-2022#0');
    expect(copy.chunks[0]?.reportId).toBe('某学院质量报告-2022');
    expect(copy.chunks[0]?.year).toBe(2022);
    expect(copy.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(copy.meta.sha256).not.toBe(base().meta.sha256);
  });

  it('rewrites a figure the same way in chunk, metric and table', () => {
    const copy = deriveReport(base(), 7, 'figures');
    const value = copy.metrics[0]?.value ?? '';
    expect(value).not.toBe('10750');
    expect(copy.chunks[0]?.text).toContain(value);
    expect(copy.metrics[0]?.evidence).toContain(value);
    expect(copy.tables[0]?.rows[0]?.[1]).toBe(value);
    expect(copy.tables[0]?.title).toBe('2017年志愿服务');
  });

  it('keeps section and table ids, which are labels, not figures', () => {
    const copy = deriveReport(base(), 7, 'figures');
    expect(copy.chunks[0]?.section.id).toBe('1.1.2');
    expect(copy.tables[0]?.id).toBe('表 1-1');
  });

  it('changes only identity and title year in identical copies', () => {
    const copy = deriveReport(base(), 1, 'identical');
    expect(copy.metrics[0]?.value).toBe('10750');
    expect(copy.chunks[0]?.text).toBe('2024年志愿者注册人数 10750 人');
    expect(copy.identity.title).toBe('某学院质量报告（2023年度）');
  });

  it('returns the report itself for copy 0', () => {
    const report = base();
    expect(deriveReport(report, 0, 'figures')).toBe(report);
  });
});
