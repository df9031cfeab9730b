import { explicitClientOptions } from './openaiClientOptions.js';
import OpenAI from 'openai';
import { EmbeddingError } from '../errors.js';
import type { Embedder } from './embedder.js';

export interface OpenAIEmbeddingsOptions {
  client: OpenAI;
  model: string;
  /**
   * Output size to ask for (text-embedding-3 models can shorten their vectors). Omit to take the
   * model's own size, learnt from the first answer; many OpenAI-compatible servers reject the field.
   */
  dimensions?: number;
  /** Inputs per request (default 64): far below the API's limits for report-sized chunks. */
  batchSize?: number;
}

/** Settings the factory needs; `Config['openai']` supplies them. */
export interface OpenAIEmbeddingsSettings {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  /** Retries of 429/5xx/timeouts inside the client (default 2, the client's own default). */
  maxRetries?: number;
}

/** Builds the client from settings. Connects to nothing until the first embedding call. */
export function createOpenAIEmbeddings(settings: OpenAIEmbeddingsSettings): OpenAIEmbeddings {
  const client = new OpenAI({ ...explicitClientOptions(settings), maxRetries: settings.maxRetries ?? 2 });
  return new OpenAIEmbeddings({ client, model: settings.model });
}

/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint, in batches, one request at a time
 * (the client already retries 429 and 5xx with backoff; parallel batches would only meet the rate
 * limit sooner). Any failure becomes an `EmbeddingError` carrying the client's error as cause.
 */
export class OpenAIEmbeddings implements Embedder {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly requestedDimensions: number | undefined;
  private readonly batchSize: number;
  private learntDimensions: number | undefined;

  constructor(options: OpenAIEmbeddingsOptions) {
    this.client = options.client;
    this.model = options.model;
    this.requestedDimensions = options.dimensions;
    this.batchSize = options.batchSize ?? 64;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    // A shortened vector is a different embedding space from the full one, so it gets its own id.
    this.id = options.dimensions === undefined ? `openai:${options.model}` : `openai:${options.model}:${options.dimensions}`;
  }

  get dimensions(): number | undefined {
    return this.requestedDimensions ?? this.learntDimensions;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    if (!vector) throw new EmbeddingError('the server answered without a vector');
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      out.push(...(await this.embedBatch(texts.slice(start, start + this.batchSize))));
    }
    return out;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    // The API rejects empty strings; an empty chunk or query still deserves a (meaningless) vector.
    const input = texts.map((text) => (text.trim() === '' ? ' ' : text));
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      response = await this.client.embeddings.create({
        model: this.model,
        input,
        // Asked for explicitly, so the client hands the answer back untouched and decodeEmbedding
        // decides by what actually arrived: when the client asks for base64 on its own, it decodes
        // blindly, and servers that ignore the field (some OpenAI-compatible ones) send float arrays
        // that it would turn into garbage of a quarter of the length.
        encoding_format: 'base64',
        ...(this.requestedDimensions === undefined ? {} : { dimensions: this.requestedDimensions }),
      });
    } catch (error) {
      throw new EmbeddingError(`${this.id}: ${describe(error)}`, { cause: error });
    }

    const data: unknown = (response as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length !== texts.length) {
      throw new EmbeddingError(`${this.id}: expected ${texts.length} embeddings, got ${Array.isArray(data) ? data.length : 'none'}`);
    }
    const vectors = new Array<number[] | undefined>(texts.length);
    data.forEach((item: unknown, position) => {
      const entry = item as { index?: unknown; embedding?: unknown } | null;
      // Answers carry their input position; do not trust the array order.
      const index = typeof entry?.index === 'number' ? entry.index : position;
      if (!Number.isInteger(index) || index < 0 || index >= texts.length || vectors[index]) {
        throw new EmbeddingError(`${this.id}: answer ${position} has a bad or repeated index ${String(entry?.index)}`);
      }
      vectors[index] = decodeEmbedding(entry?.embedding, `${this.id}: embedding ${index}`);
    });

    const result: number[][] = [];
    for (const vector of vectors) {
      if (!vector) throw new EmbeddingError(`${this.id}: an input got no embedding`);
      const expected = this.dimensions;
      if (expected !== undefined && vector.length !== expected) {
        throw new EmbeddingError(`${this.id}: got a vector of ${vector.length} dimensions, expected ${expected}`);
      }
      this.learntDimensions ??= vector.length;
      result.push(vector);
    }
    return result;
  }
}

/** A base64 string of little-endian float32 (what `encoding_format: 'base64'` returns) or a number array. */
export function decodeEmbedding(value: unknown, what = 'embedding'): number[] {
  let vector: number[];
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 0 || bytes.length % 4 !== 0) throw new EmbeddingError(`${what}: base64 holds ${bytes.length} bytes, not a float32 array`);
    vector = new Array<number>(bytes.length / 4);
    for (let i = 0; i < vector.length; i += 1) vector[i] = bytes.readFloatLE(i * 4);
  } else if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number')) {
    vector = value as number[];
  } else {
    throw new EmbeddingError(`${what}: neither a base64 string nor a number array`);
  }
  if (!vector.every(Number.isFinite)) throw new EmbeddingError(`${what}: holds a non-finite number`);
  return vector;
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'request timed out';
  if (error instanceof OpenAI.APIError && error.status !== undefined) return `HTTP ${error.status}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
