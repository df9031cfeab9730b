import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../../src/embed/localHashEmbeddings.js';
import { createTokenizer, hanBigrams, type Tokenizer } from '../../../src/text/tokenize.js';

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return dot;
}

function norm(v: readonly number[]): number {
  return Math.sqrt(cosine(v, v));
}

/** Non-zero magnitudes, ascending: what survives of the weights after hashing and normalising. */
function magnitudes(v: readonly number[]): number[] {
  return v.filter((x) => x !== 0).map(Math.abs).sort((a, b) => a - b);
}

const spaceTokenizer: Tokenizer = {
  tokens: (text) => text.split(/\s+/).filter(Boolean),
  addWords: () => {},
};

describe('LocalHashEmbeddings', () => {
  let tokenizer: Tokenizer;
  let embedder: LocalHashEmbeddings;
  beforeAll(() => {
    tokenizer = createTokenizer();
    embedder = new LocalHashEmbeddings(tokenizer);
  });

  it('names itself by scheme and size when built with defaults', () => {
    expect(embedder.id).toBe('local-hash-v1:384');
    expect(embedder.dimensions).toBe(384);
    expect(new LocalHashEmbeddings(tokenizer, { dimensions: 128 }).id).toBe('local-hash-v1:128');
  });

  it('gives identical vectors when the same text is embedded twice or by another instance', async () => {
    const text = '2024年，学校志愿者注册人数达10750人。';
    const first = await embedder.embedQuery(text);
    const again = await embedder.embedQuery(text);
    const other = await new LocalHashEmbeddings(createTokenizer()).embedQuery(text);
    expect(again).toEqual(first);
    expect(other).toEqual(first);
  });

  it('returns unit-length plain-array vectors of the configured size', async () => {
    const [a, b] = await embedder.embedDocuments(['志愿者注册人数10750人', '学校固定资产总值12080.41万元']);
    for (const v of [a!, b!]) {
      expect(Array.isArray(v)).toBe(true);
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 12);
    }
  });

  it('gives embedDocuments the same vectors as embedQuery text by text', async () => {
    const texts = ['志愿服务', '技能竞赛获奖', ''];
    const docs = await embedder.embedDocuments(texts);
    for (const [i, text] of texts.entries()) expect(docs[i]).toEqual(await embedder.embedQuery(text));
  });

  it('ranks a paraphrase above a partial match above unrelated texts for a Chinese query', async () => {
    const query = await embedder.embedQuery('志愿者人数');
    const [close, partial, unrelated, other] = await embedder.embedDocuments([
      '志愿者注册人数10750人',
      '学校志愿服务队伍不断壮大，注册志愿者人数达到一万余人',
      '学校固定资产总值12080.41万元',
      '国际合作与交流',
    ]);
    const scores = [close!, partial!, unrelated!, other!].map((v) => cosine(query, v));
    expect(scores[0]).toBeCloseTo(0.663, 2);
    expect(scores[1]).toBeCloseTo(0.504, 2);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
    expect(scores[1]!).toBeGreaterThan(Math.max(scores[2]!, scores[3]!) + 0.3);
    expect(Math.abs(scores[2]!)).toBeLessThan(0.1);
    expect(Math.abs(scores[3]!)).toBeLessThan(0.1);
  });

  it('returns the zero vector when the text has no tokens', async () => {
    const v = await embedder.embedQuery('  ，。 ');
    expect(v).toHaveLength(384);
    expect(v.every((x) => x === 0)).toBe(true);
  });

  it('weights repeats sublinearly (1 + ln tf) when the tokenizer gives plain words', () => {
    const v = new LocalHashEmbeddings(spaceTokenizer, { dimensions: 4096 }).embed('alpha beta alpha');
    const scale = Math.hypot(1, 1 + Math.log(2));
    const got = magnitudes(v);
    expect(got).toHaveLength(2);
    expect(got[0]).toBeCloseTo(1 / scale, 12);
    expect(got[1]).toBeCloseTo((1 + Math.log(2)) / scale, 12);
  });

  it('weights a bigram at 0.7 of a word when the tokens end with the Han bigrams of the text', () => {
    // The Tokenizer's convention: words first, then the text's Han bigrams. "甲乙" as a word and as a
    // bigram are separate features.
    const wordsThenBigrams: Tokenizer = { tokens: (text) => ['甲乙', ...hanBigrams(text)], addWords: () => {} };
    const v = new LocalHashEmbeddings(wordsThenBigrams, { dimensions: 4096 }).embed('甲乙');
    const scale = Math.hypot(1, 0.7);
    const got = magnitudes(v);
    expect(got).toHaveLength(2);
    expect(got[0]).toBeCloseTo(0.7 / scale, 12);
    expect(got[1]).toBeCloseTo(1 / scale, 12);
  });

  it('gives the same vector from embedTokenized as from embed when handed the same tokens', () => {
    const text = '学校获批省级职业教育教学改革项目12项';
    expect(embedder.embedTokenized(text, tokenizer.tokens(text))).toEqual(embedder.embed(text));
  });

  it('embeds 600 report-sized chunks, each a unit vector of the configured size', async () => {
    const raw = readFileSync(new URL('../../fixtures/reports/hnhgzy-2024-quality-report.pdftext.txt', import.meta.url), 'utf8').replace(/\s+/g, '');
    const chunks: string[] = [];
    for (let i = 0; chunks.length < 600; i = (i + 200) % (raw.length - 200)) chunks.push(raw.slice(i, i + 200));
    const vectors = await embedder.embedDocuments(chunks);
    expect(vectors).toHaveLength(600);
    for (const v of vectors) {
      expect(v).toHaveLength(embedder.dimensions);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('rejects a dimension count that cannot hold features when constructed', () => {
    expect(() => new LocalHashEmbeddings(spaceTokenizer, { dimensions: 0 })).toThrow(RangeError);
    expect(() => new LocalHashEmbeddings(spaceTokenizer, { dimensions: 3.5 })).toThrow(RangeError);
  });
});
