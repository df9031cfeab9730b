import { randomBytes } from 'node:crypto';
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';

/** A short id a user can quote and an operator can find in the logs. */
export function referenceId(): string {
  return randomBytes(4).toString('hex');
}

/** What a person is told: the error's own one sentence when it has one, never a raw message or stack. */
export function userErrorText(error: unknown, ref: string): string {
  const what = error instanceof UserFacingError ? error.userMessage : '处理请求时出错了。';
  return `${what}（参考编号 ${ref}）`;
}

/**
 * Logs the failure with a reference id and tells the user, ephemerally, with that id. A public
 * deferred reply is removed first, so the channel is not left with a "thinking…" placeholder or
 * half a streamed answer. Failing to report is logged too; nothing here throws.
 */
export async function reportInteractionError(interaction: RepliableInteraction, error: unknown, logger: Logger, what: string): Promise<string> {
  const ref = referenceId();
  logger.error(`${what} failed [ref ${ref}]`, error);
  const content = userErrorText(error, ref);
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred && interaction.ephemeral) {
      await interaction.editReply({ content, embeds: [], components: [], files: [] });
    } else {
      // A public reply holding a placeholder or unchecked partial text is removed, not left standing.
      if (interaction.deferred) await interaction.deleteReply().catch((e: unknown) => logger.debug(`[ref ${ref}] deleting the reply failed`, e));
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    }
  } catch (replyError) {
    logger.warn(`[ref ${ref}] could not tell the user about the failure`, replyError);
  }
  return ref;
}
