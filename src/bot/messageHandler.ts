import { ChannelType, ThreadAutoArchiveDuration, type Client, type Message, type SendableChannels } from 'discord.js';
import type { Turn } from '../answer/types.js';
import { answerQuestion } from './askFlow.js';
import type { BotContext } from './botContext.js';
import { BoundedCache } from './boundedCache.js';
import { THREAD_NAME_LIMIT } from './discordLimits.js';
import { referenceId, userErrorText } from './errorReply.js';
import { truncate } from './format/markdown.js';
import { rateLimitText } from './questionGate.js';
import { channelTarget, type ReplyTarget } from './replyTarget.js';
import { questionText } from './chatSyntax.js';
import { threadHistory } from './threadHistory.js';

export const MESSAGE_CONTENT_HELP =
  '我读不到这条消息的文字：机器人没有开启 Message Content 权限。请 @我 后写问题，或使用 /ask；' +
  '管理员可在 Discord 开发者后台 → Bot → Privileged Gateway Intents 打开 “Message Content Intent” 后重启机器人。';
export const EMPTY_QUESTION_HELP = '请在 @我 之后写上问题，例如：@我 实训工位有多少个？ 也可以用 /ask、/metric、/table。';

/**
 * Mentions, DMs and follow-ups in the bot's threads answer like /ask. A mention in a channel opens a
 * thread on the message and answers there; a message in such a thread (or a mention in any thread)
 * is answered with the thread's earlier questions and answers as context.
 */
export function createMessageHandler(client: Client, context: BotContext): (message: Message) => Promise<void> {
  // Threads already told about the missing intent: once per thread is enough.
  const toldAboutIntent = new BoundedCache<true>(1000);

  return async (message) => {
    try {
      const me = client.user;
      if (!me || message.author.bot || message.system) return;
      const isDm = message.channel.type === ChannelType.DM;
      const mentioned = message.mentions.users.has(me.id);
      const thread = message.channel.isThread() ? message.channel : null;
      const ownThread = thread !== null && thread.ownerId === me.id;
      if (!isDm && !mentioned && !ownThread) return;
      if (!message.channel.isSendable()) return;

      const question = questionText(message.content);
      if (question === '') {
        if (message.attachments.size > 0 || message.embeds.length > 0 || message.stickers.size > 0) return;
        if (!context.messageContentEnabled() && !mentioned && !isDm) {
          if (toldAboutIntent.get(message.channelId)) return;
          toldAboutIntent.set(message.channelId, true);
          await message.reply({ content: MESSAGE_CONTENT_HELP });
        } else {
          await message.reply({ content: EMPTY_QUESTION_HELP });
        }
        return;
      }
      const decision = context.rateLimiter.take(message.author.id);
      if (!decision.allowed) {
        await message.reply({ content: rateLimitText(decision.retryAfterMs) });
        return;
      }

      let target: ReplyTarget;
      let history: Turn[] = [];
      let typingIn: SendableChannels = message.channel;
      if (thread) {
        history = await threadHistory(thread, message, me.id).catch((error: unknown) => {
          context.logger.warn('thread history unavailable; answering without it', error);
          return [];
        });
        target = channelTarget(thread, message);
      } else if (!isDm && message.channel.type === ChannelType.GuildText) {
        const started = await message
          .startThread({ name: truncate(question, THREAD_NAME_LIMIT), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay })
          .catch((error: unknown) => {
            context.logger.warn('cannot start a thread; answering in the channel', error);
            return null;
          });
        target = started ? channelTarget(started) : channelTarget(message.channel, message);
        if (started) typingIn = started;
      } else {
        target = channelTarget(message.channel, message);
      }
      void typingIn.sendTyping().catch((error: unknown) => context.logger.debug('typing indicator failed', error));
      await answerQuestion(context, question, target, { history });
    } catch (error) {
      const ref = referenceId();
      context.logger.error(`message ${message.id} failed [ref ${ref}]`, error);
      if (message.channel.isSendable()) {
        await message.reply({ content: userErrorText(error, ref) }).catch((e: unknown) => context.logger.warn(`[ref ${ref}] could not report the failure`, e));
      }
    }
  };
}
