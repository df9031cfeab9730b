import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { BotContext } from './botContext.js';

export function rateLimitText(retryAfterMs: number): string {
  return `提问太频繁了，请 ${Math.max(1, Math.ceil(retryAfterMs / 1000))} 秒后再试。`;
}

/** Takes one question from the user's allowance; when there is none left, says so ephemerally. */
export async function allowQuestion(interaction: RepliableInteraction, context: BotContext): Promise<boolean> {
  const decision = context.rateLimiter.take(interaction.user.id);
  if (decision.allowed) return true;
  await interaction.reply({ content: rateLimitText(decision.retryAfterMs), flags: MessageFlags.Ephemeral });
  return false;
}
