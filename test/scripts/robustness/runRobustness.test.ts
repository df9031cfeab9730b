import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRobustness, type FileResult } from '../../../scripts/robustness/runRobustness.js';
import { makeEncryptedPdf, makeImageOnlyPdf, makeReportPdf } from '../../fixtures/pdfs.js';
import { makeImageFilteredContentPdf } from '../../fixtures/handMadePdfs.js';
import { imageOnlyCopy } from '../../../scripts/ocr/imageOnlyCopy.js';

const MAX_BYTES = 1024 * 1024;
let work: string;
const results = new Map<string, FileResult>();
const result = (name: string) => {
  const found = results.get(name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
};

/** Bytes that look like nothing: deterministic, and with no "%PDF-" anywhere. */
function noise(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7919 + 13) % 251));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'robustness-'));
  const report = await makeReportPdf({ pages: [['前 言', '学校共有在校生 12000 人，专任教师 600 人。'], ['1.人才培养', '毕业生就业率为 95.82%。']] });
  const files: Record<string, Uint8Array> = {
    'good.pdf': report,
    'locked.pdf': await makeEncryptedPdf({ password: 'pw' }),
    'scan.pdf': await makeImageOnlyPdf(),
    'random.pdf': noise(4096),
    'cut.pdf': report.subarray(0, 3000),
    'empty.pdf': Buffer.alloc(0),
    'bomb.pdf': makeImageFilteredContentPdf(),
    'large.pdf': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES, 0x20)]),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(work, name), bytes);
  const run = await runRobustness({
    files: Object.keys(files).map((name) => path.join(work, name)),
    maxBytes: MAX_BYTES,
    concurrency: 2,
    timeoutMs: 30_000,
    heapMb: 768,
    maxRssMb: 1536,
  });
  for (const r of run) results.set(path.basename(r.file), r);
}, 90_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('runRobustness with the real pipeline in each child', () => {
  it('classifies a readable report as ok with its counts', () => {
    expect([result('good.pdf').category, result('good.pdf').counts?.pages]).toEqual(['ok', 2]);
  });

  it('classifies a password-protected PDF as encrypted, naming the pdf.js exception', () => {
    expect([result('locked.pdf').category, result('locked.pdf').cause]).toEqual(['encrypted', 'PasswordException: No password given']);
  });

  it('classifies a PDF of images only as no_text_layer', () => {
    expect(result('scan.pdf').category).toBe('no_text_layer');
  });

  it('classifies random bytes named .pdf as not_pdf', () => {
    expect(result('random.pdf').category).toBe('not_pdf');
  });

  it('classifies a truncated PDF as corrupt', () => {
    expect([result('cut.pdf').category, result('cut.pdf').cause]).toEqual(['corrupt', 'InvalidPDFException: Invalid PDF structure.']);
  });

  it('classifies an empty file as empty', () => {
    expect(result('empty.pdf').category).toBe('empty');
  });

  it('classifies a page content stream behind an image-only filter as corrupt', () => {
    expect([result('bomb.pdf').category, result('bomb.pdf').detail]).toEqual([
      'corrupt',
      `${path.join(work, 'bomb.pdf')}: the PDF is damaged and cannot be read (object 6 uses /JBIG2Decode but is not an image)`,
    ]);
  });

  it('classifies a file over maxBytes as too_large', () => {
    expect(result('large.pdf').category).toBe('too_large');
  });

  it('gives a refusal the one line the CLI prints, naming the file', () => {
    expect(result('empty.pdf').detail).toBe(`${path.join(work, 'empty.pdf')}: the file holds no text (0 bytes)`);
  });
});

describe('runRobustness with an OCR page budget', () => {
  it('ingests a scanned report by OCR within the budget, and still refuses pictures with no text in one line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'robustness-ocr-'));
    try {
      const page = await makeReportPdf({ pages: [['青岚职业学院2031年度质量报告', '2031 年青藤计划覆盖 4,386 名学员，结业率 97.35%。']], header: null, footer: null });
      await writeFile(path.join(dir, 'scanned.pdf'), await imageOnlyCopy(page));
      await writeFile(path.join(dir, 'pictures.pdf'), await makeImageOnlyPdf());
      const run = await runRobustness({
        files: [path.join(dir, 'scanned.pdf'), path.join(dir, 'pictures.pdf')],
        maxBytes: MAX_BYTES * 8,
        ocrPages: 1,
        concurrency: 1,
        timeoutMs: 60_000,
        heapMb: 768,
        maxRssMb: 4096,
      });
      const byName = new Map(run.map((r) => [path.basename(r.file), r]));
      expect([byName.get('scanned.pdf')?.category, byName.get('scanned.pdf')?.counts?.ocrPages]).toEqual(['ok', 1]);
      expect(byName.get('pictures.pdf')?.category).toBe('no_text_layer');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
