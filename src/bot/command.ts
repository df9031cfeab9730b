import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './botContext.js';

/**
 * One slash command, one file under `commands/` (`export default { data, execute } satisfies Command`).
 * Commands are thin: read the options, call a service from the context, format the reply.
 */
export interface Command {
  /** A SlashCommandBuilder (anything with the command's name and its JSON for registration). */
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
