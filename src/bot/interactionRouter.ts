import { MessageFlags, type AutocompleteInteraction, type Interaction } from 'discord.js';
import type { Logger } from '../log.js';
import { parseCustomId } from './answerButtons.js';
import type { BotContext } from './botContext.js';
import { handlePageButton, handleSourcesButton } from './buttonHandlers.js';
import type { Command } from './command.js';
import { referenceId, reportInteractionError } from './errorReply.js';

/**
 * Routes every interaction: slash commands by name, autocomplete to the command's own handler,
 * buttons by custom-id prefix. `handle` never throws: a failure is logged with a reference id and
 * the user gets an ephemeral message quoting it — an exception must not reach the client's `error`
 * event, where it would take the process down.
 */
export class InteractionRouter {
  private readonly commands: Map<string, Command>;

  constructor(
    commands: readonly Command[],
    private readonly context: BotContext,
  ) {
    this.commands = new Map(commands.map((c) => [c.data.name, c]));
  }

  private get logger(): Logger {
    return this.context.logger;
  }

  async handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await this.autocomplete(interaction);
      if (interaction.isChatInputCommand()) {
        const command = this.commands.get(interaction.commandName);
        if (!command) {
          await interaction.reply({ content: `未知命令 /${interaction.commandName}。`, flags: MessageFlags.Ephemeral });
          return;
        }
        await command.execute(interaction, this.context);
        return;
      }
      if (interaction.isButton()) {
        const parsed = parseCustomId(interaction.customId);
        if (!parsed) {
          await interaction.reply({ content: '这个按钮已失效。', flags: MessageFlags.Ephemeral });
          return;
        }
        if (parsed.kind === 'page') await handlePageButton(interaction, this.context, parsed);
        else await handleSourcesButton(interaction, this.context, parsed.key);
      }
    } catch (error) {
      if (interaction.isRepliable()) await reportInteractionError(interaction, error, this.logger, describe(interaction));
      else this.logger.error(`${describe(interaction)} failed [ref ${referenceId()}]`, error);
    }
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = this.commands.get(interaction.commandName);
    try {
      if (command?.autocomplete) await command.autocomplete(interaction, this.context);
      else await interaction.respond([]);
    } catch (error) {
      this.logger.error(`autocomplete /${interaction.commandName} failed [ref ${referenceId()}]`, error);
      if (!interaction.responded) await interaction.respond([]).catch((e: unknown) => this.logger.debug('empty autocomplete failed', e));
    }
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction ${interaction.type}`;
}
