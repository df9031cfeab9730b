import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { createTokenizer } from '../text/tokenize.js';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createEmbeddings } from '../embed/createEmbeddings.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { type IngestOutcome } from '../store/shapes.js';
import type { AnswerService } from '../answer/answerService.js';
import type { AskOptions } from '../answer/types.js';
import { createRuntime, ensureIndex, loadAnswerService } from '../runtime/runtime.js';
import { metricMatchJson } from './metricJson.js';
import { printedFigure } from '../answer/printedFigure.js';
import { AnswerServiceHolder } from '../answer/answerServiceHolder.js';
import { runTerminalChat } from '../chat/terminalChat.js';
import { readManifest } from '../store/indexStore.js';
import { readReportTables } from '../store/reportFiles.js';
import { parseCliArgs, UsageError, type CliArgs } from './args.js';

/**
 * The command-line entry point. JSON goes to stdout one object per line (scripts read it); progress,
 * summaries and errors go to stderr. A refused or failed command exits non-zero with one or two plain
 * lines and no stack trace; the detail is logged at debug level.
 */

const REPORT_FILE = /\.(pdf|txt|md)$/i;

async function listReportFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(p)).filter((e) => REPORT_FILE.test(e)).sort();
      files.push(...entries.map((e) => path.join(p, e)));
    } else files.push(p);
  }
  return files;
}

function printSummary(outcomes: IngestOutcome[], seconds: number): void {
  const lines = outcomes.map(
    (o) => `  ${o.status.padEnd(9)} ${o.reportId} (${o.year})  ${o.pages} pages, ${o.tables} tables, ${o.metrics} metrics, ${o.chunks} chunks`,
  );
  process.stderr.write(`ingest finished in ${seconds.toFixed(2)} s\n${lines.join('\n')}\n`);
}

async function runIngest(args: CliArgs, config: Config, indexDir: string, logger: Logger): Promise<void> {
  const files = await listReportFiles(args.positionals.length > 0 ? args.positionals : [config.reportsDir]);
  if (files.length === 0) throw new UsageError(`no .pdf, .txt or .md report found in ${args.positionals.join(' ') || config.reportsDir}`);
  const started = performance.now();
  const tokenizer = createTokenizer();
  const outcomes = await ingestReports(
    files,
    {
      indexDir,
      force: args.force,
      reportId: args.reportId,
      year: args.year,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    },
    { tokenizer, embedder: createEmbeddings(config.openai, tokenizer), logger, maxBytes: config.maxReportBytes },
  );
  printSummary(outcomes, (performance.now() - started) / 1000);
  if (args.json) for (const o of outcomes) process.stdout.write(`${JSON.stringify(o)}\n`);
}

async function runTables(indexDir: string): Promise<void> {
  const current = await readManifest(indexDir);
  if (!current) throw new UserFacingError('no index', `No index in ${indexDir}; run: npm run --silent cli -- ingest`);
  for (const meta of current.manifest.reports) {
    for (const table of await readReportTables(current.generationDir, meta, indexDir)) {
      const line = {
        id: table.id,
        title: table.title,
        report: meta.id,
        year: meta.year,
        page: table.page,
        header: table.header,
        rows: table.rows,
        source_note: table.sourceNote,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
}

const BatchLine = z.union([
  z.string(),
  z.object({
    question: z.string(),
    history: z.array(z.object({ question: z.string(), answer: z.string() })).optional(),
  }),
]);

/** Batch files hold one question per line, or one JSON object with a conversation history. */
async function readBatch(file: string): Promise<Array<{ question: string; history?: AskOptions['history'] }>> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    if (!line.trimStart().startsWith('{')) return { question: line };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1} starts with "{" but is not JSON`);
    }
    const parsed = BatchLine.safeParse(raw);
    if (!parsed.success || typeof parsed.data === 'string') throw new UsageError(`${file}:${i + 1}: expected {"question": "…", "history": [...]}`);
    return parsed.data;
  });
}

async function answerService(config: Config, indexDir: string, logger: Logger): Promise<AnswerService> {
  const runtime = createRuntime(config, logger);
  await ensureIndex(runtime, indexDir, (m) => process.stderr.write(`${m}\n`));
  return loadAnswerService(runtime, indexDir);
}

async function runAsk(args: CliArgs, config: Config, indexDir: string, logger: Logger): Promise<void> {
  const questions = args.batch ? await readBatch(args.batch) : [{ question: args.positionals.join(' ') }];
  if (!args.batch && questions[0]?.question.trim() === '') throw new UsageError('ask needs a question');
  const service = await answerService(config, indexDir, logger);
  for (const q of questions) {
    const result = await service.ask(q.question, { history: q.history, report: args.report, year: args.year });
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : `${result.answer}\n\n`);
  }
}

async function runMetric(args: CliArgs, config: Config, indexDir: string, logger: Logger): Promise<void> {
  const queries = args.batch ? (await readBatch(args.batch)).map((q) => q.question) : [args.positionals.join(' ')];
  const service = await answerService(config, indexDir, logger);
  const years = args.year === undefined ? undefined : new Set([args.year]);
  const reportIds = args.report === undefined ? undefined : new Set([args.report]);
  for (const query of queries) {
    const matches = service.lookupMetric(query, 5, { years, reportIds }).map(metricMatchJson);
    if (args.json) process.stdout.write(`${JSON.stringify({ query, matches })}\n`);
    else process.stdout.write(`${query}\n${matches.map((m) => `  ${m.name.replace(/…/gu, '')}：${printedFigure(m)}（${m.section}，第 ${m.page} 页，${m.year}）`).join('\n')}\n`);
  }
}

async function runReports(indexDir: string): Promise<void> {
  const current = await readManifest(indexDir);
  for (const meta of current?.manifest.reports ?? []) process.stdout.write(`${JSON.stringify(meta)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  let logger: Logger = createLogger();
  try {
    const args = parseCliArgs(argv);
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel, secrets: [config.openai?.apiKey, config.discord.token] });
    const indexDir = args.index ?? config.indexDir;
    switch (args.command) {
      case 'ingest':
        await runIngest(args, config, indexDir, logger);
        return 0;
      case 'tables':
        await runTables(indexDir);
        return 0;
      case 'reports':
        await runReports(indexDir);
        return 0;
      case 'ask':
        await runAsk(args, config, indexDir, logger);
        return 0;
      case 'metric':
        await runMetric(args, config, indexDir, logger);
        return 0;
      case 'chat': {
        const holder = new AnswerServiceHolder(await answerService(config, indexDir, logger));
        await runTerminalChat(holder, { input: process.stdin, output: process.stdout, logger, prompt: process.stdin.isTTY === true });
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (error) {
    if (error instanceof UserFacingError) {
      process.stderr.write(`${error.userMessage}\n`);
      logger.debug('command failed', error);
      return error instanceof UsageError ? 2 : 1;
    }
    logger.error('unexpected failure', error);
    process.stderr.write('Unexpected failure; run with LOG_LEVEL=debug for the detail.\n');
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
