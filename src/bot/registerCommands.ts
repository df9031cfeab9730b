import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { Config } from '../config.js';
import { UserFacingError } from '../errors.js';
import type { Command } from './command.js';

const RegisteredSchema = z.array(z.object({ name: z.string() }));

export interface Registration {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Registers the slash commands: in one guild when DISCORD_GUILD_ID is set (visible at once, for
 * testing), else globally (Discord may take up to an hour to show changes). PUT replaces the whole
 * set, so a removed command disappears too.
 */
export async function registerCommands(config: Config, commands: readonly Command[]): Promise<Registration> {
  const { token, appId, guildId, apiBase } = config.discord;
  const missing = [token ? null : 'DISCORD_TOKEN', appId ? null : 'DISCORD_APP_ID'].filter((k): k is string => k !== null);
  if (!token || !appId) throw new UserFacingError(`missing ${missing.join(', ')}`, `Registering commands needs ${missing.join(' and ')}.`);
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const result = RegisteredSchema.parse(await rest.put(route, { body: commands.map((c) => c.data.toJSON()) }));
  return { scope: guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}
