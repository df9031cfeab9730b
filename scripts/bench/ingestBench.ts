import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import { buildTables } from '../../ingest/tables/buildTables.js';
import { chunkDocument } from '../../ingest/chunk/chunkDocument.js';
import { cleanPages } from '../../ingest/clean/cleanPages.js';
import { deriveVocabulary } from '../../ingest/deriveVocabulary.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { extractDocument } from '../../ingest/extract/extractDocument.js';
import { commitGeneration, reportDirName } from '../../src/store/indexStore.js';
import { writeReportFiles } from '../../src/store/reportFiles.js';
import { embedChunks } from '../../ingest/embed/embedChunks.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { extractMetrics } from '../../ingest/metrics/extractMetrics.js';
import { resolveIdentity } from '../../ingest/reportIdentity.js';
import { structureDocument } from '../../ingest/structure/structureDocument.js';
import type { Tokenizer } from '../../src/text/tokenize.js';
import { silentLogger } from '../../src/log.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import type { IngestBenchResult } from './benchSchemas.js';
import { median, round } from './stats.js';

export const INGEST_RATIO_TARGET = 1.5;

/** Bare pdf-parse text extraction of the file: the floor any ingest of it pays. */
export async function bareGetText(file: string): Promise<number> {
  const started = performance.now();
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)), ...pdfjsAssetUrls() });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
  return performance.now() - started;
}

/**
 * The ingest's stages one after another, each timed: what ingestReports → analyseReport does, spelled
 * out here so the ratio can be broken down (a CPU profile cannot: pdf.js works asynchronously).
 * `extract text` is extractDocument with table search off; `find ruled tables` is the rest of a full
 * extractDocument, so the two add up to the extract step of a real ingest.
 */
async function stagedIngest(file: string, indexDir: string, deps: { tokenizer: Tokenizer; embedder: Embedder }): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const timed = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    times[stage] = performance.now() - started;
    return value;
  };
  const maxBytes = 1024 ** 3;
  const text = 'extract: read, getInfo, getText';
  const grids = 'extract: find ruled tables (getTable)';
  await timed(text, () => extractDocument(file, { maxBytes, tablePages: 'none' }));
  const extracted = await timed(grids, () => extractDocument(file, { maxBytes }));
  times[grids] = (times[grids] ?? 0) - (times[text] ?? 0);
  const clean = await timed('clean pages', () => cleanPages(extracted.pages));
  const structured = await timed('structure', () => structureDocument(clean, { metadataTitle: extracted.metadataTitle }));
  const identity = resolveIdentity({ filePath: file, found: { title: structured.title, year: structured.year }, flags: {} });
  const tables = await timed('tables', () => buildTables({ lines: clean.lines, blocks: structured.blocks, gridTables: extracted.gridTables }));
  const metrics = await timed('metrics', () => extractMetrics(structured.blocks, clean.lines));
  const chunks = await timed('chunks', () => chunkDocument({ reportId: identity.id, year: identity.year, blocks: structured.blocks, tables }));
  const vocabulary = await timed('vocabulary', () => deriveVocabulary(structured.blocks, metrics));
  const dimensions = deps.embedder.dimensions ?? (await deps.embedder.embedQuery('维度')).length;
  await timed('index: tokenize, BM25, embed, graph, files, commit', () =>
    commitGeneration(indexDir, {
      embedder: { id: deps.embedder.id, dimensions },
      keep: [],
      add: [
        {
          meta: {
            id: identity.id,
            year: identity.year,
            title: identity.title,
            sourceFile: path.basename(file),
            sha256: extracted.sha256,
            format: extracted.format,
            pages: extracted.pages.length,
            ingestedAt: new Date().toISOString(),
            dir: reportDirName(identity.id),
            counts: { chunks: chunks.length, tables: tables.length, metrics: metrics.length },
          },
          write: async (dir) => {
            const content = { chunks, tables, metrics, vocabulary };
            await writeReportFiles(dir, { content, index: await embedChunks(chunks, vocabulary, deps), sourcePdf: extracted.format === 'pdf' ? file : null });
          },
        },
      ],
    }),
  );
  return times;
}

/**
 * The whole ingest of a report (into a fresh index each round) against bare pdf-parse `getText()` on
 * the same file, both in this process, alternating, `rounds` rounds; medians and their ratio. Both
 * sides run warm (modules imported, pdf.js initialised); the one-off segmenter dictionary load is
 * reported separately. Each round's ingest gets its own segmenter, loaded before the clock starts: the
 * segmenter caches recent texts, and a second ingest of the same report through one segmenter would
 * find every chunk already tokenized, which no new report does. The old way (one segmenter for all
 * rounds) is kept beside it as `ingestSharedSegmenterMs`. Then `rounds` runs of the same ingest stage
 * by stage (stagedIngest), for the medians of each stage.
 */
export async function runIngestBench(file: string, rounds: number): Promise<IngestBenchResult> {
  const dictionaryStarted = performance.now();
  const fresh = () => {
    const tokenizer = createTokenizer();
    tokenizer.tokens('预热');
    return { tokenizer, embedder: createEmbeddings(null, tokenizer), logger: silentLogger, maxBytes: 1024 ** 3 };
  };
  const shared = fresh();
  const dictionaryLoadMs = performance.now() - dictionaryStarted;

  const work = await mkdtemp(path.join(tmpdir(), 'bench-ingest-'));
  const bare: number[] = [];
  const ingest: number[] = [];
  const ingestShared: number[] = [];
  const stageTimes: Record<string, number[]> = {};
  try {
    await bareGetText(file); // first-use costs (pdf.js worker setup, CMaps) on neither side
    for (let r = 0; r < rounds; r += 1) {
      bare.push(await bareGetText(file));
      const deps = fresh();
      let started = performance.now();
      await ingestReports([file], { indexDir: path.join(work, `index-${r}`) }, deps);
      ingest.push(performance.now() - started);
      started = performance.now();
      await ingestReports([file], { indexDir: path.join(work, `shared-${r}`) }, shared);
      ingestShared.push(performance.now() - started);
    }
    for (let r = 0; r < rounds; r += 1) {
      const times = await stagedIngest(file, path.join(work, `staged-${r}`), fresh());
      for (const [stage, ms] of Object.entries(times)) (stageTimes[stage] ??= []).push(ms);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return {
    file,
    rounds,
    bareGetTextMs: round(median(bare), 0),
    ingestMs: round(median(ingest), 0),
    ratio: round(median(ingest) / median(bare), 2),
    ingestSharedSegmenterMs: round(median(ingestShared), 0),
    dictionaryLoadMs: round(dictionaryLoadMs, 0),
    stages: Object.entries(stageTimes).map(([stage, times]) => ({ stage, ms: round(median(times), 1) })),
    samples: { bareGetTextMs: bare.map((x) => round(x, 1)), ingestMs: ingest.map((x) => round(x, 1)), ingestSharedSegmenterMs: ingestShared.map((x) => round(x, 1)) },
  };
}
