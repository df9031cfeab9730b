import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../ingest/extract/readPdf.js';
import { buildLines } from '../../../ingest/layout/buildLines.js';
import { OcrPageTimeoutError, OcrPool } from '../../../ingest/ocr/ocrPool.js';
import { OCR_FONT } from '../../../ingest/ocr/recognisePages.js';
import { compactText as compact, editDistance } from '../../../scripts/ocr/characterErrors.js';
import { imageOnlyCopy } from '../../../scripts/ocr/imageOnlyCopy.js';
import { makeReportPdf } from '../../fixtures/pdfs.js';

/**
 * The real recogniser (PaddleOCR models through onnxruntime, on a worker thread) on a page that was
 * made with a text layer and then scanned to an image: what it reads is checked against the text it
 * started from. Terms are invented, so nothing here can have been learnt from a report.
 */

const BUNDLED = path.resolve('data/reports/hnhgzy-2024-quality-report.pdf');

const PAGE = [
  { line: '三、蓝鲸湾研修计划', size: 16 },
  '2031 年青藤计划覆盖 4,386 名学员，结业率 97.35%，较上年提高 2.4 个百分点。',
  'Glimmerstone Holdings reported revenue of 12,480 thousand in 2031.',
  '研修类别：装备制造大类－蓝鲸湾技术类，统一规划第一批。',
  { placed: [{ text: '项目', x: 72 }, { text: '2031年', x: 380, align: 'right' as const }, { text: '2030年', x: 500, align: 'right' as const }] },
  { placed: [{ text: '研修学员（人）', x: 72 }, { text: '4,386', x: 380, align: 'right' as const }, { text: '3,905', x: 500, align: 'right' as const }] },
  { placed: [{ text: '结业率（%）', x: 72 }, { text: '97.35', x: 380, align: 'right' as const }, { text: '(1.20)', x: 500, align: 'right' as const }] },
];

describe('OCR of a scanned page', () => {
  const pool = new OcrPool({ threads: 1, pageTimeoutMs: 60_000 });
  afterAll(() => pool.close());

  it('reads the page back within 3% character error of its text layer, tables cell by cell', async () => {
    const original = await makeReportPdf({ pages: [PAGE], header: null, footer: null });
    const scan = await imageOnlyCopy(original);
    const text = await readPdf(original, 'made.pdf');
    const expected = compact(buildLines(text.pages[0] ?? { page: 1, width: 0, height: 0, items: [] }));

    const read = await readPdf(scan, 'scan.pdf', { recogniser: pool, maxPages: 5 });

    const page = read.pages[0];
    if (!page) throw new Error('no page');
    expect(read.ocr.pages.map((entry) => entry.page)).toEqual([1]);
    expect(read.ocr.pages[0]?.confidence).toBeGreaterThan(0.9);
    expect(page.items.every((item) => item.font === OCR_FONT)).toBe(true);
    const lines = buildLines(page);
    const got = compact(lines);
    expect(editDistance(got, expected) / expected.length).toBeLessThanOrEqual(0.03);
    // Each table row keeps its cells apart, figures exactly as printed.
    const row = lines.find((line) => line.text.startsWith('研修学员'));
    expect(row?.geometry?.segments.map((segment) => segment.text.replace(/\s+/gu, ''))).toEqual(['研修学员(人)', '4,386', '3,905']);
    // The full-width dash between CJK words is read as a dash; the numeral 一 stays the numeral.
    expect(got).toContain('装备制造大类-蓝鲸湾技术类,统一规划第一批。');
    const negative = lines.find((line) => line.text.startsWith('结业率'));
    expect(negative?.geometry?.segments.at(-1)?.text).toBe('(1.20)');
    // The title (16 pt) reads larger than body text in the same script (10.5 pt), as it was set.
    const title = lines.find((line) => line.text.includes('蓝鲸湾'));
    const body = lines.find((line) => line.text.includes('青藤计划'));
    expect((title?.geometry?.size ?? 0) / (body?.geometry?.size ?? 1)).toBeGreaterThan(1.15);
    expect(body?.geometry?.size).toBeGreaterThan(9);
    expect(body?.geometry?.size).toBeLessThan(12);
  });

  it('reads a scan of a ruled-table page of the bundled report back within 3% of its text layer, row by row', async () => {
    const bundled = await readFile(BUNDLED);
    const text = await readPdf(bundled, 'bundled.pdf');
    const expected = compact(buildLines(text.pages[13] ?? { page: 14, width: 0, height: 0, items: [] }));

    const read = await readPdf(await imageOnlyCopy(bundled, { pages: [14] }), 'scan.pdf', { recogniser: pool, maxPages: 5 });

    const lines = buildLines(read.pages[0] ?? { page: 1, width: 0, height: 0, items: [] });
    expect(editDistance(compact(lines), expected) / expected.length).toBeLessThanOrEqual(0.03);
    const rows = lines.map((line) => line.geometry?.segments.map((segment) => segment.text.replace(/\s+/gu, '')) ?? []);
    // A lone digit, a full-width dash and a six-digit code, each in its own cell.
    expect(rows).toContainEqual(['7', '制药与生物工程', '食品药品与粮食大类-药品与医疗', '490201', '药品生产技术']);
    expect(rows).toContainEqual(['13', '机械工程学院', '生物与化工大类-化工技术类', '470210', '化工装备技术']);
  });

  it('gives up a page that runs out of time and goes on with a fresh worker', async () => {
    const scan = await imageOnlyCopy(await makeReportPdf({ pages: [['甲乙丙丁 2031 年 48 项。']], header: null, footer: null }));
    const hasty = new OcrPool({ threads: 1, pageTimeoutMs: 1 });
    try {
      const bytes = new Uint8Array(new SharedArrayBuffer(scan.byteLength));
      bytes.set(scan);
      await expect(hasty.read({ document: { key: 'scan', bytes }, page: 1, find: 'page' })).rejects.toBeInstanceOf(OcrPageTimeoutError);
    } finally {
      await hasty.close();
    }
    const read = await readPdf(scan, 'scan.pdf', { recogniser: pool, maxPages: 5 });
    expect(read.pages[0]?.items.map((item) => item.text).join('')).toContain('2031');
  });
});
