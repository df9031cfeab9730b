import type { AskResult, Turn } from '../answer/types.js';
import { answerButtons } from './answerButtons.js';
import { mentionsIn } from './chatSyntax.js';
import type { BotContext } from './botContext.js';
import { MESSAGE_CONTENT_LIMIT } from './discordLimits.js';
import { formatAnswer } from './format/answerMessage.js';
import { escapeMarkdown, truncate } from './format/markdown.js';
import type { ReplyTarget } from './replyTarget.js';
import { ThrottledEditor } from './throttledEditor.js';

const STREAMING_MARK = ' ▍';

/** What a streaming answer looks like before it is checked: plain text, marked as still coming. */
export function previewText(textSoFar: string): string {
  return truncate(escapeMarkdown(textSoFar), MESSAGE_CONTENT_LIMIT - STREAMING_MARK.length) + STREAMING_MARK;
}

/**
 * Asks the live answer service and delivers the answer to `target`: in model mode the reply is edited
 * as the text streams in (at most every `editIntervalMs`), then replaced by the answer embed; an
 * answer too long for the embed goes out as several messages of at most 2000 characters, the embed
 * with sources and buttons last. The service is taken once, so a re-ingest swapping the index midway
 * does not mix two indexes in one answer.
 */
export async function answerQuestion(
  context: BotContext,
  question: string,
  target: ReplyTarget,
  options: { history?: Turn[]; signal?: AbortSignal } = {},
): Promise<AskResult> {
  const service = context.holder.current();
  const stream = new ThrottledEditor((text) => target.edit({ content: previewText(text) }), {
    intervalMs: context.settings.editIntervalMs,
    clock: () => context.clock(),
    logger: context.logger,
  });
  let result: AskResult;
  try {
    result = await service.ask(question, { history: options.history, signal: options.signal, onPartial: (text) => stream.update(text) });
  } finally {
    await stream.close();
  }
  const pings = mentionsIn(result.answer);
  // Report text or a model reply that tries to address people is shown broken (formatAnswer); a
  // model doing it may have obeyed an instruction planted in a source, which is worth a log line.
  if (pings.length > 0) context.logger.warn('answer text carries mentions; shown without pinging', { mode: result.mode, mentions: pings });
  const formatted = formatAnswer(result, { showYear: service.index.reports.length > 1 });
  const key = context.answers.add(result);
  const components = answerButtons(service, result, key);
  if (formatted.parts.length === 0) {
    await target.edit({ content: '', embeds: [formatted.embed], components });
  } else {
    const [first = '', ...rest] = formatted.parts;
    await target.edit({ content: first, embeds: [], components: [] });
    for (const part of rest) await target.send({ content: part });
    await target.send({ embeds: [formatted.embed], components });
  }
  context.logger.debug('answered', { question, found: result.found, mode: result.mode, ms: result.ms, streamedEdits: stream.count });
  return result;
}
