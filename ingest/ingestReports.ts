import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../src/log.js';
import type { Tokenizer } from '../src/text/tokenize.js';
import { EmbedderMismatchError, IngestRefusedError } from '../src/errors.js';
import { chunkDocument } from './chunk/chunkDocument.js';
import { cleanPages } from './clean/cleanPages.js';
import { deriveVocabulary } from './deriveVocabulary.js';
import type { Embedder } from '../src/embed/embedder.js';
import { embedChunks } from './embed/embedChunks.js';
import { extractDocument } from './extract/extractDocument.js';
import { commitGeneration, readManifest, reportDirName, type NewReport } from '../src/store/indexStore.js';
import { readReportChunks, reportSourcePdf, writeReportFiles } from '../src/store/reportFiles.js';
import { extractMetrics } from './metrics/extractMetrics.js';
import { identifyReport } from './identity/identifyReport.js';
import { findContents } from './structure/contentsPages.js';
import { structureDocument } from './structure/structureDocument.js';
import { buildTables } from './tables/buildTables.js';
import { findLayoutTables } from './tables/findLayoutTables.js';
import { bodyFontSize } from './layout/bodyStyle.js';
import { documentLanguage } from './structure/documentLanguage.js';
import type { ReportIdentity } from './types.js';
import type { Chunk, IngestOutcome, MetricEntry, OcrRecord, ParsedTable, ReportMeta } from '../src/store/shapes.js';
import { withIngestLock } from '../src/store/indexStore.js';
import { markOcr } from './ocr/markOcr.js';
import { OCR_FONT } from './ocr/recognisePages.js';
import type { OcrSettings } from './ocr/recognisePages.js';

export interface IngestDeps {
  tokenizer: Tokenizer;
  embedder: Embedder;
  logger: Logger;
  maxBytes: number;
  /** Reads pages that are only a picture (scans); without it such pages stay empty. */
  ocr?: Omit<OcrSettings, 'onProgress'>;
}

export interface IngestOptions {
  indexDir: string;
  /** Re-ingest even when the content is unchanged; re-embed every report when the embedder changed. */
  force?: boolean;
  reportId?: string;
  year?: number;
  /** How long to wait for another ingest to finish before refusing. */
  lockWaitMs?: number;
  onProgress?: (message: string) => void;
  /** Times of each stage, for the bench. */
  onStageTime?: StageTimer;
}

