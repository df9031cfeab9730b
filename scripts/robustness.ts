import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { UserFacingError } from '../src/errors.js';
import { checkRefusalContract, type ContractCheck } from './robustness/checkRefusalContract.js';
import { failures, formatSummary } from './robustness/formatSummary.js';
import { FAILING_CATEGORIES, runRobustness, type FileResult } from './robustness/runRobustness.js';

/**
 * Robustness run: the whole ingest pipeline (in memory, nothing written) on every PDF of a folder, each
 * file in a child process bounded in time and memory, then a summary of what became of them.
 *
 *   npm run robustness -- DIR [--timeout-ms 20000] [--heap-mb 768] [--max-rss-mb 1536]
 *                             [--concurrency 2] [--out bench-results/robustness.jsonl]
 *                             [--contract-files 1 | --skip-contract] [--ocr-pages 0]
 *
 * Every file whose name ends in .pdf (any case) is taken, whatever its bytes; other files are counted
 * as skipped. Per-file results go to --out as JSON lines, the summary to stdout, progress to stderr.
 * Then, for --contract-files files of each refusal reason met, the real CLI ingests the file into an
 * index holding a small report: it must refuse with one or two plain lines and leave the index
 * byte-identical. With --ocr-pages N, picture pages are read by OCR, at most N per file, on one
 * thread per child (give --timeout-ms and --max-rss-mb room for it: the models take about 1 GB).
 * Exit code 0 when no file timed out, crashed its child or failed with an exception
 * that is not a refusal, and every checked refusal kept the contract; 1 otherwise; 2 for bad arguments.
 */
const USAGE =
  'usage: npm run robustness -- DIR [--timeout-ms N] [--heap-mb N] [--max-rss-mb N] [--concurrency N] [--out FILE] [--contract-files N | --skip-contract] [--ocr-pages N]';

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'timeout-ms': { type: 'string', default: '20000' },
      'heap-mb': { type: 'string', default: '768' },
      'max-rss-mb': { type: 'string', default: '1536' },
      concurrency: { type: 'string', default: '2' },
      out: { type: 'string', default: 'bench-results/robustness.jsonl' },
      'contract-files': { type: 'string', default: '1' },
      'skip-contract': { type: 'boolean', default: false },
      'ocr-pages': { type: 'string', default: '0' },
    },
  });
  const number = (flag: 'timeout-ms' | 'heap-mb' | 'max-rss-mb' | 'concurrency' | 'contract-files') => {
    const value = Number(values[flag]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${flag} must be a positive integer`);
    return value;
  };
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) throw new Error('give exactly one folder');
  return {
    dir,
    timeoutMs: number('timeout-ms'),
    heapMb: number('heap-mb'),
    maxRssMb: number('max-rss-mb'),
    concurrency: number('concurrency'),
    out: values.out,
    contractFiles: values['skip-contract'] ? 0 : number('contract-files'),
    ocrPages: ocrPages(values['ocr-pages']),
  };
}

function ocrPages(value: string): number {
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 0) throw new Error('--ocr-pages must be 0 or a positive integer');
  return pages;
}

async function listPdfs(dir: string): Promise<{ pdfs: string[]; skipped: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.map((entry) => entry.name).sort();
  const isPdf = new Set(entries.filter((entry) => entry.isFile() && /\.pdf$/iu.test(entry.name)).map((entry) => entry.name));
  return {
    pdfs: names.filter((name) => isPdf.has(name)).map((name) => path.join(dir, name)),
    skipped: names.filter((name) => !isPdf.has(name)),
  };
}

function jsonLine(result: FileResult, dir: string): string {
  const { file, category, ms, detail, cause, stage, counts, stack } = result;
  return JSON.stringify({ file: path.relative(dir, file), category, ms, detail, cause, stage, counts, stack });
}

/** The first `perReason` files of every refusal reason, in file order. */
function contractSample(results: readonly FileResult[], perReason: number): string[] {
  const taken = new Map<string, number>();
  const sample: string[] = [];
  for (const result of results) {
    if (result.category === 'ok' || FAILING_CATEGORIES.has(result.category)) continue;
    const count = taken.get(result.category) ?? 0;
    if (count >= perReason) continue;
    taken.set(result.category, count + 1);
    sample.push(result.file);
  }
  return sample;
}

function formatContract(checks: readonly ContractCheck[], results: readonly FileResult[], dir: string): string {
  const category = new Map(results.map((result) => [result.file, result.category]));
  const lines = [`refusal contract (CLI ingest into an index holding a report): ${checks.length} files`];
  for (const check of checks) {
    const verdict = check.problems.length === 0 ? 'ok' : `BROKEN: ${check.problems.join('; ')}`;
    lines.push(`  ${path.relative(dir, check.file)} (${category.get(check.file) ?? '?'}): exit ${check.exitCode}, ${verdict}`);
    lines.push(`    ${check.stderr.split('\n').join('\n    ')}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  let listed;
  try {
    listed = await listPdfs(args.dir);
  } catch (error) {
    process.stderr.write(`cannot read the folder ${args.dir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { pdfs, skipped } = listed;
  if (pdfs.length === 0) {
    process.stderr.write(`no *.pdf files in ${args.dir}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    process.stderr.write(`${error.userMessage}\n`);
    return 2;
  }
  process.stderr.write(`robustness: ${pdfs.length} PDFs, ${args.concurrency} children, ${args.timeoutMs} ms per file\n`);
  const started = performance.now();
  const results = await runRobustness({
    files: pdfs,
    maxBytes: config.maxReportBytes,
    ocrPages: args.ocrPages,
    concurrency: args.concurrency,
    timeoutMs: args.timeoutMs,
    heapMb: args.heapMb,
    maxRssMb: args.maxRssMb,
    onResult: (result, done, total) => {
      if (FAILING_CATEGORIES.has(result.category)) process.stderr.write(`  ${path.basename(result.file)}: ${result.category} — ${result.detail ?? ''}\n`);
      if (done % 100 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`);
    },
  });
  const wallMs = performance.now() - started;

  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, results.map((result) => `${jsonLine(result, args.dir)}\n`).join(''));
  const summary = formatSummary(results, {
    dir: args.dir,
    skipped,
    wallMs,
    concurrency: args.concurrency,
    timeoutMs: args.timeoutMs,
    heapMb: args.heapMb,
    maxRssMb: args.maxRssMb,
  });
  process.stdout.write(`${summary}\n\nper-file results: ${args.out}\n`);

  const sample = contractSample(results, args.contractFiles);
  let broken = 0;
  if (sample.length > 0) {
    process.stderr.write(`checking the refusal contract with the CLI on ${sample.length} files\n`);
    const contractStarted = performance.now();
    const checks = await checkRefusalContract(sample);
    broken = checks.filter((check) => check.problems.length > 0).length;
    process.stdout.write(`\n${formatContract(checks, results, args.dir)}\n  (${((performance.now() - contractStarted) / 1000).toFixed(1)} s)\n`);
  }

  const failed = failures(results).length;
  const verdict = [
    failed > 0 ? `${failed} files timed out, crashed or failed with an unexpected error` : null,
    broken > 0 ? `${broken} refusals broke the CLI contract` : null,
  ].filter((part) => part !== null);
  process.stdout.write(`\n${verdict.length === 0 ? 'PASS' : `FAIL: ${verdict.join('; ')}`}\n`);
  return verdict.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
