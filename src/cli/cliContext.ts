import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { CliArgs } from './args.js';

/** What every CLI command is given: its parsed arguments, the validated configuration, a logger. */
export interface CliContext {
  args: CliArgs;
  config: Config;
  indexDir: string;
  logger: Logger;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One CLI command per file under src/cli/commands, loaded only when it runs. Returns the exit code. */
export type CliCommand = (context: CliContext) => Promise<number>;
