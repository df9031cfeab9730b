import { beforeAll, describe, expect, it } from 'vitest';
import { IndexFormatError } from '../../../src/store/indexFormatError.js';
import { LexicalIndex, type TokenizedDoc } from '../../../src/store/lexicalIndex.js';
import { createTokenizer, type Tokenizer } from '../../../src/text/tokenize.js';

const CHUNKS = [
  { id: 'r#0', text: '1.3 社会服务 学校积极组织志愿服务活动，开展社区服务、乡村振兴等各类活动230余次。' },
  { id: 'r#1', text: '志愿者注册人数 10750 人，占在校生比例 63.93%。' },
  { id: 'r#2', text: '学校现有教职工人数 812 人，其中专任教师 604 人。' },
  { id: 'r#3', text: '学校固定资产总值 12080.41 万元，教学仪器设备总值 9876.5 万元。' },
  { id: 'r#4', text: '青年志愿者协会获评省级优秀志愿服务组织。' },
];

describe('LexicalIndex on Chinese chunks', () => {
  let tokenizer: Tokenizer;
  let index: LexicalIndex;
  beforeAll(() => {
    tokenizer = createTokenizer();
    index = LexicalIndex.build(CHUNKS, tokenizer);
  });

  it('ranks the chunk holding 志愿者注册人数 first when asked 志愿者人数', () => {
    const hits = index.search(tokenizer.tokens('志愿者人数'), 5);
    expect(hits[0]?.index).toBe(1);
    expect(index.ids[hits[0]!.index]).toBe('r#1');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('returns hits best first with ties in build order when several chunks match', () => {
    const hits = index.search(tokenizer.tokens('学校'), 5);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits.map((h) => h.index).sort()).toEqual([0, 2, 3]);
  });

  it('never returns a chunk the filter rejects when a filter is given', () => {
    const hits = index.search(tokenizer.tokens('志愿者人数'), 5, (doc) => doc !== 1);
    expect(hits.map((h) => h.index)).not.toContain(1);
    expect(hits[0]?.index).toBe(4);
  });

  it('returns nothing when no query token is in the index', () => {
    expect(index.search(tokenizer.tokens('区块链'), 5)).toEqual([]);
    expect(index.search(tokenizer.tokens(''), 5)).toEqual([]);
  });

  it('gives identical results after a round trip through JSON text', () => {
    const back = LexicalIndex.parse(JSON.stringify(index.toJSON()));
    for (const q of ['志愿者人数', '学校固定资产', '专任教师', '63.93%']) expect(back.search(tokenizer.tokens(q), 5)).toEqual(index.search(tokenizer.tokens(q), 5));
    expect(back.ids).toEqual(index.ids);
  });
});

describe('LexicalIndex scoring', () => {
  const docs: TokenizedDoc[] = [
    { id: 'd0', tokens: ['a', 'b'] },
    { id: 'd1', tokens: ['a'] },
    { id: 'd2', tokens: ['c'] },
  ];
  const index = LexicalIndex.fromTokens(docs);

  it('scores BM25 with k1 1.2 and b 0.75 when documents differ in length', () => {
    // N=3, df(a)=2: idf = ln(1 + 1.5/2.5); avgdl = 4/3.
    const idf = Math.log(1.6);
    const tfPart = (dl: number) => 2.2 / (1 + 1.2 * (0.25 + (0.75 * dl) / (4 / 3)));
    const hits = index.search(['a'], 3);
    expect(hits.map((h) => h.index)).toEqual([1, 0]);
    expect(hits[0]!.score).toBeCloseTo(idf * tfPart(1), 6);
    expect(hits[1]!.score).toBeCloseTo(idf * tfPart(2), 6);
  });

  it('scores a repeated query token once when the query repeats it', () => {
    expect(index.search(['a', 'a', 'b', 'a'], 3)).toEqual(index.search(['a', 'b'], 3));
  });

  it('returns at most k hits when more documents match', () => {
    expect(index.search(['a', 'c'], 1)).toHaveLength(1);
    expect(index.search(['a', 'c'], 0)).toEqual([]);
  });

  it('gives the same results as one build over all documents when merging per-report parts', () => {
    const all: TokenizedDoc[] = Array.from({ length: 40 }, (_, i) => ({ id: `r${i % 3}#${i}`, tokens: [`t${i % 7}`, `t${i % 5}`, `t${i % 3}`, 'common'] }));
    const whole = LexicalIndex.fromTokens(all);
    const merged = LexicalIndex.merge([all.slice(0, 13), all.slice(13, 30), all.slice(30)].map((part) => LexicalIndex.fromTokens(part)));
    expect(merged.ids).toEqual(whole.ids);
    for (const q of [['t1'], ['t2', 'common'], ['t4', 't6', 't0']]) expect(merged.search(q, 10)).toEqual(whole.search(q, 10));
    expect(merged.toJSON()).toEqual(whole.toJSON());
  });

  it('serialises postings as [doc, tf, gap, tf…] arrays when saved', () => {
    const json = LexicalIndex.fromTokens([{ id: 'x', tokens: ['a', 'a'] }, { id: 'y', tokens: ['b'] }, { id: 'z', tokens: ['a'] }]).toJSON();
    expect(json).toEqual({ format: 'bm25-v1', k1: 1.2, b: 0.75, ids: ['x', 'y', 'z'], terms: ['a', 'b'], postings: [[0, 2, 2, 1], [1, 1]] });
  });
});

describe('LexicalIndex loading a bad file', () => {
  const good = () => LexicalIndex.fromTokens([{ id: 'x', tokens: ['a'] }, { id: 'y', tokens: ['a', 'b'] }]).toJSON();

  it('throws IndexFormatError naming JSON when the text is truncated', () => {
    const text = JSON.stringify(good());
    expect(() => LexicalIndex.parse(text.slice(0, text.length - 5))).toThrow(IndexFormatError);
    expect(() => LexicalIndex.parse(text.slice(0, text.length - 5))).toThrow(/lexical index is invalid: not JSON/);
  });

  it('throws IndexFormatError naming the field when the format tag is wrong', () => {
    expect(() => LexicalIndex.fromJSON({ ...good(), format: 'bm25-v0' })).toThrow(/lexical index is invalid: format:/);
  });

  it('throws IndexFormatError when a posting points past the last document', () => {
    expect(() => LexicalIndex.fromJSON({ ...good(), postings: [[0, 1, 7, 1], [1, 1]] })).toThrow(
      'lexical index is invalid: postings of term 0: doc 7 beyond the 2 documents',
    );
  });

  it('throws IndexFormatError when a posting list has a dangling number or bad tf', () => {
    expect(() => LexicalIndex.fromJSON({ ...good(), postings: [[0, 1, 1], [1, 1]] })).toThrow(/must be non-empty \[gap, tf\] pairs/);
    expect(() => LexicalIndex.fromJSON({ ...good(), postings: [[0, 0], [1, 1]] })).toThrow(/bad tf 0/);
    expect(() => LexicalIndex.fromJSON({ ...good(), postings: [[0, 1, 0, 1], [1, 1]] })).toThrow(/bad doc gap 0/);
  });

  it('throws IndexFormatError when terms and posting lists disagree in number', () => {
    expect(() => LexicalIndex.fromJSON({ ...good(), terms: ['a'] })).toThrow(/2 terms|1 terms but 2 posting lists/);
  });
});

describe('LexicalIndex speed', () => {
  it('answers queries over 50,000 chunks with the best-scoring documents, the same on every call', () => {
    // Zipf-like vocabulary: a few tokens in most chunks, a long tail in few — as in report text.
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const token = () => vocabulary[Math.floor(Math.exp(random() * Math.log(vocabulary.length)))]!;
    const docs: TokenizedDoc[] = Array.from({ length: 50_000 }, (_, i) => ({ id: `c${i}`, tokens: Array.from({ length: 80 }, token) }));
    const index = LexicalIndex.fromTokens(docs);
    const queries = Array.from({ length: 20 }, () => Array.from({ length: 8 }, token));
    // Speed is the bench's business (npm run bench); here: ten hits, best first, and the per-query
    // scratch arrays leave nothing behind that would change the next answer.
    const first = queries.map((q) => index.search(q, 10));
    for (const hits of first) {
      expect(hits).toHaveLength(10);
      expect(hits.map((h) => h.score)).toEqual(hits.map((h) => h.score).sort((a, b) => b - a));
    }
    expect(queries.map((q) => index.search(q, 10))).toEqual(first);
  });
});
