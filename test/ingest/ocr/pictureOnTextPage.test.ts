import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../ingest/extract/readPdf.js';
import { buildLines } from '../../../ingest/layout/buildLines.js';
import { OcrPool, type PageRecogniser } from '../../../ingest/ocr/ocrPool.js';
import type { PageReading, ReadRequest } from '../../../ingest/ocr/pageReader.js';
import { OCR_FONT } from '../../../ingest/ocr/recognisePages.js';
import { pageJpeg } from '../../../scripts/ocr/imageOnlyCopy.js';
import { makePng, makeReportPdf } from '../../fixtures/pdfs.js';

/**
 * A page with a text layer and a table pasted onto it as a picture, as reports carry appendix tables:
 * the picture is read by OCR into cells beside the text layer, which stays as it was. A photo on a
 * text page gives no text and adds nothing. Terms are invented.
 */

const ROWS = [
  ['研修学员（人）', '4,386', '3,905'],
  ['结业率（%）', '97.35', '96.10'],
  ['合作企业（家）', '128', '117'],
  ['蓝鲸湾基地（个）', '12', '9'],
  ['青藤导师（人）', '256', '231'],
  ['培训课时（学时）', '18,640', '17,215'],
  ['满意度（%）', '98.6', '97.9'],
];

/** The table drawn on a page of its own and cut out as a 200 dpi JPEG: the picture to paste. */
async function tablePicture(): Promise<{ jpeg: Buffer; height: number }> {
  const page = await makeReportPdf({ pages: [[{ table: { header: ['项目', '2031年', '2030年'], rows: ROWS } }]], header: null, footer: null });
  // The grid starts 70 pt from the top, 25 pt a row (one 15 pt line and 5 pt padding above and below).
  const area = { x0: 50, y0: 64, x1: 545, y1: 70 + 25 * (ROWS.length + 1) + 6 };
  return { jpeg: await pageJpeg(page, 1, { area }), height: ((area.y1 - area.y0) * (595.28 - 112)) / (area.x1 - area.x0) };
}

/**
 * A letterhead as a picture: an invented firm's name and address printed at the right of a strip,
 * cut out of a page of its own as a JPEG.
 */
async function letterheadPicture(): Promise<Buffer> {
  const right = (text: string) => ({ placed: [{ text, x: 539, align: 'right' as const }] });
  const page = await makeReportPdf({ pages: [[right('Lanternfield Audit LLP'), right('5 Copperleaf Row, Emberton'), right('Chartered Accountants')]], header: null, footer: null });
  // At 300 dpi: 2 012 × 260 pixels, large enough to be looked at (over 250 000).
  return pageJpeg(page, 1, { dpi: 300, area: { x0: 56, y0: 62, x1: 539, y1: 124.5 } });
}

/** The pool, counting the regions it was asked to recognise text in. */
class CountingReader implements PageRecogniser {
  regions = 0;
  constructor(private readonly pool: OcrPool) {}
  async read(request: ReadRequest): Promise<PageReading> {
    const reading = await this.pool.read(request);
    this.regions += reading.regions.length;
    return reading;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

describe('a picture on a page that has text', () => {
  const pool = new OcrPool({ threads: 1, pageTimeoutMs: 60_000 });
  afterAll(() => pool.close());

  it('reads a table pasted as a picture into cells beside the text layer', async () => {
    const { jpeg, height } = await tablePicture();
    const pdf = await makeReportPdf({ pages: [['三、青藤计划', '青藤计划的主要数据见下表。', { picture: jpeg, height }, '以上数据由教务处提供。']] });

    const plain = await readPdf(pdf, 'report.pdf');
    const read = await readPdf(pdf, 'report.pdf', { recogniser: pool, maxPages: 5 });

    expect(read.ocr.pages.map((entry) => entry.page)).toEqual([1]);
    const page = read.pages[0];
    if (!page) throw new Error('no page');
    // The text layer is all still there, unchanged; what OCR added is marked as OCR's.
    // (Font ids are numbered per loaded document, so they are left out of the comparison.)
    const runs = (items: typeof page.items) => items.map(({ text, x, y, width, size }) => ({ text, x, y, width, size }));
    expect(runs(page.items.filter((item) => item.font !== OCR_FONT))).toEqual(runs(plain.pages[0]?.items ?? []));
    const rows = buildLines(page).map((line) => line.geometry?.segments.map((segment) => segment.text.replace(/\s+/gu, '').normalize('NFKC')) ?? []);
    for (const [label, current, previous] of ROWS) {
      expect(rows).toContainEqual([(label ?? '').normalize('NFKC'), current, previous]);
    }
  });

  it('adds nothing for a photo, which carries no text', async () => {
    // Large enough to be looked at (over 250 000 pixels), and a photo: no text to read.
    const photo = makePng(900, 600, [90, 140, 60]);
    const pdf = await makeReportPdf({ pages: [['三、青藤计划', '学员在蓝鲸湾基地实训。', { picture: photo, height: 300 }, '图 3 实训现场']] });

    const reader = new CountingReader(pool);
    const read = await readPdf(pdf, 'report.pdf', { recogniser: reader, maxPages: 5 });

    expect(read.ocr.pages).toEqual([]);
    expect(read.pages[0]?.items.some((item) => item.font === OCR_FONT)).toBe(false);
    // A flat panel has no ink: it is not even handed to the recogniser.
    expect(reader.regions).toBe(0);
  });

  it('does not read a picture the text lines print over, such as a letterhead behind a letter', async () => {
    const letterhead = await letterheadPicture();
    // The letter's five lines print over the letterhead (short lines at the left, the firm's name at
    // the right); a blank band below makes the page one that may hold a picture, and holds none.
    const letter = ['青岚职业学院全体股东：', '一、审计意见', '我们审计了后附的财务报表。', '二、形成审计意见的基础', '我们按照审计准则执行了审计工作。'];
    const pdf = await makeReportPdf({
      pages: [['审计报告', { picture: letterhead, height: 64, behind: true }, ...letter, '', '', '', '', '', '', '', '', '审计机构：澜田会计师事务所']],
    });
    const reader = new CountingReader(pool);

    const read = await readPdf(pdf, 'report.pdf', { recogniser: reader, maxPages: 5 });

    expect(read.ocr.pages).toEqual([]);
    expect(read.pages[0]?.items.some((item) => item.font === OCR_FONT)).toBe(false);
    expect(reader.regions).toBe(0);
  });
});
