import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import { ingestReports } from '../../ingest/ingestReports.js';
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
 * One whole ingest with the pipeline's own stage timer on: what each stage of ingestReports took, and
 * the rest (lock, manifest, copy, switch) as the difference to the whole.
 */
async function stagedIngest(file: string, indexDir: string, deps: Parameters<typeof ingestReports>[2]): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const started = performance.now();
  await ingestReports([file], { indexDir, onStageTime: (stage, ms) => (times[stage] = (times[stage] ?? 0) + ms) }, deps);
  const total = performance.now() - started;
  const staged = Object.values(times).reduce((sum, ms) => sum + ms, 0);
  times['index: lock, manifest, atomic switch'] = Math.max(0, total - staged);
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
