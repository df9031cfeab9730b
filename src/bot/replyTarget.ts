import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  Message,
  RepliableInteraction,
  SendableChannels,
} from 'discord.js';
import { MessageFlags } from 'discord.js';

/** A message the bot sends: every field optional, as in an edit. */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  files?: Array<{ attachment: Buffer; name: string }>;
}

/**
 * Where an answer goes, the same for a slash command and a chat message: `edit` replaces the bot's
 * first message (the deferred reply, or the first message it sent), `send` adds one after it.
 */
export interface ReplyTarget {
  edit(message: OutgoingMessage): Promise<void>;
  send(message: OutgoingMessage): Promise<void>;
}

export function interactionTarget(interaction: RepliableInteraction, options: { ephemeral?: boolean } = {}): ReplyTarget {
  return {
    async edit(message) {
      await interaction.editReply(message);
    },
    async send(message) {
      await interaction.followUp(options.ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);
    },
  };
}

/** Messages in a channel or thread; the first one replies to `replyTo` when given. */
export function channelTarget(channel: SendableChannels, replyTo?: Message): ReplyTarget {
  let first: Message | null = null;
  return {
    async edit(message) {
      if (first) {
        first = await first.edit(message);
        return;
      }
      first = replyTo ? await replyTo.reply(message) : await channel.send(message);
    },
    async send(message) {
      if (!first) {
        await this.edit(message);
        return;
      }
      await channel.send(message);
    },
  };
}
