import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ingestReports } from '../../../ingest/ingestReports.js';
import { withPageOcr } from '../../../ingest/ocr/withPageOcr.js';
import { createEmbeddings } from '../../embed/createEmbeddings.js';
import { IngestRefusedError } from '../../errors.js';
import type { IngestOutcome } from '../../store/shapes.js';
import { createTokenizer } from '../../text/tokenize.js';
import { UsageError } from '../args.js';
import type { CliCommand } from '../cliContext.js';

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

function summary(outcomes: IngestOutcome[], seconds: number): string {
  const lines = outcomes.map(
    (o) => `  ${o.status.padEnd(9)} ${o.reportId} (${o.year})  ${o.pages} pages${o.ocrPages ? ` (${o.ocrPages} read by OCR)` : ''}, ${o.tables} tables, ${o.metrics} metrics, ${o.chunks} chunks`,
  );
  return `ingest finished in ${seconds.toFixed(2)} s\n${lines.join('\n')}\n`;
}

/**
 * `ingest [PATH...]`: reads every file, then adds them to the index in one step. A refused file
 * stops the whole run before anything is written, so the refusal says so: the files read before it
 * were not added either.
 */
const ingest: CliCommand = async ({ args, config, indexDir, logger, stdout, stderr }) => {
  const files = await listReportFiles(args.positionals.length > 0 ? args.positionals : [config.reportsDir]);
  if (files.length === 0) throw new UsageError(`no .pdf, .txt or .md report found in ${args.positionals.join(' ') || config.reportsDir}`);
  const started = performance.now();
  const tokenizer = createTokenizer();
  let outcomes: IngestOutcome[];
  try {
    outcomes = await withPageOcr(config.ocr, (ocr) =>
      ingestReports(
        files,
        { indexDir, force: args.force, reportId: args.reportId, year: args.year, onProgress: (message) => stderr(`${message}\n`) },
        { tokenizer, embedder: createEmbeddings(config.openai, tokenizer), logger, maxBytes: config.maxReportBytes, ...(ocr ? { ocr } : {}) },
      ),
    );
  } catch (error) {
    if (!(error instanceof IngestRefusedError)) throw error;
    logger.debug('ingest refused', error);
    const others = files.length - 1;
    const note = others > 0 ? `Nothing was ingested, not even the ${others} other file${others === 1 ? '' : 's'}: the index is unchanged.` : 'Nothing was ingested: the index is unchanged.';
    stderr(`${error.userMessage}\n${note}\n`);
    return 1;
  }
  stderr(summary(outcomes, (performance.now() - started) / 1000));
  if (args.json) for (const o of outcomes) stdout(`${JSON.stringify(o)}\n`);
  return 0;
};
export default ingest;
