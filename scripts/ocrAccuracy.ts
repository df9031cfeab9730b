import { readFile } from 'node:fs/promises';
import { readPdf } from '../ingest/extract/readPdf.js';
import { buildLines } from '../ingest/layout/buildLines.js';
import { OcrPool } from '../ingest/ocr/ocrPool.js';
import { compactText, editDistance } from './ocr/characterErrors.js';
import { imageOnlyCopy } from './ocr/imageOnlyCopy.js';

/**
 * `tsx scripts/ocrAccuracy.ts REPORT.pdf [EVERY]`: scans every EVERY-th page of a PDF that has a text
 * layer (default 5) to an image-only copy at 200 dpi, reads it back with the ingest's OCR, and prints
 * the character error rate per page and over all sampled pages, against the text layer, with the
 * seconds per page. Measures OCR on pages whose right text is known.
 */
const [file, everyArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx scripts/ocrAccuracy.ts REPORT.pdf [EVERY]\n');
  process.exit(2);
}
const every = Number(everyArg ?? 5);
const original = await readFile(file);
const text = await readPdf(original, file);
const pages = text.pages.filter((page) => page.page % every === 0 || page.page === 1).map((page) => page.page);
const scan = await imageOnlyCopy(original, { pages });
const pool = new OcrPool({ threads: 2, pageTimeoutMs: 120_000 });
const started = performance.now();
const read = await readPdf(scan, 'scan.pdf', { recogniser: pool, maxPages: pages.length });
const seconds = (performance.now() - started) / 1000;
await pool.close();
let errors = 0;
let length = 0;
const rows: string[] = [];
pages.forEach((number, i) => {
  const expected = compactText(buildLines(text.pages[number - 1] ?? { page: number, width: 0, height: 0, items: [] }));
  const got = compactText(buildLines(read.pages[i] ?? { page: i + 1, width: 0, height: 0, items: [] }));
  const distance = editDistance(got, expected);
  errors += distance;
  length += expected.length;
  rows.push(`page ${String(number).padStart(3)}  ${String(expected.length).padStart(5)} chars  CER ${((100 * distance) / Math.max(1, expected.length)).toFixed(2)}%`);
});
process.stdout.write(`${rows.join('\n')}\n`);
process.stdout.write(`${pages.length} pages, ${length} characters: CER ${((100 * errors) / Math.max(1, length)).toFixed(2)}%; ${(seconds / pages.length).toFixed(1)} s/page on 2 threads (render included)\n`);
