import type { Embedder } from '../../src/embed/embedder.js';
import { analyseReport, reportMeta, type AnalysedReport } from '../../ingest/ingestReports.js';
import { commitGeneration, currentGenerationDir, type NewReport } from '../../src/store/indexStore.js';
import { writeReportFiles } from '../../src/store/reportFiles.js';
import { embedChunks } from '../../ingest/embed/embedChunks.js';
import type { Tokenizer } from '../../src/text/tokenize.js';
import type { CopyMode } from './benchArgs.js';
import { deriveReport } from './derivedReports.js';
import type { ScaleBuildResult } from './benchSchemas.js';
import { diskUsage } from './diskUsage.js';
import { median, round } from './stats.js';

/**
 * Builds an index of `count` reports: the PDF analysed once, `count - 1` copies derived from it (see
 * derivedReports.ts), then one index generation written for all of them through the same
 * commitGeneration / writeReportFiles an ingest uses.
 */
export async function buildScaleIndex(
  indexDir: string,
  options: { file: string; count: number; copies: CopyMode },
  deps: { tokenizer: Tokenizer; embedder: Embedder },
): Promise<ScaleBuildResult> {
  const maxBytes = 1024 ** 3;
  let started = performance.now();
  await analyseReport(options.file, { maxBytes });
  const analyseColdMs = performance.now() - started;
  started = performance.now();
  const base = await analyseReport(options.file, { maxBytes });
  const analyseMs = performance.now() - started;

  started = performance.now();
  const reports: AnalysedReport[] = [];
  for (let copy = 0; copy < options.count; copy += 1) reports.push(deriveReport(base, copy, options.copies));
  const deriveMs = performance.now() - started;

  const writeTimes: number[] = [];
  const add: NewReport[] = reports.map((report) => ({
    meta: reportMeta(report),
    write: async (dir) => {
      const at = performance.now();
      const content = { chunks: report.chunks, tables: report.tables, metrics: report.metrics, vocabulary: report.vocabulary };
      await writeReportFiles(dir, {
        content,
        index: await embedChunks(content.chunks, content.vocabulary, deps),
        sourcePdf: report.meta.format === 'pdf' ? report.filePath : null,
      });
      writeTimes.push(performance.now() - at);
    },
  }));
  started = performance.now();
  const dimensions = deps.embedder.dimensions ?? (await deps.embedder.embedQuery('维度')).length;
  await commitGeneration(indexDir, { embedder: { id: deps.embedder.id, dimensions }, keep: [], add });
  const writeMs = performance.now() - started;

  const generationDir = await currentGenerationDir(indexDir);
  if (!generationDir) throw new Error(`no generation in ${indexDir} after commit`);
  return {
    reports: reports.length,
    chunks: reports.reduce((n, r) => n + r.chunks.length, 0),
    metrics: reports.reduce((n, r) => n + r.metrics.length, 0),
    analyseColdMs: round(analyseColdMs, 0),
    analyseMs: round(analyseMs, 0),
    deriveMs: round(deriveMs, 0),
    writeMs: round(writeMs, 0),
    writePerReportMs: { median: round(median(writeTimes), 1), max: round(Math.max(...writeTimes), 1) },
    buildMs: round(analyseMs + deriveMs + writeMs, 0),
    projectedDistinctMs: round(analyseMs * reports.length + writeMs, 0),
    disk: await diskUsage(generationDir),
    generationDir,
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}
