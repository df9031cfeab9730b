import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnswerServiceHolder } from './answer/answerServiceHolder.js';
import { createBotClient } from './bot/createBotClient.js';
import { commandsFolder, loadCommands } from './bot/loadCommands.js';
import { createRenderers } from './bot/renderers.js';
import { runTerminalChat } from './chat/terminalChat.js';
import { loadConfig, type Config } from './config.js';
import { UserFacingError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { ReingestService } from './runtime/reingestService.js';
import { createRuntime, ensureIndex, loadAnswerService, type Runtime } from './runtime/runtime.js';

/**
 * npm start: the Discord bot when DISCORD_TOKEN is set, else the terminal chat with the same
 * commands. Either way the index is built from the bundled reports on first run. SIGINT/SIGTERM shut
 * down cleanly (gateway closed, input closed) with exit code 0.
 */

/** Resolves with the first SIGINT or SIGTERM. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

async function runBot(config: Config, runtime: Runtime, holder: AnswerServiceHolder, logger: Logger, stop: Promise<NodeJS.Signals>): Promise<number> {
  const bot = createBotClient(config, {
    holder,
    reingest: new ReingestService(runtime, config.indexDir, holder),
    renderers: createRenderers({ logger, pageCacheDir: path.join(tmpdir(), 'report-assistant-pages') }),
    logger,
    commands: await loadCommands(commandsFolder(import.meta.url)),
  });
  const started = bot.start();
  const first = await Promise.race([started.then(() => null), stop]);
  if (first !== null) {
    logger.info(`${first} before the bot was ready: shutting down`);
    started.catch((error: unknown) => logger.debug('start interrupted', error));
    await bot.stop();
    return 0;
  }
  const signal = await stop;
  logger.info(`${signal}: shutting down the bot`);
  await bot.stop();
  return 0;
}

async function runChat(holder: AnswerServiceHolder, logger: Logger, stop: Promise<NodeJS.Signals>): Promise<number> {
  const chat = runTerminalChat(holder, { input: process.stdin, output: process.stdout, logger, prompt: process.stdin.isTTY === true });
  const signal = await Promise.race([chat.then(() => null), stop]);
  if (signal !== null) {
    logger.info(`${signal}: closing the terminal chat`);
    // Ends the chat's line reader; its loop then finishes on its own.
    process.stdin.destroy();
  }
  return 0;
}

export async function main(): Promise<number> {
  let logger: Logger = createLogger();
  const stop = shutdownSignal();
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel, secrets: [config.discord.token, config.openai?.apiKey] });
    // A stray rejection is a bug to log, not a reason to take a running bot down.
    process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
    const runtime = createRuntime(config, logger);
    await ensureIndex(runtime, config.indexDir, (message) => logger.info(message));
    const holder = new AnswerServiceHolder(await loadAnswerService(runtime, config.indexDir));
    return config.discord.token ? await runBot(config, runtime, holder, logger, stop) : await runChat(holder, logger, stop);
  } catch (error) {
    if (error instanceof UserFacingError) {
      process.stderr.write(`${error.userMessage}\n`);
      logger.debug('start failed', error);
      return 1;
    }
    logger.error('unexpected failure', error);
    process.stderr.write('Unexpected failure; run with LOG_LEVEL=debug for the detail.\n');
    return 1;
  }
}

const code = await main();
process.exitCode = code;
// Everything is closed by now; a library timer left behind must not keep the process alive.
setTimeout(() => process.exit(code), 3000).unref();
