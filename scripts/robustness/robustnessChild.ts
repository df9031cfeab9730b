import { analyseReport } from '../../ingest/ingestReports.js';
import { IngestRefusedError } from '../../src/errors.js';
import { describeError, type Outcome } from './childProtocol.js';
import { serveChild } from './serveChild.js';

/**
 * Child process of the robustness runner (started with `fork`, an IPC channel and a heap limit): runs
 * the whole ingest pipeline in memory (`analyseReport`, nothing is written) on one file per request.
 * The runner kills it when a file takes too long or too much memory.
 */
async function analyse(file: string, maxBytes: number): Promise<Outcome> {
  try {
    const report = await analyseReport(file, { maxBytes });
    return { kind: 'ok', pages: report.meta.pages, chunks: report.chunks.length, tables: report.tables.length, metrics: report.metrics.length };
  } catch (error) {
    if (!(error instanceof IngestRefusedError)) return { kind: 'error', ...describeError(error) };
    // A file that names no year is refused before metrics and chunks; run those too, with a year given
    // as `--year` would, so every stage meets every file. A failure there is the file's outcome.
    if (error.reason === 'no_year') {
      try {
        await analyseReport(file, { maxBytes, year: 2000 });
      } catch (retryError) {
        if (!(retryError instanceof IngestRefusedError)) return { kind: 'error', ...describeError(retryError) };
      }
    }
    const cause = error.cause === undefined ? null : describeError(error.cause);
    return { kind: 'refused', reason: error.reason, message: error.userMessage, cause: cause && `${cause.name}: ${cause.message}` };
  }
}

await serveChild(analyse);
