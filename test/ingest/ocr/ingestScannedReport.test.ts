import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSkipped, ingestReports, type IngestDeps } from '../../../ingest/ingestReports.js';
import type { PageRecogniser } from '../../../ingest/ocr/ocrPool.js';
import type { RecognisedBox } from '../../../ingest/ocr/paddleOcr.js';
import type { PageReading, ReadRequest } from '../../../ingest/ocr/pageReader.js';
import { LocalHashEmbeddings } from '../../../src/embed/localHashEmbeddings.js';
import { IngestRefusedError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/log.js';
import { AnswerService } from '../../../src/answer/answerService.js';
import { readManifest } from '../../../src/store/indexStore.js';
import { loadReportIndex } from '../../../src/store/loadReportIndex.js';
import { loadReport } from '../../../src/store/reportFiles.js';
import { createTokenizer } from '../../../src/text/tokenize.js';
import { makeImageOnlyPdf, makePng, makeReportPdf } from '../../fixtures/pdfs.js';

/**
 * The ingest's side of OCR, with a recogniser that "reads" fixed lines, so the wiring is checked
 * quickly and exactly: the page budget, pages skipped and said, progress per page, and the OCR mark
 * with its confidence on what the pages produced. (recogniseScannedPage.test.ts runs the real models.)
 */

const tokenizer = createTokenizer();
const base: IngestDeps = { tokenizer, embedder: new LocalHashEmbeddings(tokenizer), logger: silentLogger, maxBytes: 10 * 1024 * 1024 };

/** What a scan of an A4 page would read, in points (scale 1): a title, and a body line with a figure. */
function scriptedPage(): RecognisedBox[] {
  const line = (text: string, top: number, height: number, confidence: number): RecognisedBox => ({ text, x0: 60, y0: top, x1: 60 + text.length * height, y1: top + height, confidence });
  return [line('青岚职业学院2031年度质量报告', 40, 20, 0.95), line('2031年青藤计划覆盖4386名学员，结业率97.35%。', 90, 13, 0.9)];
}

class ScriptedRecogniser implements PageRecogniser {
  calls = 0;
  async read(request: ReadRequest): Promise<PageReading> {
    this.calls += 1;
    return { scale: 1, regions: request.find === 'page' ? [scriptedPage()] : [] };
  }
  async close(): Promise<void> {}
}

/** Pictures large enough (480 000 pixels) to be read; smaller ones cannot carry a page of text. */
const SCAN = { pixels: [600, 800] as [number, number] };

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ingest-ocr-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('ingest of a scanned report', () => {
  it('reads picture pages within the page budget, names the pages it skipped, and marks what came from OCR', async () => {
    const file = path.join(work, 'scan.pdf');
    await writeFile(file, await makeImageOnlyPdf({ pages: 3, ...SCAN }));
    const recogniser = new ScriptedRecogniser();
    const progress: string[] = [];
    const indexDir = path.join(work, 'idx');

    const [outcome] = await ingestReports([file], { indexDir, onProgress: (message) => progress.push(message) }, { ...base, ocr: { recogniser, maxPages: 2 } });

    expect(recogniser.calls).toBe(2);
    expect(outcome).toMatchObject({ year: 2031, ocrPages: 2, skippedPages: [{ page: 3, reason: 'page budget' }] });
    expect(progress.filter((line) => line.startsWith('OCR page'))).toHaveLength(2);
    expect(progress).toContain(`${file}: 1 picture pages not read (page 3 (page budget))`);
    const current = await readManifest(indexDir);
    const meta = current?.manifest.reports[0];
    if (!current || !meta) throw new Error('no manifest');
    // Per page, the confidence weighted by characters: (16 × 0.95 + 29 × 0.9) / 45.
    expect(meta.ocr?.pages).toEqual([
      { page: 1, confidence: 0.918 },
      { page: 2, confidence: 0.918 },
    ]);
    const report = await loadReport(current.generationDir, meta, indexDir);
    const figure = report.metrics.find((metric) => metric.value === '97.35');
    expect(figure?.ocr).toBe(0.918);
    expect(report.chunks.filter((chunk) => chunk.text.includes('青藤计划')).every((chunk) => chunk.ocr !== undefined)).toBe(true);
  });

  it('answers from an OCR\'d page with the figure first and one note that OCR read it', async () => {
    const file = path.join(work, 'scan-answer.pdf');
    await writeFile(file, await makeImageOnlyPdf({ pages: 1, ...SCAN }));
    const indexDir = path.join(work, 'idx-answer');
    await ingestReports([file], { indexDir }, { ...base, ocr: { recogniser: new ScriptedRecogniser(), maxPages: 5 } });
    const index = await loadReportIndex(indexDir, base.embedder.id);
    if (!index) throw new Error('no index');
    const service = new AnswerService({ index, tokenizer, embedder: base.embedder, logger: silentLogger, model: null, vectorWeight: 0.1 });

    const zh = await service.ask('青藤计划结业率是多少？');
    const refused = await service.ask('What was the completion rate of the Qingteng plan?');

    expect(zh.found).toBe(true);
    expect(zh.answer.split('\n')[0]).toContain('97.35');
    expect(zh.answer.split('\n').at(-1)).toBe('（此处出自扫描页，由 OCR 识别，置信度 0.92，请以原页为准。）');
    // A refusal stands on nothing read, so it carries no note.
    expect(refused.found).toBe(false);
    expect(refused.answer).not.toContain('OCR');
  });

  it('ingests a partly scanned report with its text pages and its scanned pages together, marking only the scanned', async () => {
    const file = path.join(work, 'partly.pdf');
    const picture = makePng(600, 800);
    await writeFile(
      file,
      await makeReportPdf({
        pages: [['一、学院概况', '2031 年学院共有在校生 12,480 人，专任教师 566 人。'], [{ picture, height: 700 }]],
        header: (page) => (page === 1 ? '青岚职业学院2031年度质量报告' : null),
        footer: null,
      }),
    );
    const recogniser = new ScriptedRecogniser();
    const indexDir = path.join(work, 'idx-partly');

    const [outcome] = await ingestReports([file], { indexDir }, { ...base, ocr: { recogniser, maxPages: 5 } });

    expect(outcome).toMatchObject({ pages: 2, ocrPages: 1 });
    const current = await readManifest(indexDir);
    const meta = current?.manifest.reports[0];
    if (!current || !meta) throw new Error('no manifest');
    const report = await loadReport(current.generationDir, meta, indexDir);
    const students = report.metrics.find((metric) => metric.value === '12,480' || metric.value === '12480');
    const completion = report.metrics.find((metric) => metric.value === '97.35');
    expect([students?.page, students?.ocr]).toEqual([1, undefined]);
    expect([completion?.page, completion?.ocr]).toEqual([2, 0.918]);
  });

  it('still refuses a report of pictures without any text, saying OCR found none', async () => {
    const file = path.join(work, 'blank-scan.pdf');
    await writeFile(file, await makeImageOnlyPdf({ pages: 2, ...SCAN }));
    const empty: PageRecogniser = { read: async () => ({ scale: 1, regions: [[]] }), close: async () => {} };

    const error = await ingestReports([file], { indexDir: path.join(work, 'idx-blank') }, { ...base, ocr: { recogniser: empty, maxPages: 5 } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IngestRefusedError);
    expect((error as IngestRefusedError).reason).toBe('no_text_layer');
    expect((error as IngestRefusedError).message).toContain('OCR found text on 0 of the 2 pages it read');
  });

  it('says skipped pages as runs, grouped by why', () => {
    const skipped = [
      { page: 3, reason: 'time limit' as const },
      { page: 120, reason: 'page budget' as const },
      { page: 121, reason: 'page budget' as const },
      { page: 122, reason: 'page budget' as const },
      { page: 7, reason: 'time limit' as const },
    ];
    expect(describeSkipped(skipped)).toBe('pages 3, 7 (time limit); pages 120–122 (page budget)');
  });
});
