import { availableParallelism } from 'node:os';
import type { Config } from '../../src/config.js';
import { OcrPool } from './ocrPool.js';
import type { OcrSettings } from './recognisePages.js';

export type PageOcr = Omit<OcrSettings, 'onProgress'>;

/**
 * Runs an ingest with OCR set up from the configuration, and ends the OCR threads after it. The
 * threads start only when a page needs them, so a report with a text layer costs nothing here.
 * A page budget of 0 switches OCR off (`undefined`): picture pages then stay empty.
 */
export async function withPageOcr<T>(settings: Config['ocr'], run: (ocr: PageOcr | undefined) => Promise<T>): Promise<T> {
  if (settings.maxPages === 0) return run(undefined);
  const pool = new OcrPool({ threads: settings.threads, pageTimeoutMs: settings.pageTimeoutMs });
  try {
    // While the ingest's own thread reads the file's text, OCR takes the cores it leaves (one at least);
    // once the text is read, all its threads: on two cores, a second OCR thread beside the text reading
    // only slows both.
    const whileReading = Math.max(1, Math.min(settings.threads, availableParallelism() - 1));
    return await run({ recogniser: pool, maxPages: settings.maxPages, whileReading });
  } finally {
    await pool.close();
  }
}