/** Everything a report contributes to the index, built in memory before anything touches the disk. */
export interface AnalysedReport {
  identity: ReportIdentity;
  /** The file as given, copied into the index when it is a PDF (for page images). */
  filePath: string;
  meta: Omit<ReportMeta, 'ingestedAt' | 'dir' | 'counts' | 'id' | 'year' | 'title'>;
  chunks: Chunk[];
  tables: ParsedTable[];
  metrics: MetricEntry[];
  vocabulary: string[];
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Title, organisation and year are read from this many first pages (cover, contents, first section). */
const IDENTITY_PAGES = 5;

/** Reports how long each ingest stage took (the bench breaks the ingest time down with it). */
export type StageTimer = (stage: string, ms: number) => void;

async function timed<T>(onStageTime: StageTimer | undefined, stage: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  onStageTime?.(stage, performance.now() - started);
  return value;
}

/** extract → layout → clean → tables → structure → metrics → chunks; pure apart from reading the file. */
export async function analyseReport(
  file: string,
  options: { maxBytes: number; reportId?: string; year?: number; onStageTime?: StageTimer; ocr?: OcrSettings },
): Promise<AnalysedReport> {
  const t = options.onStageTime;
  const extracted = await timed(t, 'extract: pdf.js text items and lines', () =>
    extractDocument(file, { maxBytes: options.maxBytes, ...(options.ocr ? { ocr: options.ocr } : {}) }),
  );
  const clean = await timed(t, 'clean: running headers and footers', () => cleanPages(extracted.pages));
  if (clean.lines.length === 0) throw new IngestRefusedError(file, 'empty');
  const positioned = extracted.format === 'pdf';
  const contents = await timed(t, 'contents pages', () => findContents(clean.lines));
  const layout = await timed(t, 'tables: found from the layout', () => (positioned ? findLayoutTables(clean.lines, { skipPages: contents.pages }) : null));
  const structured = await timed(t, 'structure: headings, sections, blocks', () =>
    structureDocument(clean, {
      metadataTitle: extracted.metadataTitle,
      contentsLines: contents.lines,
      ...(layout ? { tableRanges: layout.map((table) => [table.lineStart, table.lineEnd] as const) } : {}),
    }),
  );
  const built = await timed(t, 'tables: captions, headers, periods, units', () =>
    buildTables({ lines: clean.lines, blocks: structured.blocks, layout, bodySize: bodyFontSize(clean.lines), language: documentLanguage(clean.lines) }),
  );
  const { tables, blocks } = built;
  const identity = await timed(t, 'identity: organisation, year, kind', () => identifyReport({
    filePath: file,
    firstLines: clean.lines.filter((line) => line.page <= IDENTITY_PAGES),
    runningLines: clean.droppedRepeats,
    metadataTitle: extracted.metadataTitle,
    tables,
    flags: { reportId: options.reportId, year: options.year },
  }));
  const metrics = await timed(t, 'metrics', () => extractMetrics(blocks, clean.lines));
  const chunks = await timed(t, 'chunks', () => chunkDocument({ reportId: identity.id, year: identity.year, blocks, tables }));
  const ocrLines = clean.lines.filter((line) => line.geometry?.font === OCR_FONT);
  markOcr(extracted.ocr, ocrLines, { chunks, tables, metrics });
  const ocrRecord = extracted.ocr.pages.length > 0 || extracted.ocr.skipped.length > 0 ? { ocr: extracted.ocr } : {};
  return {
    identity,
    filePath: file,
    meta: { sourceFile: path.basename(file), sha256: extracted.sha256, format: extracted.format, pages: extracted.pages.length, ...ocrRecord },
    chunks,
    tables,
    metrics,
    vocabulary: await timed(t, 'vocabulary', () => deriveVocabulary(blocks, metrics)),
  };
}

/** The manifest entry of an analysed report, stamped now. */
export function reportMeta(report: AnalysedReport): ReportMeta {
  return {
    ...report.meta,
    id: report.identity.id,
    year: report.identity.year,
    title: report.identity.title,
    ...(report.identity.organisation ? { organisation: report.identity.organisation } : {}),
    ingestedAt: new Date().toISOString(),
    dir: reportDirName(report.identity.id),
    counts: { chunks: report.chunks.length, tables: report.tables.length, metrics: report.metrics.length },
  };
}

function newReport(report: AnalysedReport, deps: IngestDeps, onStageTime?: StageTimer): NewReport {
  const meta = reportMeta(report);
  return {
    meta,
    write: async (dir) => {
      const content = { chunks: report.chunks, tables: report.tables, metrics: report.metrics, vocabulary: report.vocabulary };
      const index = await timed(onStageTime, 'index: tokenize and embed chunks', () => embedChunks(content.chunks, content.vocabulary, deps));
      await timed(onStageTime, 'index: BM25, vector graph, files', () =>
        writeReportFiles(dir, { content, index, sourcePdf: report.meta.format === 'pdf' ? report.filePath : null }),
      );
    },
  };
}

/**
 * Ingests report files into the index as one atomic change: every file is analysed first, and only
 * when all of them are readable is a new index generation written and switched to. A refused file
 * therefore leaves the index exactly as it was.
 */
export async function ingestReports(files: string[], options: IngestOptions, deps: IngestDeps): Promise<IngestOutcome[]> {
  const progress = options.onProgress ?? (() => {});
  return withIngestLock(
    options.indexDir,
    async () => {
      const current = await readManifest(options.indexDir);
      const embedderChanged = current !== null && current.manifest.embedder.id !== deps.embedder.id;
      if (embedderChanged && !options.force) throw new EmbedderMismatchError(current.manifest.embedder.id, deps.embedder.id);

      const outcomes: IngestOutcome[] = [];
      const analysed: Array<{ report: AnalysedReport; outcome: IngestOutcome }> = [];
      for (const file of files) {
        const started = performance.now();
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) throw new IngestRefusedError(file, 'not_found');
        const sha = await sha256File(file);
        const same = current?.manifest.reports.find((r) => r.sha256 === sha && (options.reportId === undefined || r.id === options.reportId));
        if (same && !options.force && (options.year === undefined || same.year === options.year)) {
          progress(`${file}: unchanged (same content as report ${same.id}), skipped`);
          outcomes.push({ file, reportId: same.id, year: same.year, title: same.title, status: 'unchanged', pages: same.pages, ...same.counts, seconds: 0 });
          continue;
        }
        const twin = current?.manifest.reports.find((r) => r.sha256 === sha && r.id !== options.reportId);
        if (twin && options.reportId !== undefined) {
          progress(`warning: ${file} has the same content as report ${twin.id}, already in the index; it is added again as ${options.reportId}`);
        }
        const report = await analyseReport(file, {
          maxBytes: deps.maxBytes,
          reportId: options.reportId,
          year: options.year,
          onStageTime: options.onStageTime,
          ...(deps.ocr ? { ocr: { ...deps.ocr, onProgress: progress } } : {}),
        });
        const skipped = report.meta.ocr?.skipped ?? [];
        if (skipped.length > 0) progress(`${file}: ${skipped.length} picture pages not read (${describeSkipped(skipped)})`);
        const seconds = (performance.now() - started) / 1000;
        progress(
          `${file}: ${report.meta.pages} pages, ${report.tables.length} tables, ${report.metrics.length} metrics, ${report.chunks.length} chunks (${seconds.toFixed(2)} s)`,
        );
        const replaced = current?.manifest.reports.some((r) => r.id === report.identity.id) ?? false;
        analysed.push({
          report,
          outcome: {
            file,
            reportId: report.identity.id,
            year: report.identity.year,
            title: report.identity.title,
            status: replaced ? 'replaced' : 'added',
            pages: report.meta.pages,
            tables: report.tables.length,
            metrics: report.metrics.length,
            chunks: report.chunks.length,
            seconds,
            ...(report.meta.ocr ? { ocrPages: report.meta.ocr.pages.length, skippedPages: report.meta.ocr.skipped } : {}),
          },
        });
      }
      // Two files naming the same report in one run: the later one wins, as a re-ingest would.
      const byId = new Map(analysed.map((a) => [a.report.identity.id, a]));
      const added = [...byId.values()];
      if (added.length === 0 && !embedderChanged) return outcomes;

      const addedIds = new Set(added.map((a) => a.report.identity.id));
      const carried = (current?.manifest.reports ?? []).filter((r) => !addedIds.has(r.id));
      let keep = carried;
      const reembedded: NewReport[] = [];
      if (embedderChanged && current) {
        // Vectors from another embedder are not comparable: re-embed the carried reports from their chunks.
        keep = [];
        for (const meta of carried) {
          progress(`re-embedding ${meta.id} with ${deps.embedder.id}`);
          const stored = await readReportChunks(current.generationDir, meta, options.indexDir);
          const sourcePdf = reportSourcePdf(current.generationDir, meta);
          reembedded.push({
            meta,
            write: async (dir) => writeReportFiles(dir, { content: stored, index: await embedChunks(stored.chunks, stored.vocabulary, deps), sourcePdf }),
          });
        }
      }
      const started = performance.now();
      const newReports = added.map((a) => newReport(a.report, deps, options.onStageTime));
      await commitGeneration(options.indexDir, {
        embedder: { id: deps.embedder.id, dimensions: await embedderDimensions(deps.embedder) },
        keep,
        add: [...reembedded, ...newReports],
      });
      const indexSeconds = (performance.now() - started) / 1000;
      progress(`index written (${indexSeconds.toFixed(2)} s)`);
      for (const a of added) a.outcome.seconds += indexSeconds / added.length;
      return [...outcomes, ...added.map((a) => a.outcome)];
    },
    { waitMs: options.lockWaitMs ?? 0 },
  );
}

/** "pages 3, 7 (time limit); pages 120–131 (page budget)": runs of pages grouped by why. */
export function describeSkipped(skipped: OcrRecord['skipped']): string {
  const byReason = new Map<string, number[]>();
  for (const entry of skipped) byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry.page]);
  return [...byReason].map(([reason, pages]) => `${pages.length === 1 ? 'page' : 'pages'} ${pageRuns(pages)} (${reason})`).join('; ');
}

function pageRuns(pages: number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j += 1;
    runs.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

async function embedderDimensions(embedder: Embedder): Promise<number> {
  return embedder.dimensions ?? (await embedder.embedQuery('维度')).length;
}
