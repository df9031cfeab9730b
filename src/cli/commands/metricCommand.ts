import { metricLookupText } from '../../answer/phrase/lookupText.js';
import { languageOf } from '../../answer/questionAnalysis.js';
import { openAnswerService } from '../../runtime/runtime.js';
import { UsageError } from '../args.js';
import { readBatch } from '../batchFile.js';
import type { CliCommand } from '../cliContext.js';
import { metricMatchLine } from '../contract.js';

/** `metric [--json] "查询"` (or `--batch FILE`): registry matches best first, as every front end sees them. */
const metric: CliCommand = async ({ args, config, indexDir, logger, stdout, stderr }) => {
  const queries = args.batch ? (await readBatch(args.batch)).map((q) => q.question) : [args.positionals.join(' ')];
  if (!args.batch && queries[0]?.trim() === '') throw new UsageError('metric needs a name to look up');
  const service = await openAnswerService(config, indexDir, logger, stderr);
  const { lookup } = service;
  const years = args.year === undefined ? undefined : new Set([args.year]);
  const reportIds = args.report === undefined ? undefined : new Set([args.report]);
  for (const query of queries) {
    const found = lookup.lookupMetric(query, { years, reportIds });
    stdout(args.json ? `${JSON.stringify({ query, matches: found.matches.map(metricMatchLine) })}\n` : `${metricLookupText(found, languageOf(query))}\n\n`);
  }
  await service.index.lease.release();
  return 0;
};
export default metric;
