import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readManifest } from '../src/store/indexStore.js';
import { loadConfig } from '../src/config.js';
import { SCORING_RULES, type BaselineResult, type EvalResult, type MetricRow, type OursResult, type QuestionRow } from './eval/evalResult.js';
import { formatFailures, formatReportSets, formatTable } from './eval/formatReport.js';
import { REPORT_SETS, runReportSets } from './eval/reportSets.js';
import { loadGoldSets, pickGoldDir, type GoldSets } from './eval/goldSets.js';
import { buildNaiveBaseline, NAIVE_CHUNK_OVERLAP, NAIVE_CHUNK_SIZE, NAIVE_TOP_K } from './eval/naiveBaseline.js';
import { DEFAULT_CLI, EvalRunError, parseCliCommand, parseContractLine, runBatch, runCli, type CliCommand, type RunOptions } from './eval/runCli.js';
import { AskResultSchema as AskLineSchema } from '../src/answer/types.js';
import { MetricLineSchema, TableLineSchema, type TableLine } from '../src/cli/contract.js';
import { QA_KINDS, type GoldQuestion } from './eval/schemas.js';
import {
  compactForMatch,
  scoreAsk,
  scoreChunks,
  scoreMetric,
  scoreMetricChunks,
  scoreTable,
  summarizeMetrics,
  summarizeQa,
  summarizeTables,
  type MetricOutcome,
  type QuestionOutcome,
  type TableOutcome,
} from './eval/score.js';

/**
 * The project's eval (GUIDE.md "How we measure"): our system through the CLI contract against the
 * dev gold sets, and a naive LangChain-style baseline measured in the same run.
 *
 *   npm run eval [-- --dir DIR] [--index DIR] [--pdf FILE] [--cli "CMD"] [--out FILE]
 *                [--no-baseline | --baseline-only] [--timeout SECONDS] [--verbose]
 *
 * Prints the comparison table on stdout, our failures on stderr, and writes the same numbers to
 * bench-results/eval.json. Exits 0 whatever the scores; 1 when the run is broken (the CLI failed or
 * broke the JSON contract), 2 on bad arguments or unreadable gold files.
 */

const USAGE = `usage: npm run eval [-- --dir DIR] [--index DIR] [--pdf FILE] [--cli "CMD"] [--out FILE]
                     [--no-baseline | --baseline-only] [--no-reports] [--timeout SECONDS] [--verbose]
  --dir        gold sets folder (default ../shared/eval when present, else eval/dev)
  --index      index folder passed to the CLI (default INDEX_DIR or data/index; built by ingest when missing)
  --pdf        the report the naive baseline reads (default data/reports/hnhgzy-2024-quality-report.pdf)
  --cli        command standing for "${DEFAULT_CLI}" for ask/metric/tables (split on spaces), e.g. a stub
  --out        JSON result file (default bench-results/eval.json)
  --no-reports skip the real-report sets (${REPORT_SETS.map((set) => set.file).join(', ')})
  --timeout    seconds allowed per CLI batch process (default 600)
  --verbose    pass the CLI's stderr through, list the baseline's misses too`;

const DEFAULT_PDF = 'data/reports/hnhgzy-2024-quality-report.pdf';

interface EvalArgs {
  dir: string | undefined;
  index: string;
  pdf: string;
  cli: string;
  out: string;
  baseline: boolean;
  ours: boolean;
  /** Also ask the real-report sets (each report ingested into an index of its own). */
  reportSets: boolean;
  timeoutMs: number;
  verbose: boolean;
}

class UsageError extends Error {
  override name = 'UsageError';
}

