import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { silentLogger } from '../../src/log.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import { bareGetText } from './ingestBench.js';
import type { AddReportResult } from './benchSchemas.js';
import { median, round } from './stats.js';

/**
 * Adding next year's report to an index that already holds N: the real ingestReports, alternating
 * with the same ingest into an empty index, `rounds` rounds; medians. Re-ingesting under the same
 * id replaces the added report, so every round carries exactly the N reports of `indexDir`. Leaves
 * `indexDir` with one report more: run it after everything else that reads the index.
 */
export async function runAddReportBench(indexDir: string, file: string, rounds: number): Promise<AddReportResult> {
  const tokenizer = createTokenizer();
  tokenizer.tokens('预热');
  const deps = { tokenizer, embedder: createEmbeddings(null, tokenizer), logger: silentLogger, maxBytes: 1024 ** 3 };
  const work = await mkdtemp(path.join(tmpdir(), 'bench-add-'));
  const empty: number[] = [];
  const into: number[] = [];
  try {
    await bareGetText(file); // pdf.js start-up on neither side
    const options = { reportId: 'bench-added-report', year: 2100, force: true };
    for (let r = 0; r < rounds; r += 1) {
      let started = performance.now();
      await ingestReports([file], { ...options, indexDir: path.join(work, `empty-${r}`) }, deps);
      empty.push(performance.now() - started);
      started = performance.now();
      await ingestReports([file], { ...options, indexDir }, deps);
      into.push(performance.now() - started);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return {
    rounds,
    intoEmptyMs: round(median(empty), 0),
    intoIndexMs: round(median(into), 0),
    carryMs: round(median(into) - median(empty), 0),
    samples: { intoEmptyMs: empty.map((x) => round(x, 1)), intoIndexMs: into.map((x) => round(x, 1)) },
  };
}
