import { loadConfig } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { parseCliArgs, UsageError } from './args.js';
import type { CliCommand } from './cliContext.js';

/**
 * The command-line entry point. JSON goes to stdout one object per line (scripts read it); progress,
 * summaries and errors go to stderr. A refused or failed command exits non-zero with one or two plain
 * lines and no stack trace; the detail is logged at debug level.
 *
 * Each command is its own module, imported only when it runs: `reports` and `tables` read the store
 * and never load pdf.js, the segmenter's dictionary or the vector library, so they start fast.
 */
const COMMANDS: Record<string, () => Promise<{ default: CliCommand }>> = {
  ingest: () => import('./commands/ingestCommand.js'),
  ask: () => import('./commands/askCommand.js'),
  metric: () => import('./commands/metricCommand.js'),
  tables: () => import('./commands/tablesCommand.js'),
  reports: () => import('./commands/reportsCommand.js'),
  chat: () => import('./commands/chatCommand.js'),
};

export async function main(argv: string[]): Promise<number> {
  let logger: Logger = createLogger();
  try {
    const args = parseCliArgs(argv);
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel, secrets: [config.openai?.apiKey, config.discord.token] });
    const load = COMMANDS[args.command];
    if (!load) throw new UsageError(`unknown command "${args.command}"`);
    const { default: command } = await load();
    return await command({
      args,
      config,
      indexDir: args.index ?? config.indexDir,
      logger,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
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

// A reader that stops early (`cli tables | head`) closes the pipe: the rest of the output is not
// wanted, which is no failure, and no stack trace is owed for it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
