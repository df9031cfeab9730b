import { parseArgs } from 'node:util';
import { UserFacingError } from '../errors.js';

export class UsageError extends UserFacingError {
  override name = 'UsageError';
  constructor(detail: string) {
    super(`usage: ${detail}`, `${detail}\n${USAGE}`);
  }
}

export const USAGE = `usage:
  npm run --silent cli -- ingest [PATH...] [--force] [--report-id ID] [--year N] [--index DIR]
  npm run --silent cli -- tables [--json] [--index DIR]
  npm run --silent cli -- reports [--json] [--index DIR]
  npm run --silent cli -- ask [--json] "问题" [--report ID] [--year N]   (or --batch FILE)
  npm run --silent cli -- metric [--json] "查询"                           (or --batch FILE)
  npm run --silent cli -- chat                                              (terminal chat)`;

export interface CliArgs {
  command: string;
  positionals: string[];
  json: boolean;
  force: boolean;
  index: string | undefined;
  reportId: string | undefined;
  year: number | undefined;
  batch: string | undefined;
  report: string | undefined;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        index: { type: 'string' },
        'report-id': { type: 'string' },
        report: { type: 'string' },
        year: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad arguments');
  }
  const [command, ...positionals] = parsed.positionals;
  if (!command || parsed.values.help) throw new UsageError(command ? `help for ${command}` : 'no command given');
  const yearText = parsed.values.year;
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2200)) throw new UsageError(`--year must be a year, got "${yearText}"`);
  return {
    command,
    positionals,
    json: parsed.values.json ?? false,
    force: parsed.values.force ?? false,
    index: parsed.values.index,
    reportId: parsed.values['report-id'],
    report: parsed.values.report,
    year,
    batch: parsed.values.batch,
  };
}
