import { UsageError } from '../args.js';
import { readBatch } from '../batchFile.js';
import type { CliCommand } from '../cliContext.js';
import { openAnswerService } from '../../runtime/runtime.js';

/** `ask [--json] "问题"` or `ask --json --batch FILE`: one answer (one JSON line) per question, in order. */
const ask: CliCommand = async ({ args, config, indexDir, logger, stdout, stderr }) => {
  const questions = args.batch ? await readBatch(args.batch) : [{ question: args.positionals.join(' ') }];
  if (!args.batch && questions[0]?.question.trim() === '') throw new UsageError('ask needs a question');
  const service = await openAnswerService(config, indexDir, logger, stderr);
  for (const q of questions) {
    const result = await service.ask(q.question, { history: q.history, report: args.report, year: args.year });
    stdout(args.json ? `${JSON.stringify(result)}\n` : `${result.answer}\n\n`);
  }
  await service.index.lease.release();
  return 0;
};
export default ask;
