import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../ingest/extract/extractDocument.js';
import type { ExtractedDocument } from '../../../ingest/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REPORT_PDF = path.join(root, 'data/reports/hnhgzy-2024-quality-report.pdf');
const REPORT_TEXT = path.join(root, 'test/fixtures/reports/hnhgzy-2024-quality-report.pdftext.txt');
const MAX_BYTES = 100 * 1024 * 1024;

describe('extractDocument on the bundled 2024 report PDF', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractDocument(REPORT_PDF, { maxBytes: MAX_BYTES });
  });

  it('gives all 110 pages, numbered 1 to 110', () => {
    expect(doc.pages.map((page) => page.page)).toEqual(Array.from({ length: 110 }, (_, index) => index + 1));
  });

  it('reads the CJK text of the first page in reading order: running title, then 前 言', () => {
    expect(doc.pages[0]?.lines.slice(0, 2).map((line) => line.text)).toEqual(['湖南化工职业技术学院高等职业教育质量报告（2024年度）', '前 言']);
    expect(doc.pages[0]?.lines.at(-1)?.text).toBe('第 1 页');
  });

  it('reads the title from the PDF metadata', () => {
    expect(doc.metadataTitle).toBe('湖南化工职业技术学院高等职业教育质量报告（2024年度）');
  });

  it('splits the rows of 表 1-1 on page 8 into one segment per cell', () => {
    const lines = doc.pages[7]?.lines ?? [];
    const at = lines.findIndex((line) => line.text.startsWith('表 1-1'));
    expect(lines.slice(at + 1, at + 3).map((line) => line.geometry?.segments.map((segment) => segment.text))).toEqual([
      ['赛事名称（级别）', '获奖等级', '获奖数量'],
      ['2024 年全国大学生跆拳道锦标赛（国家级）', '冠军', '1'],
    ]);
  });
});

describe('extractDocument on the older text export of the report', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractDocument(REPORT_TEXT, { maxBytes: MAX_BYTES });
  });

  it('splits about 110 pages with increasing numbers', () => {
    const numbers = doc.pages.map((page) => page.page);

    // 112: a few indented table captions read as page starts, the stray footers set the count right.
    expect(numbers.length).toBeGreaterThanOrEqual(105);
    expect(numbers.length).toBeLessThanOrEqual(115);
    expect(numbers.every((number, index) => index === 0 || number > (numbers[index - 1] ?? 0))).toBe(true);
  });

  it('starts the first page with 前 言', () => {
    expect(doc.pages[0]).toMatchObject({ page: 1 });
    expect(doc.pages[0]?.lines[0]?.text).toBe('前 言');
  });

  it('drops the blank separator lines', () => {
    expect(doc.pages.filter((page) => page.lines.some((line) => line.text.trim() === ''))).toEqual([]);
  });

  it('starts page 21 after the stray "第 20 页" footer, which stays on page 20', () => {
    const page20 = doc.pages.find((page) => page.page === 20);
    const page21 = doc.pages.find((page) => page.page === 21);

    expect(page20?.lines.slice(-2).map((line) => line.text)).toEqual(['高等职业教育质量报告（2024 年度）', '第 20 页']);
    expect(page21?.lines[0]?.text).toBe('序号 赛项名称 奖项 参赛教师 级别');
  });
});
