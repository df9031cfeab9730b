import { readFile } from 'node:fs/promises';
import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { AnswerService } from '../../src/answer/answerService.js';
import { loadReportIndex } from '../../src/store/loadReportIndex.js';
import { silentLogger } from '../../src/log.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import { parseJsonl } from '../eval/goldSets.js';
import { GoldQuestionSchema, type GoldQuestion } from '../eval/schemas.js';
import { scoreAsk } from '../eval/score.js';
import type { AskBenchResult, MemorySnapshot } from './benchSchemas.js';
import { profiled } from './cpuProfile.js';
import { mean, median, percentile, round } from './stats.js';

/** As src/runtime/runtime.ts uses offline (OFFLINE_VECTOR_WEIGHT): the bench measures the offline service. */
const OFFLINE_VECTOR_WEIGHT = 0.1;
const SLOWEST_SHOWN = 5;

export async function loadQuestions(file: string): Promise<GoldQuestion[]> {
  return parseJsonl(await readFile(file, 'utf8'), GoldQuestionSchema, file);
}

function memory(): MemorySnapshot {
  const m = process.memoryUsage();
  const mb = (bytes: number) => round(bytes / 1024 ** 2, 0);
  return { rssMB: mb(m.rss), heapTotalMB: mb(m.heapTotal), heapUsedMB: mb(m.heapUsed), externalMB: mb(m.external) };
}

function collectGarbage(): boolean {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}

/**
 * In-process answering over an index folder, as a bot holds it: load it (timed, memory after), then
 * every question once to warm up (under the CPU profiler, to name where the time goes), then up to
 * `rounds` passes while they fit in `budgetMs`; percentiles of `ms` from AnswerService.ask. When even
 * the warm-up pass leaves no room for another, the warm-up pass is the measurement (and says so).
 * Meant to run in a fresh process so memory figures are the index's own.
 */
export async function runAskBench(indexDir: string, questions: GoldQuestion[], options: { rounds: number; budgetMs: number }): Promise<AskBenchResult> {
  const stepStarted = performance.now();
  // The modules every entry point loads (CLI, chat, bot: src/runtime/runtime.ts, which brings ingest and
  // pdf-parse), so the memory before loading is a real process's.
  await import('../../src/runtime/runtime.js');
  const tokenizer = createTokenizer();
  tokenizer.tokens('预热');
  const embedder = createEmbeddings(null, tokenizer);
  collectGarbage();
  const beforeLoad = memory();

  let started = performance.now();
  const index = await loadReportIndex(indexDir, embedder.id);
  const loadMs = performance.now() - started;
  if (!index) throw new Error(`no index in ${indexDir}`);
  started = performance.now();
  const service = new AnswerService({ index, tokenizer, embedder, logger: silentLogger, model: null, vectorWeight: OFFLINE_VECTOR_WEIGHT });
  const serviceMs = performance.now() - started;
  const afterLoad = memory();
  const afterLoadSettled = collectGarbage() ? memory() : null;

  started = performance.now();
  const wrong: string[] = [];
  const { result: cold, profile } = await profiled(
    async () => {
      const ms: number[] = [];
      for (const q of questions) {
        const result = await service.ask(q.question);
        ms.push(result.ms);
        if (!scoreAsk(q, result).correct) wrong.push(q.id);
      }
      return ms;
    },
    { limit: 20 },
  );
  const warmUpMs = performance.now() - started;

  const left = options.budgetMs - (performance.now() - stepStarted);
  const passes = Math.max(0, Math.min(options.rounds, Math.floor(left / Math.max(warmUpMs, 1))));
  const perQuestion: number[][] = questions.map((_, i) => (passes === 0 ? [cold[i] ?? Number.NaN] : []));
  for (let pass = 0; pass < passes; pass += 1) {
    for (const [i, q] of questions.entries()) perQuestion[i]!.push((await service.ask(q.question)).ms);
  }
  const all = perQuestion.flat();
  const slowest = questions
    .map((q, i) => ({ id: q.id, kind: q.kind, question: q.question, medianMs: round(median(perQuestion[i] ?? []), 1) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, SLOWEST_SHOWN);

  return {
    reports: index.reports.length,
    chunks: index.reports.reduce((n, r) => n + r.chunks.length, 0),
    questions: questions.length,
    roundsAsked: options.rounds,
    passes,
    loadMs: round(loadMs, 0),
    serviceMs: round(serviceMs, 0),
    beforeLoad,
    afterLoad,
    afterLoadSettled,
    afterAsk: memory(),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
    p50Ms: round(percentile(all, 50), 1),
    p95Ms: round(percentile(all, 95), 1),
    maxMs: round(Math.max(...all), 1),
    meanMs: round(mean(all), 1),
    coldP50Ms: round(percentile(cold, 50), 1),
    coldP95Ms: round(percentile(cold, 95), 1),
    warmUpMs: round(warmUpMs, 0),
    correct: questions.length - wrong.length,
    wrong,
    slowest,
    profile,
  };
}
