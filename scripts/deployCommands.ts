import { commandsFolder, loadCommands } from '../src/bot/loadCommands.js';
import { registerCommands } from '../src/bot/registerCommands.js';
import { loadConfig } from '../src/config.js';
import { UserFacingError } from '../src/errors.js';
import { createLogger } from '../src/log.js';

/**
 * npm run deploy-commands: registers the slash commands with Discord — in DISCORD_GUILD_ID when set
 * (immediate), else globally.
 */
async function main(): Promise<number> {
  let logger = createLogger();
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel, secrets: [config.discord.token, config.openai?.apiKey] });
    const registered = await registerCommands(config, await loadCommands(commandsFolder(new URL('../src/main.ts', import.meta.url).href)));
    const where = registered.scope === 'guild' ? `in server ${config.discord.guildId ?? ''}` : 'globally (Discord may take up to an hour to show them)';
    process.stderr.write(`registered ${registered.names.length} commands ${where}: ${registered.names.map((n) => `/${n}`).join(' ')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      process.stderr.write(`${error.userMessage}\n`);
      logger.debug('deploy-commands failed', error);
      return 1;
    }
    logger.error('registering the commands failed', error);
    process.stderr.write('Registering the commands failed; run with LOG_LEVEL=debug for the detail.\n');
    return 1;
  }
}

process.exitCode = await main();
