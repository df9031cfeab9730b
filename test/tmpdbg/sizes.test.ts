import { it } from 'vitest';
import { readPdf } from '../../ingest/extract/readPdf.js';
import { OcrPool } from '../../ingest/ocr/ocrPool.js';
import { imageOnlyCopy } from '../../scripts/ocr/imageOnlyCopy.js';
import { makeReportPdf } from '../fixtures/pdfs.js';
it('x', async () => {
  const sizes = [8, 9, 10.5, 12, 14, 16, 20, 24];
  const page = sizes.flatMap((size) => [{ line: `第${size}号蓝鲸湾研修计划说明`, size }, { line: `Glimmer ${size} report`, size }]);
  const original = await makeReportPdf({ pages: [page], header: null, footer: null });
  const pool = new OcrPool({ threads: 1, pageTimeoutMs: 60000 });
  const r = await readPdf(await imageOnlyCopy(original), 'b', { recogniser: pool, concurrency: 1, maxPages: 3 });
  for (const i of r.pages[0]!.items) { const t=[...i.text]; const cjk=t.filter((c)=>/\p{Script=Han}/u.test(c)).length; const other=t.length-cjk; console.log('OCR', i.size.toFixed(1), '', i.text); }
  await pool.close();
}, 60000);