function parseEvalArgs(argv: string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        dir: { type: 'string' },
        index: { type: 'string' },
        pdf: { type: 'string' },
        cli: { type: 'string' },
        out: { type: 'string' },
        'no-baseline': { type: 'boolean', default: false },
        'baseline-only': { type: 'boolean', default: false },
        'no-reports': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad arguments');
  }
  // An empty message means "help asked for": usage on stdout, exit 0.
  if (values.help) throw new UsageError('');
  if (values['no-baseline'] && values['baseline-only']) throw new UsageError('--no-baseline and --baseline-only exclude each other');
  const timeout = values.timeout === undefined ? 600 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a number of seconds, got "${values.timeout}"`);
  return {
    dir: values.dir,
    // The CLI's own default, so `npm run eval` and `npm run cli` look at the same index.
    index: values.index ?? loadConfig().indexDir,
    pdf: values.pdf ?? DEFAULT_PDF,
    cli: values.cli ?? DEFAULT_CLI,
    out: values.out ?? path.join('bench-results', 'eval.json'),
    baseline: !values['no-baseline'],
    ours: !values['baseline-only'],
    reportSets: !values['no-reports'],
    timeoutMs: timeout * 1000,
    verbose: values.verbose ?? false,
  };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Builds the index with the real CLI when the folder holds none (the eval measures answering, not ingest). */
async function ensureIndex(indexDir: string, options: RunOptions): Promise<void> {
  if (await readManifest(indexDir)) return;
  process.stderr.write(`eval: no index in ${indexDir}; building it with: ${DEFAULT_CLI} ingest --index ${indexDir}\n`);
  await runCli(parseCliCommand(DEFAULT_CLI), ['ingest', '--index', indexDir], { ...options, echoStderr: true });
}

function sameText(a: string, b: string): boolean {
  return compactForMatch(a) === compactForMatch(b);
}

async function runOurs(gold: GoldSets, args: EvalArgs) {
  const cli: CliCommand = parseCliCommand(args.cli);
  const options: RunOptions = { echoStderr: args.verbose, timeoutMs: args.timeoutMs };
  const indexArgs = ['--index', args.index];
  const result: OursResult = { qa: null, metrics: null, tables: null, modes: {}, wallMs: {}, errors: [] };
  const questions = new Map<string, QuestionOutcome>();
  const metrics = new Map<string, MetricOutcome>();
  let tables: TableOutcome[] = [];

  try {
    await ensureIndex(args.index, options);
  } catch (error) {
    result.errors.push(`index: ${message(error)}`);
    return { result, questions, metrics, tables };
  }

  if (gold.qa) {
    const qa = gold.qa;
    try {
      const { lines, wallMs } = await runBatch(cli, 'ask', qa.map((q) => (q.history ? { question: q.question, history: q.history } : q.question)), indexArgs, options);
      result.wallMs.ask = wallMs;
      const outcomes = qa.map((q, i) => {
        const line = parseContractLine(AskLineSchema, lines[i] ?? '', `ask line ${i + 1} (${q.id})`);
        // The contract promises the same order; a shifted line would score every later answer against
        // the wrong gold, so a mismatch breaks the run instead.
        if (!sameText(line.question, q.question)) throw new EvalRunError(`ask line ${i + 1} answers "${line.question}", expected "${q.question}" (${q.id})`);
        result.modes[line.mode] = (result.modes[line.mode] ?? 0) + 1;
        return scoreAsk(q, line);
      });
      for (const o of outcomes) questions.set(o.id, o);
      result.qa = summarizeQa(outcomes);
    } catch (error) {
      result.errors.push(`ask: ${message(error)}`);
    }
  }

  if (gold.metrics) {
    const gm = gold.metrics;
    try {
      const { lines, wallMs } = await runBatch(cli, 'metric', gm.map((m) => m.query), indexArgs, options);
      result.wallMs.metric = wallMs;
      const outcomes = gm.map((m, i) => {
        const line = parseContractLine(MetricLineSchema, lines[i] ?? '', `metric line ${i + 1} (${m.id})`);
        if (!sameText(line.query, m.query)) throw new EvalRunError(`metric line ${i + 1} answers "${line.query}", expected "${m.query}" (${m.id})`);
        return scoreMetric(m, line.matches);
      });
      for (const o of outcomes) metrics.set(o.id, o);
      result.metrics = summarizeMetrics(outcomes);
    } catch (error) {
      result.errors.push(`metric: ${message(error)}`);
    }
  }

  if (gold.tables) {
    const gt = gold.tables;
    try {
      const { stdout, wallMs } = await runCli(cli, ['tables', '--json', ...indexArgs], options);
      result.wallMs.tables = wallMs;
      const ours: TableLine[] = stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => parseContractLine(TableLineSchema, line, `tables line ${i + 1}`));
      tables = gt.map((t) => scoreTable(t, ours));
      result.tables = summarizeTables(tables);
    } catch (error) {
      result.errors.push(`tables: ${message(error)}`);
    }
  }
  return { result, questions, metrics, tables };
}

async function runBaseline(gold: GoldSets, args: EvalArgs) {
  const result: BaselineResult = {
    description: `naive baseline = RecursiveCharacterTextSplitter ${NAIVE_CHUNK_SIZE}/${NAIVE_CHUNK_OVERLAP} over pdf-parse text + LocalHashEmbeddings + hnswlib top-${NAIVE_TOP_K}. Credited when the gold answer appears anywhere in its top-${NAIVE_TOP_K} chunks (a retrieval hit, not an answer anyone was given); it cannot abstain, so unanswerable questions count as wrong. Metric top-1/top-3: gold value inside chunk 1 / chunks 1–3. Latency: in-process embed + search.`,
    pdf: args.pdf,
    chunks: 0,
    buildMs: 0,
    qa: null,
    metrics: null,
    errors: [],
  };
  const questions = new Map<string, QuestionOutcome>();
  const metrics = new Map<string, MetricOutcome>();
  try {
    const baseline = await buildNaiveBaseline(args.pdf);
    result.chunks = baseline.chunkCount;
    result.buildMs = baseline.buildMs;
    if (gold.qa) {
      const outcomes: QuestionOutcome[] = [];
      for (const q of gold.qa) {
        const { chunks, ms } = await baseline.search(q.question);
        outcomes.push(scoreChunks(q, chunks, ms));
      }
      for (const o of outcomes) questions.set(o.id, o);
      result.qa = summarizeQa(outcomes);
    }
    if (gold.metrics) {
      const outcomes: MetricOutcome[] = [];
      for (const m of gold.metrics) outcomes.push(scoreMetricChunks(m, (await baseline.search(m.query)).chunks));
      for (const o of outcomes) metrics.set(o.id, o);
      result.metrics = summarizeMetrics(outcomes);
    }
  } catch (error) {
    result.errors.push(message(error));
  }
  return { result, questions, metrics };
}

const goldText = (q: GoldQuestion): string | null => (q.answer === null ? null : [q.answer, ...q.answer_variants].join(' | '));

async function main(argv: string[]): Promise<number> {
  let args: EvalArgs;
  let gold: GoldSets;
  try {
    args = parseEvalArgs(argv);
    gold = await loadGoldSets(await pickGoldDir(args.dir));
  } catch (error) {
    if (error instanceof UsageError && error.message === '') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message ? `${error.message}\n` : ''}${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`eval: ${message(error)}\n`);
    return 2;
  }
  for (const [name, set] of Object.entries({ qa: gold.qa, metrics: gold.metrics, tables: gold.tables })) {
    if (set === null) process.stderr.write(`eval: no ${name} gold set in ${gold.dir}; skipped\n`);
  }

  // Baseline first: it runs in this process, so our CLI's timings are not measured beside it.
  const baseline = args.baseline ? await runBaseline(gold, args) : null;
  const ours = args.ours ? await runOurs(gold, args) : null;

  const result: EvalResult = {
    generatedAt: new Date().toISOString(),
    goldDir: gold.dir,
    indexDir: args.index,
    cli: args.cli,
    rules: SCORING_RULES,
    ours: ours?.result ?? null,
    baseline: baseline?.result ?? null,
    questions: (gold.qa ?? []).map(
      (q): QuestionRow => ({
        id: q.id,
        kind: q.kind,
        lang: q.lang,
        question: q.question,
        gold: goldText(q),
        ours: ours?.questions.get(q.id) ?? null,
        baseline: baseline?.questions.get(q.id) ?? null,
      }),
    ),
    metrics: (gold.metrics ?? []).map(
      (m): MetricRow => ({
        id: m.id,
        query: m.query,
        gold: `${m.qualifier}${m.value}${m.unit}`,
        ours: ours?.metrics.get(m.id) ?? null,
        baseline: baseline?.metrics.get(m.id) ?? null,
      }),
    ),
    tables: ours?.tables ?? [],
  };

  // Real reports nobody here wrote, each in an index of its own (dev sets and the validation split).
  if (args.ours && args.reportSets) {
    result.reportSets = await runReportSets(parseCliCommand(args.cli), { echoStderr: args.verbose, timeoutMs: args.timeoutMs });
  }

  process.stdout.write(`${formatTable(result, QA_KINDS, args.out)}\n`);
  if (result.reportSets) process.stdout.write(`${formatReportSets(result.reportSets)}\n`);
  const failures = formatFailures(result, { baseline: args.verbose });
  if (failures) process.stderr.write(`\n${failures}\n`);
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(result, null, 2)}\n`);

  const errors = [
    ...(ours?.result.errors ?? []),
    ...(baseline?.result.errors.map((e) => `baseline: ${e}`) ?? []),
    ...(result.reportSets ?? []).flatMap((set) => set.errors.map((e) => `${set.name} ${set.split}: ${e}`)),
  ];
  if (errors.length > 0) {
    process.stderr.write(`\neval: broken run — the scores above leave these parts out:\n${errors.map((e) => `  ${e.replace(/\n/g, "\n    ")}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
