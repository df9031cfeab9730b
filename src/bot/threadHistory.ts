import type { Message, ThreadChannel } from 'discord.js';
import type { Turn } from '../answer/types.js';
import { questionText } from './chatSyntax.js';
import { stripMarkdown } from './format/markdown.js';

/** Earlier turns given to the answerer: enough for a follow-up, bounded for cost. */
export const HISTORY_TURNS = 6;
const HISTORY_MESSAGES = 50;
const ANSWER_CHARS = 1500;
const LONG_ANSWER_NOTE = /^回答较长，已分 \d+ 条消息发出/u;

/** What a bot message said: its text and its answer embed's description, as plain text. */
function botText(message: Pick<Message, 'content' | 'embeds'>): string {
  const description = message.embeds[0]?.description ?? '';
  const pieces = [message.content, LONG_ANSWER_NOTE.test(description) ? '' : description].filter((p) => p.trim() !== '');
  return stripMarkdown(pieces.join('\n')).trim();
}

/**
 * Pairs the thread's earlier questions with the bot's answers, oldest first: a user message opens a
 * turn, the bot messages after it are its answer. The thread's starter message (in the parent
 * channel) is the first question. Only the last `HISTORY_TURNS` complete turns are kept.
 */
export function pairTurns(messages: ReadonlyArray<Pick<Message, 'author' | 'content' | 'embeds'>>, botId: string): Turn[] {
  const turns: Turn[] = [];
  let open: { question: string; answer: string[] } | null = null;
  const close = () => {
    if (open && open.answer.length > 0) turns.push({ question: open.question, answer: open.answer.join('\n').slice(0, ANSWER_CHARS) });
  };
  for (const message of messages) {
    if (message.author.id === botId) {
      const text = botText(message);
      if (open && text) open.answer.push(text);
      continue;
    }
    if (message.author.bot) continue;
    const question = questionText(message.content);
    if (!question) continue;
    close();
    open = { question, answer: [] };
  }
  close();
  return turns.slice(-HISTORY_TURNS);
}

const byId = (a: Pick<Message, 'id'>, b: Pick<Message, 'id'>) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);

/** The thread's conversation before `current`, as turns (fetched from Discord, so it survives restarts). */
export async function threadHistory(thread: ThreadChannel, current: Pick<Message, 'id'>, botId: string): Promise<Turn[]> {
  const fetched = await thread.messages.fetch({ limit: HISTORY_MESSAGES, before: current.id });
  const messages: Message[] = [...fetched.values()].sort(byId);
  const starter = await thread.fetchStarterMessage().catch(() => null);
  if (starter && !messages.some((m) => m.id === starter.id)) messages.unshift(starter);
  return pairTurns(messages, botId);
}
