import { analyseReport } from '../../ingest/ingestReports.js';
import { OcrPool } from '../../ingest/ocr/ocrPool.js';
import { IngestRefusedError } from '../../src/errors.js';
import { describeError, type Outcome } from './childProtocol.js';
import { serveChild } from './serveChild.js';

/**
 * Child process of the robustness runner (started with `fork`, an IPC channel and a heap limit): runs
 * the whole ingest pipeline in memory (`analyseReport`, nothing is written) on one file per request.
 * The runner kills it when a file takes too long or too much memory.
 */
/** A page that takes longer is skipped; the runner's per-file limit bounds the file as a whole. */
const OCR_PAGE_TIMEOUT_MS = 30_000;
/** One OCR thread per child, started on the first picture page and kept for the next files. */
let pool: OcrPool | null = null;

async function analyse(file: string, maxBytes: number, ocrPages: number): Promise<Outcome> {
  const ocr = ocrPages > 0 ? { ocr: { recogniser: (pool ??= new OcrPool({ threads: 1, pageTimeoutMs: OCR_PAGE_TIMEOUT_MS })), maxPages: ocrPages } } : {};
  try {
    const report = await analyseReport(file, { maxBytes, ...ocr });
    const read = report.meta.ocr?.pages.length ?? 0;
    return { kind: 'ok', pages: report.meta.pages, ocrPages: read, chunks: report.chunks.length, tables: report.tables.length, metrics: report.metrics.length };
  } catch (error) {
    if (!(error instanceof IngestRefusedError)) return { kind: 'error', ...describeError(error) };
    // A file that names no year is refused before metrics and chunks; run those too, with a year given
    // as `--year` would, so every stage meets every file. A failure there is the file's outcome.
    if (error.reason === 'no_year') {
      try {
        await analyseReport(file, { maxBytes, year: 2000, ...ocr });
      } catch (retryError) {
        if (!(retryError instanceof IngestRefusedError)) return { kind: 'error', ...describeError(retryError) };
      }
    }
    const cause = error.cause === undefined ? null : describeError(error.cause);
    return { kind: 'refused', reason: error.reason, message: error.userMessage, cause: cause && `${cause.name}: ${cause.message}` };
  }
}

await serveChild(analyse);
