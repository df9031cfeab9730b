import { parseArgs } from 'node:util';

export const SECTIONS = ['ingest', 'start', 'ask', 'scale'] as const;
export type Section = (typeof SECTIONS)[number];
export type CopyMode = 'figures' | 'identical';

export interface BenchArgs {
  sections: Section[];
  scales: number[];
  /** Ingest rounds (bare getText vs full ingest, alternating). */
  ingestRounds: number;
  /** Whole-process starts of each kind (CLI and bare node), after one warm-up round. */
  startRounds: number;
  /** Passes over the dev questions that are measured (after one warm-up pass). */
  askRounds: number;
  file: string;
  questions: string;
  copies: CopyMode;
  /** Time for one ask step (load, warm-up pass, measured passes); passes that would not fit are skipped. */
  askBudgetMs: number;
  out: string;
  keep: boolean;
  /** A folder of PDFs (the real reports) each timed against bare getText, in process and as whole processes; null: none. */
  reports: string | null;
}

export const BENCH_USAGE = `usage: npm run bench [-- FILE] [--only ingest|start|ask|scale[,…]] [--scale 1,10,100] [--rounds N]
                      [--copies figures|identical] [--questions FILE] [--ask-budget SECONDS] [--out DIR] [--keep]
                      [--reports DIR]
  FILE        the report (default data/reports/hnhgzy-2024-quality-report.pdf)
  --only      sections to run (default all: ingest, start, ask, scale)
  --scale     report counts for the scale section (default 1,10,100)
  --rounds    rounds for ingest (default 5), CLI starts (default 7) and measured passes over the questions (default 3)
  --copies    how the extra reports differ from the bundled one: figures (every number changed, the
              default) or identical (only id, year and title)
  --questions dev questions, JSON lines with "question" (default eval/dev/qa.dev.jsonl)
  --ask-budget seconds for one ask step (load, warm-up pass, measured passes; default 120): passes
              that would not fit are skipped, and when none fits the warm-up pass is the measurement
  --out       result folder (default bench-results)
  --keep      keep the temporary index folders (their paths are printed)
  --reports   also time the ingest of every PDF under DIR (e.g. ../shared/reports/real) against bare
              getText(), in process and as whole processes (cli ingest), 3 rounds each (or --rounds)`;

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

const DEFAULT_FILE = 'data/reports/hnhgzy-2024-quality-report.pdf';

function positiveInteger(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) throw new BenchUsageError(`${flag}: expected a positive integer, got "${raw}"`);
  return n;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parses `npm run bench` arguments; throws `BenchUsageError` naming the bad flag. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        only: { type: 'string', multiple: true },
        scale: { type: 'string' },
        rounds: { type: 'string' },
        copies: { type: 'string' },
        questions: { type: 'string' },
        out: { type: 'string' },
        'ask-budget': { type: 'string' },
        keep: { type: 'boolean', default: false },
        reports: { type: 'string' },
      },
    });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new BenchUsageError(`one report file at most, got ${positionals.length}`);

  let sections: Section[] = [...SECTIONS];
  if (values.only !== undefined) {
    const wanted = values.only.flatMap(list);
    const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length > 0 || wanted.length === 0) throw new BenchUsageError(`--only: expected ${SECTIONS.join('|')}, got "${values.only.join(',')}"`);
    sections = SECTIONS.filter((s) => wanted.includes(s));
  }

  const scales = values.scale === undefined ? [1, 10, 100] : [...new Set(list(values.scale).map((s) => positiveInteger('--scale', s)))].sort((a, b) => a - b);
  if (scales.length === 0) throw new BenchUsageError('--scale: expected report counts such as 1,10,100');

  const rounds = values.rounds === undefined ? null : positiveInteger('--rounds', values.rounds);
  const copies = values.copies ?? 'figures';
  if (copies !== 'figures' && copies !== 'identical') throw new BenchUsageError(`--copies: expected figures|identical, got "${copies}"`);

  return {
    sections,
    scales,
    ingestRounds: rounds ?? 5,
    startRounds: rounds ?? 7,
    askRounds: rounds ?? 3,
    file: positionals[0] ?? DEFAULT_FILE,
    questions: values.questions ?? 'eval/dev/qa.dev.jsonl',
    copies,
    askBudgetMs: values['ask-budget'] === undefined ? 120_000 : positiveInteger('--ask-budget', values['ask-budget']) * 1000,
    out: values.out ?? 'bench-results',
    keep: values.keep ?? false,
    reports: values.reports ?? null,
  };
}
