import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../../../src/answer/model/createChatClient.js';
import { createModelAnswerer } from '../../../../src/answer/model/createModelAnswerer.js';
import { createLogger, silentLogger } from '../../../../src/log.js';
import { chatCompletionHandler, errorHandler, hangHandler, startFakeOpenAI, type FakeOpenAI } from '../../../fakes/fakeOpenAI.js';

const ROUTE = 'POST /v1/chat/completions';
const ask = (client: OpenAI) => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }] });

describe('createChatClient against the fake server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('sends the configured key to the configured base URL', async () => {
    fake.on(ROUTE, chatCompletionHandler(() => '好的'));
    const completion = await ask(createChatClient({ apiKey: 'key-abc', baseURL: fake.baseURL, timeoutMs: 5_000 }));
    expect(completion.choices[0]?.message.content).toBe('好的');
    expect(fake.requestsTo(ROUTE)[0]?.headers.authorization).toBe('Bearer key-abc');
  });

  it('fails at once without retrying when a 429 asks for a 30 s wait', async () => {
    fake.on(ROUTE, errorHandler(429, 'Rate limit reached', { 'retry-after': '30' }));
    const error = await ask(createChatClient({ apiKey: 'k', baseURL: fake.baseURL, timeoutMs: 5_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(fake.requestsTo(ROUTE)).toHaveLength(1);
  });

  it('retries once when a 429 asks for a wait within maxRetryWaitMs', async () => {
    fake.once(ROUTE, errorHandler(429, 'Rate limit reached', { 'retry-after-ms': '20' }));
    fake.on(ROUTE, chatCompletionHandler(() => '好的'));
    const completion = await ask(createChatClient({ apiKey: 'k', baseURL: fake.baseURL, timeoutMs: 5_000 }));
    expect(completion.choices[0]?.message.content).toBe('好的');
    expect(fake.requestsTo(ROUTE)).toHaveLength(2);
  });

  it('retries a 500 once and then gives up when maxRetries is left at its default', async () => {
    fake.on(ROUTE, errorHandler(500, 'boom', { 'retry-after-ms': '10' }));
    const error = await ask(createChatClient({ apiKey: 'k', baseURL: fake.baseURL, timeoutMs: 5_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(fake.requestsTo(ROUTE)).toHaveLength(2);
  });

  it('ends a hung request after timeoutMs when retries are off', async () => {
    fake.on(ROUTE, hangHandler());
    const error = await ask(createChatClient({ apiKey: 'k', baseURL: fake.baseURL, timeoutMs: 200, maxRetries: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('routes the client’s own warnings to the given logger', async () => {
    const lines: string[] = [];
    const client = createChatClient({ apiKey: 'k', baseURL: fake.baseURL, timeoutMs: 5_000, logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) });
    client.logger.warn('something odd');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('warn  openai: something odd');
  });
});

describe('createModelAnswerer', () => {
  it('builds an answerer that asks the configured chat model', async () => {
    const fake = await startFakeOpenAI();
    try {
      fake.on(ROUTE, chatCompletionHandler(() => 'NOT_FOUND'));
      const answerer = createModelAnswerer({ apiKey: 'k', baseURL: fake.baseURL, chatModel: 'qwen2.5:7b', timeoutMs: 5_000 }, silentLogger);
      const evidence = [{ n: 1, report: 'r', year: 2024, section: '1', page: 1, text: '正文' }];
      expect(await answerer.answer('问题', evidence)).toEqual({ kind: 'not_found' });
      expect((fake.requestsTo(ROUTE)[0]?.json as { model: string }).model).toBe('qwen2.5:7b');
    } finally {
      await fake.close();
    }
  });
});
