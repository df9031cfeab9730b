import { explicitClientOptions } from '../../embed/openaiClientOptions.js';
import OpenAI from 'openai';
import type { Logger } from '../../log.js';

/** The `fetch` shape the openai client accepts. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Settings the factory needs; `Config['openai']` supplies the first three. */
export interface ChatClientSettings {
  apiKey: string;
  baseURL: string | undefined;
  /** Per attempt; the answerer holds its own overall deadline on top. */
  timeoutMs: number;
  /** Retries of 5xx, connection failures and short rate-limit waits (default 1). */
  maxRetries?: number;
  /**
   * Longest wait a server may ask for (`retry-after`, `retry-after-ms`) before a retry (default
   * 1000 ms). A longer one ends the request at once, so the caller answers extractively instead of
   * leaving someone waiting on a chat reply.
   */
  maxRetryWaitMs?: number;
  /** Receives the client's own warnings and errors (default: the client's console logging). */
  logger?: Logger;
  /** Tests and proxies only; default the global fetch. */
  fetch?: FetchLike;
}

/** Builds a chat client. Connects to nothing until the first request. */
export function createChatClient(settings: ChatClientSettings): OpenAI {
  const baseFetch = settings.fetch ?? ((input, init) => fetch(input, init));
  return new OpenAI({
    ...explicitClientOptions(settings),
    ...(settings.logger ? { logger: adaptLogger(settings.logger) } : {}),
    // A model fault must turn into the extractive answer quickly, not after the client's default
    // three attempts with growing backoff.
    maxRetries: settings.maxRetries ?? 1,
    fetch: capRetryWaits(baseFetch, settings.maxRetryWaitMs ?? 1_000),
  });
}

/**
 * The client obeys any `retry-after` a server sends, however long, and its sleep cannot be aborted.
 * Marking such a response "do not retry" (the client's own `x-should-retry` header) makes it fail
 * at once with the status, which the answerer reports as a rate limit or server error.
 */
function capRetryWaits(fetchImpl: FetchLike, maxWaitMs: number): FetchLike {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.ok || response.headers.get('x-should-retry') === 'false') return response;
    const wait = requestedWaitMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Read the way the client reads it, so both agree on what the server asked for. */
function requestedWaitMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms) && ms !== 0) return ms;
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

function adaptLogger(logger: Logger): OpenAI['logger'] {
  const detail = (rest: unknown[]): unknown => (rest.length === 0 ? undefined : rest.length === 1 ? rest[0] : rest);
  return {
    error: (message, ...rest) => logger.error(`openai: ${message}`, detail(rest)),
    warn: (message, ...rest) => logger.warn(`openai: ${message}`, detail(rest)),
    info: (message, ...rest) => logger.info(`openai: ${message}`, detail(rest)),
    debug: (message, ...rest) => logger.debug(`openai: ${message}`, detail(rest)),
  };
}
