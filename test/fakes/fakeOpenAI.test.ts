import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionHandler, errorHandler, startFakeOpenAI, type FakeOpenAI } from './fakeOpenAI.js';

describe('fake OpenAI server', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0, timeout: 5_000 });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('answers a chat completion with the handler’s reply when not streaming', async () => {
    fake.on('POST /v1/chat/completions', chatCompletionHandler(() => '志愿者注册人数为10750人。'));
    const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: '志愿者人数？' }] });
    expect(completion.choices[0]?.message.content).toBe('志愿者注册人数为10750人。');
    expect(fake.requestsTo('POST /v1/chat/completions')[0]?.json).toMatchObject({ messages: [{ role: 'user', content: '志愿者人数？' }] });
  });

  it('streams the reply in pieces the client reassembles when stream is true', async () => {
    fake.on('POST /v1/chat/completions', chatCompletionHandler(() => 'one two three'));
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }], stream: true });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? '');
    expect(pieces.join('')).toBe('one two three');
    expect(pieces.filter(Boolean)).toEqual(['one ', 'two ', 'three']);
  });

  it('uses a queued handler once and then the standing one when the client retries a 429', async () => {
    fake.once('POST /v1/chat/completions', errorHandler(429, 'slow down', { 'retry-after-ms': '10' }));
    const retrying = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 1, timeout: 5_000 });
    const completion = await retrying.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(fake.requestsTo('POST /v1/chat/completions')).toHaveLength(2);
  });

  it('answers 404 in the API error shape when no route matches', async () => {
    const error = await client.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(fake.requests[0]?.path).toBe('/v1/models');
  });
});
