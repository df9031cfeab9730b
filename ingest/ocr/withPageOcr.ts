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
    return await run({ recogniser: pool, maxPages: settings.maxPages });
  } finally {
    await pool.close();
  }
}
