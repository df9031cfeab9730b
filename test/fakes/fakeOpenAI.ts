import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in OpenAI server on 127.0.0.1 for tests that drive the real `openai` client. Each route
 * ("POST /v1/embeddings") has a handler that can be swapped (`on`) or overridden for the next
 * request(s) only (`once`, queued), and every request is logged with its parsed body, so a test can
 * script "429, then success" or "hang" and then check what the client actually sent.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
  /** Parsed body, or undefined when it was not JSON. */
  json: unknown;
  receivedAt: number;
}

export type RouteHandler = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** "METHOD /path", e.g. "POST /v1/embeddings". */
export type Route = `${string} /${string}`;

export interface FakeOpenAI {
  /** http://127.0.0.1:<port> */
  url: string;
  /** `url` + "/v1": what the openai client takes as baseURL. */
  baseURL: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  requestsTo(route: Route): RecordedRequest[];
  /** Replaces the route's standing handler. */
  on(route: Route, handler: RouteHandler): void;
  /** Queues a handler for the route's next request only; queued ones run before the standing one. */
  once(route: Route, handler: RouteHandler): void;
  /** Back to the default handlers, empty queues and log. */
  reset(): void;
  /** Stops listening and cuts open connections (hung requests included). */
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** Size of the default embeddings (default 8). */
  embeddingDimensions?: number;
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const defaults = (): Map<string, RouteHandler> =>
    new Map<string, RouteHandler>([
      ['POST /v1/embeddings', embeddingsHandler({ dimensions: options.embeddingDimensions ?? 8 })],
      ['POST /v1/chat/completions', chatCompletionHandler(() => 'ok')],
    ]);
  let standing = defaults();
  const queued = new Map<string, RouteHandler[]>();
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bodyText = await readBody(req);
    const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    let json: unknown;
    try {
      json = bodyText === '' ? undefined : (JSON.parse(bodyText) as unknown);
    } catch {
      json = undefined;
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: parsedUrl.pathname,
      query: parsedUrl.searchParams,
      headers: req.headers,
      bodyText,
      json,
      receivedAt: Date.now(),
    };
    requests.push(request);
    const key = `${request.method} ${request.path}`;
    const handler = queued.get(key)?.shift() ?? standing.get(key);
    if (!handler) {
      sendError(res, 404, `no fake route for ${key}`, 'invalid_request_error');
      return;
    }
    try {
      await handler(request, res);
    } catch (error) {
      if (!res.headersSent) sendError(res, 500, `fake handler failed: ${(error as Error).message}`, 'server_error');
      else res.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    requestsTo: (route) => requests.filter((r) => `${r.method} ${r.path}` === route),
    on: (route, handler) => {
      standing.set(route, handler);
    },
    once: (route, handler) => {
      const list = queued.get(route) ?? [];
      list.push(handler);
      queued.set(route, list);
    },
    reset: () => {
      standing = defaults();
      queued.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

// ---- responses -------------------------------------------------------------------------------

export function sendJSON(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The API's error shape, which the client turns into `APIError` subclasses by status. */
export function sendError(res: ServerResponse, status: number, message: string, type = 'server_error', headers: Record<string, string> = {}): void {
  sendJSON(res, status, { error: { message, type, param: null, code: null } }, headers);
}

/** A handler answering every request with this status and error body (e.g. 429, 500). */
export function errorHandler(status: number, message = `fake error ${status}`, headers: Record<string, string> = {}): RouteHandler {
  return (_request, res) => sendError(res, status, message, status === 429 ? 'rate_limit_exceeded' : 'server_error', headers);
}

/** A handler that never answers: the client's timeout (or `close()`) must end the request. */
export function hangHandler(): RouteHandler {
  return (_request, res) => new Promise<void>((resolve) => res.on('close', () => resolve()));
}

/** Server-sent events the way the API streams: one `data:` line per event, then `data: [DONE]`. */
export async function sendSSE(res: ServerResponse, events: unknown[], options: { delayMs?: number; done?: boolean } = {}): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const event of events) {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
  }
  if (options.done !== false) res.write('data: [DONE]\n\n');
  res.end();
}

// ---- embeddings ------------------------------------------------------------------------------

/**
 * Deterministic unit vector for a text: the same text always gets the same numbers, different texts
 * unrelated ones. Values are float32-exact, so the float and base64 encodings carry identical numbers.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let seed = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) seed = Math.imul(seed ^ text.charCodeAt(i), 0x01000193);
  const raw: number[] = [];
  for (let i = 0; i < dimensions; i += 1) {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    raw.push(((t ^ (t >>> 14)) >>> 0) / 2 ** 32 - 0.5);
  }
  const norm = Math.sqrt(raw.reduce((sum, x) => sum + x * x, 0)) || 1;
  return raw.map((x) => Math.fround(x / norm));
}

/** Little-endian float32, base64: the API's `encoding_format: "base64"` form. */
export function encodeFloat32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes.toString('base64');
}

export interface EmbeddingsHandlerOptions {
  dimensions: number;
  /** Answer float arrays whatever `encoding_format` asks, as some OpenAI-compatible servers do. */
  ignoreEncodingFormat?: boolean;
  /** Vector for a text (default `fakeEmbedding`). */
  embed?: (text: string, dimensions: number) => number[];
}

export function embeddingsHandler(options: EmbeddingsHandlerOptions): RouteHandler {
  return (request, res) => {
    const body = request.json as { input?: unknown; model?: unknown; encoding_format?: unknown; dimensions?: unknown } | undefined;
    const input = typeof body?.input === 'string' ? [body.input] : body?.input;
    if (!Array.isArray(input) || input.length === 0 || !input.every((x) => typeof x === 'string' && x !== '')) {
      sendError(res, 400, "'$.input' is invalid: expected a non-empty string or array of non-empty strings", 'invalid_request_error');
      return;
    }
    if (typeof body?.model !== 'string') {
      sendError(res, 400, 'you must provide a model parameter', 'invalid_request_error');
      return;
    }
    const format = body.encoding_format ?? 'float';
    if (format !== 'float' && format !== 'base64') {
      sendError(res, 400, `invalid encoding_format ${String(format)}`, 'invalid_request_error');
      return;
    }
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : options.dimensions;
    const embed = options.embed ?? fakeEmbedding;
    const base64 = format === 'base64' && !options.ignoreEncodingFormat;
    const tokens = (input as string[]).reduce((sum, text) => sum + text.length, 0);
    sendJSON(res, 200, {
      object: 'list',
      data: (input as string[]).map((text, index) => {
        const vector = embed(text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? encodeFloat32Base64(vector) : vector };
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };
}

// ---- chat completions --------------------------------------------------------------------------

/**
 * Answers chat completions with `reply(request)`, streamed word by word when the request asks for
 * `stream: true`. A starting point: tests that need other shapes install their own handler.
 */
export function chatCompletionHandler(reply: (request: RecordedRequest) => string): RouteHandler {
  return async (request, res) => {
    const body = request.json as { model?: unknown; stream?: unknown } | undefined;
    const model = typeof body?.model === 'string' ? body.model : 'fake-model';
    const content = reply(request);
    const id = `chatcmpl-fake-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);
    if (body?.stream === true) {
      const pieces = content.match(/\S+\s*|\s+/g) ?? [];
      await sendSSE(res, [
        { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
        ...pieces.map((piece) => ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })),
        { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      ]);
      return;
    }
    sendJSON(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  };
}

export interface ChatStreamOptions {
  /** Pause before each piece (default 0). */
  delayMs?: number;
  /** Destroys the connection after this many pieces: no finish chunk, no `[DONE]`, an abrupt cut. */
  cutAfter?: number;
  /** Stops writing after this many pieces and holds the connection open: a stalled stream. */
  hangAfter?: number;
  /** Ends the response cleanly after the pieces, but without the finish chunk or `[DONE]`. */
  omitFinish?: boolean;
  /** finish_reason of the last chunk (default "stop"). */
  finishReason?: string;
}

/**
 * Streams exactly these pieces as chat completion chunks (Chinese text has no spaces to split on,
 * so tests choose the pieces), optionally slowly, cut off or stalled midway.
 */
export function chatStreamHandler(pieces: string[], options: ChatStreamOptions = {}): RouteHandler {
  return async (request, res) => {
    const body = request.json as { model?: unknown } | undefined;
    const model = typeof body?.model === 'string' ? body.model : 'fake-model';
    const id = `chatcmpl-fake-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    // Resolves once the bytes are handed to the socket, so a cut that follows lands after them.
    const write = (event: unknown) => new Promise<void>((resolve) => res.write(`data: ${JSON.stringify(event)}\n\n`, () => resolve()));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    await write(chunk({ role: 'assistant', content: '' }, null));
    for (const [index, piece] of pieces.entries()) {
      if (options.cutAfter === index) {
        // Give the client a moment to read what was sent: the cut must come mid-body, not before headers.
        await new Promise((resolve) => setTimeout(resolve, 20));
        res.destroy();
        return;
      }
      if (options.hangAfter === index) {
        await new Promise<void>((resolve) => res.on('close', () => resolve()));
        return;
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (res.destroyed) return;
      await write(chunk({ content: piece }, null));
    }
    if (options.omitFinish) {
      res.end();
      return;
    }
    await write(chunk({}, options.finishReason ?? 'stop'));
    res.write('data: [DONE]\n\n');
    res.end();
  };
}

/** Answers 200 with a JSON content type and a body that is not JSON (a proxy or server fault). */
export function malformedJSONHandler(body = '{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [{"message": '): RouteHandler {
  return (_request, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
}
