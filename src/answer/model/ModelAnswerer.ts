import OpenAI from 'openai';
import { z } from 'zod';
import type { Logger } from '../../log.js';
import type { Evidence, Turn } from '../types.js';
import { buildModelMessages, NOT_FOUND_MARKER, SYSTEM_PROMPT } from './buildModelMessages.js';
import { checkGrounding } from './checkGrounding.js';

export type ModelFailureReason = 'timeout' | 'rate_limited' | 'server_error' | 'bad_response' | 'ungrounded';

export type ModelAnswer =
  | { kind: 'answer'; text: string; cited: number[] }
  | { kind: 'not_found' }
  | { kind: 'failed'; reason: ModelFailureReason; detail: string };

export interface ModelAnswerOptions {
  /** Earlier turns of the conversation, oldest first. */
  history?: Turn[];
  /**
   * Asks for a streamed reply and receives the text so far, at most every `partialIntervalMs` and
   * once more with the final text when the answer passes the grounding check. Partial text leaves
   * out a figure still being written, stops for good once a figure appears that no source prints,
   * and is never the not-found marker; it is still unverified against the *cited* sources, so show
   * it as a draft until the result arrives.
   */
  onPartial?: (textSoFar: string) => void;
  /** Aborting ends the request; the result is then `failed` / `timeout` ("aborted by the caller"). */
  signal?: AbortSignal;
  /** Figures the caller computed itself (an exact table sum) that the answer may state. */
  allowedFigures?: string[];
}

export interface ModelAnswererOptions {
  /** Built by `createChatClient`, whose small retry budget this relies on. */
  client: OpenAI;
  model: string;
  /** The whole answer, retries and streaming included (config: OPENAI_TIMEOUT_MS, 20 s). */
  timeoutMs: number;
  logger: Logger;
  /** Least time between two `onPartial` calls (default 300 ms): chat edits are rate limited. */
  partialIntervalMs?: number;
  /** Default 0: copying figures is no place for creativity. `null` leaves it out for servers that reject it. */
  temperature?: number | null;
}

/**
 * Answers a question from numbered evidence with a chat model. Never throws: every model fault
 * (rate limit, server error, hang, malformed or cut-off reply, a figure no cited source prints)
 * comes back as `failed` with a reason, logged, so the caller can answer extractively instead.
 */
export class ModelAnswerer {
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly partialIntervalMs: number;
  private readonly temperature: number | null;

  constructor(options: ModelAnswererOptions) {
    this.client = options.client;
    this.model = options.model;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
    this.partialIntervalMs = options.partialIntervalMs ?? 300;
    this.temperature = options.temperature === undefined ? 0 : options.temperature;
  }

