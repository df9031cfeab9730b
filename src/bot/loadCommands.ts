import { readdir } from 'node:fs/promises';
import { UserFacingError } from '../errors.js';
import type { Command } from './command.js';

/**
 * The slash commands, found in their folder as discord.js's guide does it: every module there whose
 * default export is a command. The folder is given by the entry point, so the bot layer never imports
 * `commands/` (which imports the bot layer). Works on the TypeScript sources (tsx) and on the
 * compiled build alike.
 */
const MODULE = /^[^.]+\.(?:js|ts)$/u;

export class CommandLoadError extends UserFacingError {
  override name = 'CommandLoadError';
  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super(`command module ${file}: ${detail}`, `The bot's command ${file} cannot be loaded (${detail}).`, options);
  }
}

function isCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const { data, execute } = value as { data?: unknown; execute?: unknown };
  if (typeof execute !== 'function' || typeof data !== 'object' || data === null) return false;
  const { name, toJSON } = data as { name?: unknown; toJSON?: unknown };
  return typeof name === 'string' && name.length > 0 && typeof toJSON === 'function';
}

/** Every command in `dir`, by name. Throws `CommandLoadError` for a module that is not one, or a repeated name. */
export async function loadCommands(dir: URL): Promise<Command[]> {
  const files = (await readdir(dir)).filter((f) => MODULE.test(f)).sort();
  const commands: Command[] = [];
  for (const file of files) {
    let loaded: { default?: unknown };
    try {
      loaded = (await import(new URL(file, dir).href)) as { default?: unknown };
    } catch (error) {
      throw new CommandLoadError(file, 'the module fails to load', { cause: error });
    }
    if (!isCommand(loaded.default)) throw new CommandLoadError(file, 'its default export is not { data, execute }');
    const command = loaded.default;
    if (commands.some((c) => c.data.name === command.data.name)) throw new CommandLoadError(file, `a second command named /${command.data.name}`);
    commands.push(command);
  }
  return commands.sort((a, b) => a.data.name.localeCompare(b.data.name));
}

/** Where the commands folder is, from a module in `src/` (or `dist/src/` in the compiled build). */
export function commandsFolder(fromSrcModule: string): URL {
  return new URL('../commands/', fromSrcModule);
}
