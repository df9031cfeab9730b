import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { exactSearch } from '../../src/store/exactSearch.js';
import { VectorIndex } from '../../src/store/vectorIndex.js';
import { loadReportIndex } from '../../src/store/loadReportIndex.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import { strictRecall, tieAwareRecall } from './recall.js';
import type { SearchTiming, VectorBenchResult } from './benchSchemas.js';
import { mean, median, percentile, round } from './stats.js';

export const RECALL_K = 10;

function timing(samples: number[]): SearchTiming {
  return { medianMs: round(median(samples), 3), p95Ms: round(percentile(samples, 95), 3), meanMs: round(mean(samples), 3) };
}

/**
 * hnsw against an exact scan over all vectors of all reports of an index: recall@k and time per query,
 * for query vectors embedded from `queries` with the index's own embedder.
 */
export async function runVectorBench(indexDir: string, queries: string[]): Promise<VectorBenchResult> {
  const tokenizer = createTokenizer();
  const embedder = createEmbeddings(null, tokenizer);
  const index = await loadReportIndex(indexDir, embedder.id);
  if (!index) throw new Error(`no index in ${indexDir}`);
  const dimensions = index.reports[0]?.vectors.dimensions ?? 0;
  const rows = index.reports.reduce((n, r) => n + r.vectors.size, 0);
  const data = new Float32Array(rows * dimensions);
  const offsets: number[] = [];
  let at = 0;
  for (const report of index.reports) {
    offsets.push(at / dimensions);
    data.set(report.vectors.vectors, at);
    at += report.vectors.vectors.length;
  }

  let started = performance.now();
  // fromVectors normalises in place and keeps `data`: hand it a copy, the exact reference reads `data`.
  const graph = VectorIndex.fromVectors({ dimensions, count: rows, data: data.slice() }, { exactBelow: 0 });
  const graphBuildMs = performance.now() - started;

  const vectors = await embedder.embedDocuments(queries);
  const k = Math.min(RECALL_K, rows);
  const graphMs: number[] = [];
  const exactMs: number[] = [];
  const perReportMs: number[] = [];
  const recalls: number[] = [];
  const strict: number[] = [];
  const perReportRecalls: number[] = [];
  for (const vector of vectors) {
    started = performance.now();
    const approx = graph.search(vector, k);
    graphMs.push(performance.now() - started);

    started = performance.now();
    const exact = graph.searchExact(vector, k);
    exactMs.push(performance.now() - started);

    started = performance.now();
    const merged: Array<{ index: number; score: number }> = [];
    index.reports.forEach((report, r) => {
      for (const hit of report.vectors.search(vector, k)) merged.push({ index: (offsets[r] ?? 0) + hit.index, score: hit.score });
    });
    merged.sort((a, b) => b.score - a.score);
    perReportMs.push(performance.now() - started);

    const scoreOf = (row: number) => exactSearch(data.subarray(row * dimensions, (row + 1) * dimensions), dimensions, vector, 1)[0]?.score ?? -Infinity;
    recalls.push(tieAwareRecall(approx.map((h) => h.index), exact, k, scoreOf));
    strict.push(strictRecall(approx.map((h) => h.index), exact, k));
    perReportRecalls.push(tieAwareRecall(merged.slice(0, k).map((h) => h.index), exact, k, scoreOf));
  }

  return {
    reports: index.reports.length,
    rows,
    dimensions,
    queries: vectors.length,
    k,
    graphBuildMs: round(graphBuildMs, 0),
    graph: { ...timing(graphMs), recall: round(mean(recalls), 4), strictRecall: round(mean(strict), 4) },
    exact: timing(exactMs),
    perReport: { ...timing(perReportMs), recall: round(mean(perReportRecalls), 4), largestReportRows: Math.max(...index.reports.map((r) => r.vectors.size)) },
  };
}