  async answer(question: string, evidence: Evidence[], options: ModelAnswerOptions = {}): Promise<ModelAnswer> {
    const started = Date.now();
    // Without sources the rules leave the model nothing to say; no need to ask.
    if (evidence.length === 0) return this.report({ kind: 'not_found' }, started);
    if (options.signal?.aborted) return this.report(failed('timeout', 'aborted by the caller before the request'), started);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onCallerAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    // The client's retry sleep does not listen to the signal, so the deadline is also raced here;
    // the attempt left behind ends on the aborted signal and its result is dropped.
    const stopped = new Promise<ModelAnswer>((resolve) => {
      controller.signal.addEventListener(
        'abort',
        () => resolve(failed('timeout', timedOut ? `no complete reply within ${this.timeoutMs} ms` : 'aborted by the caller')),
        { once: true },
      );
    });
    try {
      const attempt = this.attempt(question, evidence, options, controller.signal).catch((error: unknown) => this.classify(error));
      return this.report(await Promise.race([attempt, stopped]), started);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async attempt(question: string, evidence: Evidence[], options: ModelAnswerOptions, signal: AbortSignal): Promise<ModelAnswer> {
    const request = {
      model: this.model,
      messages: buildModelMessages(question, evidence, options.history),
      ...(this.temperature === null ? {} : { temperature: this.temperature }),
    };
    const requestOptions = { signal, timeout: this.timeoutMs };
    const allowed = options.allowedFigures ?? [];
    const partials = options.onPartial
      ? new PartialEmitter({ deliver: options.onPartial, intervalMs: this.partialIntervalMs, evidence, allowed, signal, logger: this.logger })
      : undefined;

    let reply: Reply;
    if (partials) {
      const stream = await this.client.chat.completions.create({ ...request, stream: true }, requestOptions);
      reply = await readStream(stream, partials, signal);
    } else {
      const completion: unknown = await this.client.chat.completions.create({ ...request, stream: false }, requestOptions);
      reply = readCompletion(completion);
    }
    return this.judge(reply, evidence, allowed, partials);
  }

  private judge(reply: Reply, evidence: Evidence[], allowed: string[], partials: PartialEmitter | undefined): ModelAnswer {
    // A reply cut at the token limit may have lost the half sentence that qualifies a figure.
    if (reply.finishReason === 'length') return failed('bad_response', 'the reply was cut off at the token limit');
    if (reply.finishReason === 'content_filter') return failed('bad_response', 'the server filtered the reply');

    let text = withoutReasoning(reply.raw).trim();
    if (text === '') return failed('bad_response', 'the reply is empty');
    if (saysNotFound(text)) return { kind: 'not_found' };
    // The marker beside a cited answer means "the rest is not in the sources"; the answer part stands.
    text = text.split(NOT_FOUND_MARKER).join('').trim();
    if (repeatsInstructions(text)) return failed('ungrounded', 'the reply repeats its instructions instead of answering from the sources (injected instruction?)');

    const grounding = checkGrounding(text, evidence, allowed);
    if (!grounding.ok) return failed('ungrounded', `not printed in the cited sources: ${grounding.unsupported.join(', ')}`);
    partials?.finish(text);
    return { kind: 'answer', text, cited: grounding.cited };
  }

  private classify(error: unknown): ModelAnswer {
    // Subclasses before their parents: a timeout is a connection error, and both are API errors.
    if (error instanceof OpenAI.APIConnectionTimeoutError) return failed('timeout', `the model server did not answer within ${this.timeoutMs} ms`);
    if (error instanceof OpenAI.APIUserAbortError) return failed('timeout', 'the request was aborted');
    if (error instanceof OpenAI.RateLimitError) return failed('rate_limited', this.mask(`HTTP 429: ${error.message}`));
    if (error instanceof OpenAI.APIConnectionError) return failed('server_error', this.mask(`cannot reach the model server: ${describe(error)}`));
    if (error instanceof OpenAI.APIError) {
      return failed('server_error', this.mask(error.status === undefined ? `the server reported an error: ${error.message}` : `HTTP ${error.status}: ${error.message}`));
    }
    if (error instanceof SyntaxError) return failed('bad_response', this.mask(`the reply is not valid JSON: ${error.message}`));
    if (error instanceof ModelReplyError) return failed('bad_response', error.message);
    return failed('bad_response', this.mask(`the reply broke off: ${describe(error)}`));
  }

  private report(outcome: ModelAnswer, started: number): ModelAnswer {
    const ms = Date.now() - started;
    if (outcome.kind === 'failed') this.logger.warn('model answer failed', { model: this.model, reason: outcome.reason, detail: outcome.detail, ms });
    else if (outcome.kind === 'not_found') this.logger.info('model found no answer in the sources', { model: this.model, ms });
    else this.logger.info('model answered', { model: this.model, cited: outcome.cited, ms });
    return outcome;
  }

  /** Servers may echo request headers into error messages; the key never reaches a log or a caller. */
  private mask(detail: string): string {
    const key = this.client.apiKey ?? '';
    return key.length >= 6 ? detail.split(key).join('***') : detail;
  }
}

function failed(reason: ModelFailureReason, detail: string): ModelAnswer {
  return { kind: 'failed', reason, detail };
}

/** The server answered, but not with a usable reply. */
class ModelReplyError extends Error {
  override name = 'ModelReplyError';
}

interface Reply {
  raw: string;
  finishReason: string | null;
}

// Only the fields used; anything else a compatible server adds or leaves out is its own business.
const CompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

const ChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z.object({ content: z.string().nullable().optional() }).nullable().optional(),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .optional(),
});

function readCompletion(completion: unknown): Reply {
  const parsed = CompletionSchema.safeParse(completion);
  const choice = parsed.success ? parsed.data.choices[0] : undefined;
  if (!choice) throw new ModelReplyError(`the reply has no choices[0].message (got ${typeof completion === 'string' ? 'text, not JSON' : typeof completion})`);
  return { raw: choice.message.content ?? '', finishReason: choice.finish_reason ?? null };
}

