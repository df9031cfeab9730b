import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanPages } from '../../../ingest/clean/cleanPages.js';
import { extractDocument } from '../../../ingest/extract/extractDocument.js';
import { extractMetrics } from '../../../ingest/metrics/extractMetrics.js';
import { structureDocument } from '../../../ingest/structure/structureDocument.js';
import type { CleanDocument } from '../../../ingest/types.js';
import type { MetricEntry } from '../../../src/store/shapes.js';
import { readGold, scoreAgainstGold, type GoldMetric } from './goldMatch.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REPORT = path.join(root, 'data/reports/hnhgzy-2024-quality-report.pdf');
const GOLD = path.join(root, 'eval/dev/metrics.dev.jsonl');

let doc: CleanDocument;
let entries: MetricEntry[];
let gold: GoldMetric[];

beforeAll(async () => {
  doc = cleanPages((await extractDocument(REPORT, { maxBytes: 100 * 1024 * 1024 })).pages);
  entries = extractMetrics(structureDocument(doc).blocks, doc.lines);
  gold = readGold(GOLD);
});

describe('extractMetrics on the 2024 report', () => {
  it('finds at least 95% of the gold figures with the printed unit and qualifier, under the gold wording and section', () => {
    const score = scoreAgainstGold(entries, gold);
    const report = `figures ${score.figures}/${score.total}, named ${score.named}, in section ${score.placed}; misses:\n${score.misses.join('\n')}`;
    expect(score.figures / score.total, report).toBeGreaterThanOrEqual(0.95);
    expect(score.named / score.total, report).toBeGreaterThanOrEqual(0.95);
    expect(score.placed / score.total, report).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps one entry per name, value and unit', () => {
    const keys = entries.map((e) => `${e.name}|${e.value}|${e.unit}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('registers a few hundred figures, none of them a bare year', () => {
    expect(entries.length).toBeGreaterThan(300);
    expect(entries.length).toBeLessThan(1000);
    expect(entries.filter((e) => e.unit === '' && /^(19|20)\d\d$/u.test(e.value))).toEqual([]);
  });

  it('cites the page the figure is printed on when its paragraph runs over a page break', () => {
    // 1.2.5's paragraph starts at the foot of one page; its "1 个国家级生产性实训基地" is printed on the next.
    const start = entries.find((e) => e.name === '累计建设校内实训基地个数' && e.value === '16');
    const next = entries.find((e) => e.name === '国家级生产性实训基地' && e.value === '1');
    expect(start).toBeDefined();
    expect(next).toBeDefined();
    expect(next?.page).toBe((start?.page ?? 0) + 1);
    const line = doc.lines.find((l) => l.norm.includes('1个国家级生产性'));
    expect(next?.page).toBe(line?.page);
  });

  it('quotes the list item a figure was read from as evidence', () => {
    const volunteers = entries.find((e) => e.name === '志愿者注册人数');
    expect(volunteers).toMatchObject({ value: '10750', unit: '人', qualifier: '', section: { id: '1.1.2' } });
    expect(volunteers?.evidence.replace(/\s+/gu, '')).toBe('志愿者注册人数10750人');
  });
});
