import { hanBigramCount, type Tokenizer } from '../text/tokenize.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Embedder, TokenEmbedder } from './embedder.js';

/**
 * Offline embedder: the tokenizer's words and Han bigrams, feature-hashed into a fixed number of
 * signed buckets. No corpus statistics (no idf, no vocabulary), so a vector depends only on its own
 * text and vectors from different reports and different ingests can share one index.
 *
 * Changing anything that changes the vectors (hash, weights, seeds) must bump the `v1` in the id, so
 * an index built with the old scheme is rejected instead of silently compared with new vectors.
 */
export const LOCAL_HASH_DEFAULT_DIMENSIONS = 384;

// Bigrams match what the dictionary splits wrongly, but a whole-word match is stronger evidence.
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
// Words and bigrams hash from different offsets, so the word "人数" and the bigram "人数" are
// separate features: a text matching both ways (same segmentation) scores above one matching one way.
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x050c5d1f;
const HAN_BIGRAM = /^\p{Script=Han}{1,2}$/u;

export function hashToken(token: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < token.length; i += 1) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV-1a alone leaves short strings (most tokens are 1–4 chars) poorly spread in the low bits that
  // pick the bucket; murmur3's finaliser fixes that for a few multiplies.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class LocalHashEmbeddings implements Embedder, TokenEmbedder {
  readonly id: string;
  readonly dimensions: number;
  // Scratch buffers reused across texts: they hold nothing between calls, only save allocation.
  private hashes = new Uint32Array(1024);
  private readonly sums: Float64Array;

  constructor(
    readonly tokenizer: Tokenizer,
    options: { dimensions?: number } = {},
  ) {
    const dimensions = options.dimensions ?? LOCAL_HASH_DEFAULT_DIMENSIONS;
    if (!Number.isInteger(dimensions) || dimensions < 8 || dimensions > 65_536) {
      throw new RangeError(`LocalHashEmbeddings: dimensions must be an integer in 8..65536, got ${dimensions}`);
    }
    this.dimensions = dimensions;
    this.id = `local-hash-v1:${dimensions}`;
    this.sums = new Float64Array(dimensions);
  }

  // async so a failure arrives as a rejection, as callers of an embedder expect.
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  /** Synchronous form; a text with no tokens gives the zero vector (cosine 0 with everything). */
  embed(text: string): number[] {
    return this.embedTokenized(text, this.tokenizer.tokens(text));
  }

  /**
   * The vector of `text` from tokens the same Tokenizer already produced: the ingest tokenizes each
   * chunk for the lexical index anyway, and tokenizing is two thirds of the embedding time.
   */
  embedTokenized(text: string, tokens: readonly string[]): number[] {
    const wordCount = this.wordCount(text, tokens);
    const sums = this.sums;
    sums.fill(0);
    this.addFeatures(tokens, 0, wordCount, WORD_SEED, WORD_WEIGHT);
    this.addFeatures(tokens, wordCount, tokens.length, BIGRAM_SEED, BIGRAM_WEIGHT);

    let norm = 0;
    for (let i = 0; i < sums.length; i += 1) norm += sums[i]! * sums[i]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const out = new Array<number>(sums.length);
    for (let i = 0; i < sums.length; i += 1) out[i] = sums[i]! * scale;
    return out;
  }

  /**
   * How many leading tokens are words. The Tokenizer returns words then the Han bigrams of the
   * normalised text; when the tail is as many Han pairs as the text has bigrams, the two can be
   * weighted apart. Any other tokenizer (a test fake, a future change) falls back to weighting every
   * token as a word.
   */
  private wordCount(text: string, tokens: readonly string[]): number {
    // Counted, not listed: making every bigram string again was half the embedding time at ingest.
    const start = tokens.length - hanBigramCount(normalizeForMatch(text).toLowerCase());
    if (start < 0) return tokens.length;
    for (let i = start; i < tokens.length; i += 1) {
      if (!HAN_BIGRAM.test(tokens[i]!)) return tokens.length;
    }
    return start;
  }

  private addFeatures(tokens: readonly string[], from: number, to: number, seed: number, weight: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.hashes.length < n) this.hashes = new Uint32Array(Math.max(n, this.hashes.length * 2));
    const hashes = this.hashes.subarray(0, n);
    for (let i = 0; i < n; i += 1) hashes[i] = hashToken(tokens[from + i]!, seed);
    // Sorting the hashes groups repeats of a token, giving term frequencies without a Map per text
    // (a full 32-bit collision between two different tokens is rare enough to ignore).
    hashes.sort();
    const dims = this.dimensions;
    const sums = this.sums;
    let i = 0;
    while (i < n) {
      const h = hashes[i]!;
      let j = i + 1;
      while (j < n && hashes[j] === h) j += 1;
      const value = weight * (1 + Math.log(j - i));
      // Bucket from the low bits, sign from the top bit: colliding features cancel on average
      // instead of piling up, so unrelated texts stay near cosine 0.
      const bucket = h % dims;
      sums[bucket] = sums[bucket]! + (h & 0x80000000 ? -value : value);
      i = j;
    }
  }
}