async function readStream(stream: AsyncIterable<unknown>, partials: PartialEmitter, signal: AbortSignal): Promise<Reply> {
  let raw = '';
  let finishReason: string | null = null;
  for await (const chunk of stream) {
    const parsed = ChunkSchema.safeParse(chunk);
    if (!parsed.success) throw new ModelReplyError('a stream chunk has an unexpected shape');
    for (const choice of parsed.data.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue;
      raw += choice.delta?.content ?? '';
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
    partials.push(raw);
  }
  // The client's stream ends quietly when aborted; only a finish reason tells a whole reply from a cut one.
  if (signal.aborted) throw new OpenAI.APIUserAbortError();
  if (finishReason === null) {
    throw new ModelReplyError(raw === '' ? 'the stream ended before any reply' : `the stream ended before the reply was complete (after ${[...raw].length} characters)`);
  }
  return { raw, finishReason };
}

/** Reasoning models (DeepSeek-R1 and kin on Ollama) put their thinking in the content; its figures are no answer. */
function withoutReasoning(raw: string): string {
  return raw.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/<think>[\s\S]*$/i, '');
}

function saysNotFound(text: string): boolean {
  const head = text.replace(/^[\s*_`"'“”‘’>#-]+/u, '');
  if (/^not[_ ]found\b/i.test(head)) return true;
  // The marker with no citation anywhere is a refusal with an explanation attached.
  return text.includes(NOT_FOUND_MARKER) && !/[[【]\s*\d/u.test(text.normalize('NFKC'));
}

// Sentences of the rules long enough that no answer about the report would contain one by chance.
const INSTRUCTION_SENTENCES = SYSTEM_PROMPT.split(/\n|(?<=[.:;])\s+/)
  .map((sentence) => squash(sentence.replace(/^\d+\.\s*/, '')))
  .filter((sentence) => sentence.length >= 30);

function repeatsInstructions(text: string): boolean {
  const reply = squash(text);
  return INSTRUCTION_SENTENCES.some((sentence) => reply.includes(sentence));
}

function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

interface PartialEmitterOptions {
  deliver: (textSoFar: string) => void;
  intervalMs: number;
  evidence: Evidence[];
  allowed: string[];
  signal: AbortSignal;
  logger: Logger;
}

/** Throttles and screens the text shown while a reply streams in. */
class PartialEmitter {
  private lastAt = Number.NEGATIVE_INFINITY;
  private last = '';
  private frozen = false;

  constructor(private readonly options: PartialEmitterOptions) {}

  push(raw: string): void {
    if (this.frozen || this.options.signal.aborted) return;
    const now = Date.now();
    if (now - this.lastAt < this.options.intervalMs) return;
    const text = showablePrefix(raw);
    if (text === '' || text === this.last) return;
    // Once a figure shows up that no source prints, nothing more is shown: the final check will
    // reject the reply, and the caller replaces the draft with the extractive answer.
    if (!checkGrounding(text, this.options.evidence, this.options.allowed, { scope: 'any' }).ok) {
      this.frozen = true;
      return;
    }
    this.deliver(text, now);
  }

  finish(text: string): void {
    if (!this.options.signal.aborted) this.deliver(text, Date.now());
  }

  private deliver(text: string, now: number): void {
    this.lastAt = now;
    this.last = text;
    try {
      const result: unknown = this.options.deliver(text);
      if (result instanceof Promise) result.catch((error: unknown) => this.options.logger.warn('onPartial failed', error));
    } catch (error) {
      this.options.logger.warn('onPartial failed', error);
    }
  }
}

/**
 * The part of a growing reply that is fit to show: no reasoning block, not the not-found marker (or
 * its beginning), and without a trailing figure, citation or tag that is still being written ("12."
 * may become "12.34%", "<" may open a reasoning block).
 */
function showablePrefix(raw: string): string {
  const text = withoutReasoning(raw).trimStart();
  const head = text.replace(/^[\s*_`"'“”‘’>#-]+/u, '').slice(0, NOT_FOUND_MARKER.length).toUpperCase();
  if (head === '' || NOT_FOUND_MARKER.startsWith(head) || head.startsWith(NOT_FOUND_MARKER)) return '';
  return text.replace(/(?:[[【［][\d\s,，、\-–]*|<\S*|[\d０-９][\d０-９.,，\s]*)$/u, '').trimEnd();
}
