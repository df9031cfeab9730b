import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchArgs } from './bench/benchArgs.js';
import type { BenchResult, ScaleStep } from './bench/benchResult.js';
import {
  AddReportResultSchema,
  AskBenchResultSchema,
  IngestBenchResultSchema,
  ScaleBuildResultSchema,
  VectorBenchResultSchema,
} from './bench/benchSchemas.js';
import { formatMarkdown, formatText } from './bench/formatReport.js';
import { machineInfo } from './bench/machine.js';
import { runWorker } from './bench/runWorker.js';
import { processTiming, reportFiles, type ReportTiming } from './bench/reportsBench.js';
import { benchStart } from './bench/startBench.js';

/**
 * `npm run bench`: ingest against bare pdf-parse, CLI start against node, in-process ask latency, and the same at 1, 10 and
 * 100 reports (build, disk, memory, ask latency, hnsw against exact search). Each step runs in its
 * own process (scripts/bench/worker.ts) so memory figures are that step's own. Prints an aligned
 * table, writes bench-results/bench.json and bench-results/bench.md (markdown for the README).
 *
 *   npm run bench [-- FILE] [--only ingest|start|ask|scale] [--scale 1,10,100] [--rounds N] …
 *
 * Progress goes to stderr, the table to stdout. Exits 2 on bad arguments, 1 when a step fails.
 */

/** Rounds of "add one report to the index" (each a full ingest plus the same into an empty index). */
const ADD_ROUNDS = 3;

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function vectorQueries(questionsFile: string): Promise<string[]> {
  // The dev questions plus the metric lookups beside them (≈120 query vectors).
  const lines = (file: string) =>
    readFile(file, 'utf8').then(
      (text) => text.split('\n').filter((l) => l.trim() !== ''),
      () => [] as string[],
    );
  const Line = z.object({ question: z.string() }).or(z.object({ query: z.string() }));
  const raw = [...(await lines(questionsFile)), ...(await lines(path.join(path.dirname(questionsFile), 'metrics.dev.jsonl')))];
  return raw.flatMap((l) => {
    let json: unknown;
    try {
      json = JSON.parse(l);
    } catch {
      return []; // the eval reports malformed gold lines; here a query fewer does no harm
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) return [];
    return ['question' in parsed.data ? parsed.data.question : parsed.data.query];
  });
}

/** The first dev question, for the `ask` start timing. */
async function firstQuestion(questionsFile: string): Promise<string> {
  const [first] = (await readFile(questionsFile, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const parsed = z.object({ question: z.string() }).safeParse(first ? JSON.parse(first) : null);
  return parsed.success ? parsed.data.question : '志愿者人数有多少？';
}

async function runScaleStep(args: BenchArgs, work: string, reports: number, queries: string[]): Promise<ScaleStep> {
  const indexDir = path.join(work, `index-${reports}`);
  const what = `${reports} report${reports === 1 ? '' : 's'}`;
  progress(`${what}: building the index`);
  const build = await runWorker({ kind: 'build', indexDir, file: args.file, count: reports, copies: args.copies }, ScaleBuildResultSchema);
  progress(`${what}: asking (${(build.writeMs / 1000).toFixed(1)} s to write)`);
  const ask = await runWorker({ kind: 'ask', indexDir, questions: args.questions, rounds: args.askRounds, budgetMs: args.askBudgetMs }, AskBenchResultSchema);
  progress(`${what}: hnsw against exact search (ask p95 ${ask.p95Ms} ms)`);
  const vectors = await runWorker({ kind: 'vectors', indexDir, queries }, VectorBenchResultSchema);
  progress(`${what}: adding one report to the index`);
  const add = await runWorker({ kind: 'add', indexDir, file: args.file, rounds: ADD_ROUNDS }, AddReportResultSchema);
  if (!args.keep) await rm(indexDir, { recursive: true, force: true });
  return { reports, build, ask, vectors, add };
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  const work = await mkdtemp(path.join(tmpdir(), 'bench-'));
  const result: BenchResult = {
    machine: machineInfo(),
    loadAverage: { start: loadStart, end: loadStart },
    args: { ...args, sections: [...args.sections] },
    durationMs: 0,
    ingest: null,
    start: null,
    ask: null,
    scale: [],
    reports: null,
  };
  try {
    if (args.sections.includes('ingest')) {
      progress(`ingest: ${args.ingestRounds} rounds of bare getText() and full ingest`);
      result.ingest = await runWorker({ kind: 'ingest', file: args.file, rounds: args.ingestRounds }, IngestBenchResultSchema);
    }
    if (args.reports !== null) {
      const files = await reportFiles(args.reports);
      const rounds = Math.min(args.ingestRounds, 3);
      progress(`reports: ${files.length} PDFs under ${args.reports}, ${rounds} rounds each in process and as processes`);
      const timings: ReportTiming[] = [];
      for (const file of files) {
        progress(`  ${path.basename(file)}`);
        const inProcess = await runWorker({ kind: 'ingest', file, rounds }, IngestBenchResultSchema);
        timings.push({
          file: path.relative(args.reports, file),
          inProcess: { bareMs: inProcess.bareGetTextMs, ingestMs: inProcess.ingestMs, ratio: inProcess.ratio },
          process: await processTiming(file, rounds),
        });
      }
      result.reports = { folder: args.reports, rounds, reports: timings };
    }
    if (args.sections.includes('start')) {
      progress(`start: ${args.startRounds} rounds of CLI processes against node importing the same dependencies`);
      const indexDir = path.join(work, 'index-start');
      await runWorker({ kind: 'ingestOne', indexDir, file: args.file }, z.object({ ms: z.number() }));
      result.start = await benchStart({ rounds: args.startRounds, indexDir, question: await firstQuestion(args.questions) });
    }
    if (args.sections.includes('ask')) {
      progress('ask: ingesting the report, then asking');
      const indexDir = path.join(work, 'index-ask');
      const built = await runWorker({ kind: 'ingestOne', indexDir, file: args.file }, z.object({ ms: z.number() }));
      const ask = await runWorker({ kind: 'ask', indexDir, questions: args.questions, rounds: args.askRounds, budgetMs: args.askBudgetMs }, AskBenchResultSchema);
      result.ask = { ...ask, indexBuildMs: Math.round(built.ms) };
    }
    if (args.sections.includes('scale')) {
      const queries = await vectorQueries(args.questions);
      for (const reports of args.scales) result.scale.push(await runScaleStep(args, work, reports, queries));
    }
  } finally {
    if (args.keep) progress(`index folders kept in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  result.loadAverage.end = loadavg()[0] ?? 0;
  result.durationMs = Math.round(performance.now() - started);

  const text = formatText(result);
  process.stdout.write(text);
  await mkdir(args.out, { recursive: true });
  await writeFile(path.join(args.out, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(path.join(args.out, 'bench.md'), formatMarkdown(result));
  progress(`written ${path.join(args.out, 'bench.json')} and ${path.join(args.out, 'bench.md')}`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  caused by: ${String(error.cause)}\n`);
  return 1;
});
