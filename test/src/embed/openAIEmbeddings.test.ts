import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddings } from '../../../src/embed/createEmbeddings.js';
import { LocalHashEmbeddings } from '../../../src/embed/localHashEmbeddings.js';
import { createOpenAIEmbeddings, decodeEmbedding, OpenAIEmbeddings } from '../../../src/embed/openAIEmbeddings.js';
import { EmbeddingError } from '../../../src/errors.js';
import type { Tokenizer } from '../../../src/text/tokenize.js';
import {
  embeddingsHandler,
  encodeFloat32Base64,
  errorHandler,
  fakeEmbedding,
  hangHandler,
  sendJSON,
  startFakeOpenAI,
  type FakeOpenAI,
} from '../../fakes/fakeOpenAI.js';

const MODEL = 'text-embedding-3-small';

describe('OpenAIEmbeddings against the fake server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ embeddingDimensions: 8 });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  function embedder(options: { timeout?: number; batchSize?: number } = {}): OpenAIEmbeddings {
    const client = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0, timeout: options.timeout ?? 5_000 });
    return new OpenAIEmbeddings({ client, model: MODEL, ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
  }

  it('returns the server’s float32 numbers when the answer comes base64-encoded', async () => {
    const e = embedder();
    const vectors = await e.embedDocuments(['志愿者注册人数', '固定资产总值']);
    expect(vectors).toEqual([fakeEmbedding('志愿者注册人数', 8), fakeEmbedding('固定资产总值', 8)]);
    const sent = fake.requestsTo('POST /v1/embeddings')[0]!;
    expect(sent.json).toMatchObject({ model: MODEL, input: ['志愿者注册人数', '固定资产总值'], encoding_format: 'base64' });
    expect(sent.headers.authorization).toBe('Bearer test-key');
  });

  it('returns the same numbers when the server ignores encoding_format and sends float arrays', async () => {
    fake.on('POST /v1/embeddings', embeddingsHandler({ dimensions: 8, ignoreEncodingFormat: true }));
    expect(await embedder().embedQuery('志愿者')).toEqual(fakeEmbedding('志愿者', 8));
  });

  it('learns its dimensions from the first answer when none were configured', async () => {
    const e = embedder();
    expect(e.id).toBe('openai:text-embedding-3-small');
    expect(e.dimensions).toBeUndefined();
    await e.embedQuery('学校');
    expect(e.dimensions).toBe(8);
  });

  it('sends 64 inputs per request and keeps input order when given 150 texts', async () => {
    const texts = Array.from({ length: 150 }, (_, i) => `第${i}段`);
    const vectors = await embedder().embedDocuments(texts);
    expect(fake.requestsTo('POST /v1/embeddings').map((r) => (r.json as { input: string[] }).input.length)).toEqual([64, 64, 22]);
    expect(vectors[0]).toEqual(fakeEmbedding('第0段', 8));
    expect(vectors[149]).toEqual(fakeEmbedding('第149段', 8));
  });

  it('places vectors by their index field when the server answers out of order', async () => {
    fake.on('POST /v1/embeddings', (request, res) => {
      const input = (request.json as { input: string[] }).input;
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: encodeFloat32Base64(fakeEmbedding(text, 8)) })).reverse();
      sendJSON(res, 200, { object: 'list', data, model: MODEL, usage: { prompt_tokens: 1, total_tokens: 1 } });
    });
    expect(await embedder().embedDocuments(['甲', '乙', '丙'])).toEqual(['甲', '乙', '丙'].map((t) => fakeEmbedding(t, 8)));
  });

  it('sends a space instead of an empty string when a text is empty', async () => {
    await embedder().embedDocuments(['', '学校']);
    expect((fake.requests[0]!.json as { input: string[] }).input).toEqual([' ', '学校']);
  });

  it('throws EmbeddingError with the API error as cause when the server answers 500', async () => {
    fake.on('POST /v1/embeddings', errorHandler(500, 'model crashed'));
    const error = await embedder().embedQuery('学校').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).message).toContain('HTTP 500');
    expect((error as EmbeddingError).cause).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('throws EmbeddingError after the timeout when the server never answers', async () => {
    fake.on('POST /v1/embeddings', hangHandler());
    const error = await embedder({ timeout: 300 }).embedQuery('学校').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).message).toContain('timed out');
    expect((error as EmbeddingError).cause).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('throws EmbeddingError when the server returns fewer vectors than inputs', async () => {
    fake.on('POST /v1/embeddings', (_request, res) =>
      sendJSON(res, 200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], model: MODEL, usage: {} }),
    );
    await expect(embedder().embedDocuments(['甲', '乙'])).rejects.toThrow(/expected 2 embeddings, got 1/);
  });

  it('throws EmbeddingError when a later answer changes the vector size', async () => {
    const e = embedder();
    await e.embedQuery('甲');
    fake.on('POST /v1/embeddings', embeddingsHandler({ dimensions: 4 }));
    await expect(e.embedQuery('乙')).rejects.toThrow(/4 dimensions, expected 8/);
  });

  it('makes no request when given no texts', async () => {
    expect(await embedder().embedDocuments([])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('embeds through a client the factory built from settings', async () => {
    const e = createOpenAIEmbeddings({ apiKey: 'k', baseURL: fake.baseURL, model: MODEL, timeoutMs: 2_000, maxRetries: 0 });
    expect(await e.embedQuery('学校')).toEqual(fakeEmbedding('学校', 8));
  });
});

describe('decodeEmbedding', () => {
  it('reads little-endian float32 when given base64', () => {
    expect(decodeEmbedding(encodeFloat32Base64([0.5, -2, 1.25]))).toEqual([0.5, -2, 1.25]);
  });

  it('throws EmbeddingError when the base64 length is not a whole number of floats', () => {
    expect(() => decodeEmbedding(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(EmbeddingError);
  });

  it('throws EmbeddingError when the value is neither base64 nor numbers', () => {
    expect(() => decodeEmbedding({ vector: [1] })).toThrow(EmbeddingError);
    expect(() => decodeEmbedding([1, 'x'])).toThrow(EmbeddingError);
  });
});

describe('createEmbeddings', () => {
  const tokenizer: Tokenizer = { tokens: (text) => text.split(''), addWords: () => {} };

  it('returns the local hash embedder when no model server is configured', () => {
    const e = createEmbeddings(null, tokenizer);
    expect(e).toBeInstanceOf(LocalHashEmbeddings);
    expect(e.id).toBe('local-hash-v1:384');
  });

  it('returns the OpenAI embedder named after the model when a server is configured', () => {
    const e = createEmbeddings(
      { apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', embeddingModel: 'bge-m3', chatModel: 'x', timeoutMs: 1_000 },
      tokenizer,
    );
    expect(e).toBeInstanceOf(OpenAIEmbeddings);
    expect(e.id).toBe('openai:bge-m3');
    expect(e.dimensions).toBeUndefined();
  });
});
