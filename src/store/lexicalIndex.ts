import { z } from 'zod';
import type { Tokenizer } from '../text/tokenize.js';
import { IndexFormatError } from './indexFormatError.js';
import { TopK, type ScoredIndex } from './topK.js';

export interface LexicalDoc {
  id: string;
  /** Matching text (a chunk's `norm`); tokenized with the index's Tokenizer. */
  text: string;
}

export interface TokenizedDoc {
  id: string;
  tokens: readonly string[];
}

export interface Bm25Params {
  /** Term-frequency saturation; 1.2 is the usual middle. */
  k1: number;
  /** Length normalisation; 0.75 lets long chunks (table rows, cases) win less by sheer size. */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export const LEXICAL_INDEX_FORMAT = 'bm25-v1';

/**
 * Saved form. `postings[t]` belongs to `terms[t]` and is flat `[doc, tf, gap, tf, gap, tf, …]`: the
 * first doc position as is, later ones as the gap from the previous (small numbers keep the file
 * small). Document lengths are not stored: a document's length is the sum of its tfs.
 */
export interface LexicalIndexJSON {
  format: typeof LEXICAL_INDEX_FORMAT;
  k1: number;
  b: number;
  ids: string[];
  terms: string[];
  postings: number[][];
}

const MAX_TF = 0xffff;

// Only the envelope goes through zod: even `z.array(z.unknown())` over millions of posting numbers
// costs ~0.5 s at 50,000 chunks, so postings get one hand-written pass that checks numbers and order.
const LexicalIndexSchema = z.object({
  format: z.literal(LEXICAL_INDEX_FORMAT),
  k1: z.number().positive().max(10),
  b: z.number().min(0).max(1),
  ids: z.array(z.string()),
  terms: z.array(z.string()),
  postings: z.array(z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array of numbers')),
});

/**
 * BM25 over a fixed set of documents, searched by term-at-a-time accumulation over postings held in
 * typed arrays (CSR layout: one offsets array, one docs array, one impacts array), so a query costs
 * only the summed length of its terms' postings and allocates nothing proportional to the corpus.
 */
export class LexicalIndex {
  readonly ids: readonly string[];
  readonly params: Bm25Params;
  private readonly termIds: Map<string, number>;
  private readonly terms: readonly string[];
  /** Postings of term t are positions offsets[t] .. offsets[t+1]-1 of docs/tfs/impacts. */
  private readonly offsets: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly tfs: Uint16Array;
  /** The tf/length part of BM25 per posting, fixed at build: a query only multiplies by idf and adds. */
  private readonly impacts: Float32Array;
  private readonly idf: Float64Array;
  // Per-query scratch, reused: scores stay all-zero between queries (every touched doc is reset).
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  private constructor(
    ids: string[],
    terms: string[],
    offsets: Uint32Array,
    docs: Uint32Array,
    tfs: Uint16Array,
    params: Bm25Params,
  ) {
    this.ids = ids;
    this.terms = terms;
    this.params = params;
    this.termIds = new Map(terms.map((term, i) => [term, i]));
    this.offsets = offsets;
    this.docs = docs;
    this.tfs = tfs;

    const n = ids.length;
    const docLength = new Float64Array(n);
    for (let p = 0; p < docs.length; p += 1) {
      const d = docs[p]!;
      docLength[d] = docLength[d]! + tfs[p]!;
    }
    let total = 0;
    for (let d = 0; d < n; d += 1) total += docLength[d]!;
    const avgLength = n > 0 && total > 0 ? total / n : 1;

    const { k1, b } = params;
    this.idf = new Float64Array(terms.length);
    this.impacts = new Float32Array(docs.length);
    for (let t = 0; t < terms.length; t += 1) {
      const start = offsets[t]!;
      const end = offsets[t + 1]!;
      const df = end - start;
      // Lucene's idf: never negative, so a term in most chunks adds little instead of subtracting.
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let p = start; p < end; p += 1) {
        const tf = tfs[p]!;
        const norm = k1 * (1 - b + (b * docLength[docs[p]!]!) / avgLength);
        this.impacts[p] = (tf * (k1 + 1)) / (tf + norm);
      }
    }
    this.scores = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** Tokenizes each document with `tokenizer`; queries must then be tokenized by the same one. */
  static build(docs: readonly LexicalDoc[], tokenizer: Tokenizer, params: Partial<Bm25Params> = {}): LexicalIndex {
    return LexicalIndex.fromTokens(
      docs.map((doc) => ({ id: doc.id, tokens: tokenizer.tokens(doc.text) })),
      params,
    );
  }

  /** For callers that already hold each chunk's tokens (the ingest tokenizes once for both indexes). */
  static fromTokens(docs: readonly TokenizedDoc[], params: Partial<Bm25Params> = {}): LexicalIndex {
    // Two passes over flat typed arrays instead of a growing array per term: at 50,000 chunks the
    // per-term arrays cost more in allocation and GC than the token lookups themselves.
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    let df = new Uint32Array(1024);
    // Pass 1: per doc, its (term, tf) pairs, found by sorting the doc's term ids.
    let pairTerms = new Uint32Array(1024);
    let pairTfs = new Uint16Array(1024);
    const docPairEnd = new Uint32Array(docs.length);
    let pairCount = 0;
    let scratch = new Uint32Array(256);
    docs.forEach((doc, d) => {
      const n = doc.tokens.length;
      if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
      for (let i = 0; i < n; i += 1) {
        const token = doc.tokens[i]!;
        let t = termIds.get(token);
        if (t === undefined) {
          t = terms.length;
          termIds.set(token, t);
          terms.push(token);
          if (t >= df.length) df = grow(df, t + 1);
        }
        scratch[i] = t;
      }
      const ids = scratch.subarray(0, n).sort();
      if (pairCount + n > pairTerms.length) {
        pairTerms = grow(pairTerms, pairCount + n);
        pairTfs = grow(pairTfs, pairCount + n);
      }
      for (let i = 0; i < n; ) {
        const t = ids[i]!;
        let j = i + 1;
        while (j < n && ids[j] === t) j += 1;
        pairTerms[pairCount] = t;
        pairTfs[pairCount] = Math.min(MAX_TF, j - i);
        pairCount += 1;
        df[t] = df[t]! + 1;
        i = j;
      }
      docPairEnd[d] = pairCount;
    });
    // Pass 2: scatter the pairs into postings; docs are visited in order, so postings come out sorted.
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t += 1) offsets[t + 1] = offsets[t]! + df[t]!;
    const cursor = offsets.slice(0, terms.length);
    const flatDocs = new Uint32Array(pairCount);
    const flatTfs = new Uint16Array(pairCount);
    let p = 0;
    for (let d = 0; d < docs.length; d += 1) {
      for (const end = docPairEnd[d]!; p < end; p += 1) {
        const t = pairTerms[p]!;
        const at = cursor[t]!;
        flatDocs[at] = d;
        flatTfs[at] = pairTfs[p]!;
        cursor[t] = at + 1;
      }
    }
    return new LexicalIndex(docs.map((doc) => doc.id), terms, offsets, flatDocs, flatTfs, checkParams(params));
  }

  /**
   * One index over several (one per report), documents in part order. BM25 scores from separate
   * per-report indexes are not comparable (each has its own idf and average length); merging the
   * postings gives one set of corpus statistics, without tokenizing anything again.
   */
  static merge(parts: readonly LexicalIndex[], params: Partial<Bm25Params> = parts[0]?.params ?? {}): LexicalIndex {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const counts: number[] = [];
    const termMaps = parts.map((part) => {
      const map = new Uint32Array(part.terms.length);
      part.terms.forEach((term, t) => {
        let g = termIds.get(term);
        if (g === undefined) {
          g = terms.length;
          termIds.set(term, g);
          terms.push(term);
          counts.push(0);
        }
        map[t] = g;
        counts[g] = counts[g]! + part.offsets[t + 1]! - part.offsets[t]!;
      });
      return map;
    });
    const offsets = new Uint32Array(terms.length + 1);
    for (let g = 0; g < terms.length; g += 1) offsets[g + 1] = offsets[g]! + counts[g]!;
    const cursor = offsets.slice(0, terms.length);
    const docs = new Uint32Array(offsets[terms.length]!);
    const tfs = new Uint16Array(docs.length);
    const ids: string[] = [];
    // Parts are appended in order, so each term's postings stay sorted by document.
    parts.forEach((part, i) => {
      const base = ids.length;
      const map = termMaps[i]!;
      for (let t = 0; t < part.terms.length; t += 1) {
        const g = map[t]!;
        let at = cursor[g]!;
        for (let p = part.offsets[t]!; p < part.offsets[t + 1]!; p += 1, at += 1) {
          docs[at] = part.docs[p]! + base;
          tfs[at] = part.tfs[p]!;
        }
        cursor[g] = at;
      }
      for (const id of part.ids) ids.push(id);
    });
    if (new Set(ids).size !== ids.length) throw new RangeError('LexicalIndex.merge: the parts share document ids');
    return new LexicalIndex(ids, terms, offsets, docs, tfs, checkParams(params));
  }

  /** Rebuilds from `toJSON()` output (already JSON-parsed); throws `IndexFormatError` on anything malformed. */
  static fromJSON(data: unknown): LexicalIndex {
    const parsed = LexicalIndexSchema.safeParse(data);
    if (!parsed.success) {
      throw new IndexFormatError(
        'lexical index',
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    const { ids, terms, postings, k1, b } = parsed.data;
    const problems: string[] = [];
    if (postings.length !== terms.length) problems.push(`${terms.length} terms but ${postings.length} posting lists`);
    if (new Set(ids).size !== ids.length) problems.push('duplicate document ids');
    const termCount = Math.min(terms.length, postings.length);
    if (new Set(terms).size !== terms.length) problems.push('duplicate terms');

    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t += 1) offsets[t + 1] = offsets[t]! + postings[t]!.length / 2;
    const total = Math.floor(offsets[termCount]!);
    const docs = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    const n = ids.length;
    for (let t = 0; t < termCount && problems.length < 10; t += 1) {
      const list = postings[t]!;
      if (list.length === 0 || list.length % 2 !== 0) {
        problems.push(`postings of term ${t} must be non-empty [gap, tf] pairs, got ${list.length} numbers`);
        continue;
      }
      let p = offsets[t]!;
      let doc = -1;
      for (let i = 0; i < list.length; i += 2) {
        const gap = list[i];
        const tf = list[i + 1];
        if (typeof gap !== 'number' || !Number.isInteger(gap) || gap < (i === 0 ? 0 : 1)) {
          problems.push(`postings of term ${t}: bad doc gap ${JSON.stringify(gap)} at ${i}`);
          break;
        }
        doc += i === 0 ? gap + 1 : gap;
        if (doc >= n) {
          problems.push(`postings of term ${t}: doc ${doc} beyond the ${n} documents`);
          break;
        }
        if (typeof tf !== 'number' || !Number.isInteger(tf) || tf < 1 || tf > MAX_TF) {
          problems.push(`postings of term ${t}: bad tf ${JSON.stringify(tf)} at ${i + 1}`);
          break;
        }
        docs[p] = doc;
        tfs[p] = tf;
        p += 1;
      }
    }
    if (problems.length > 0) throw new IndexFormatError('lexical index', problems);
    return new LexicalIndex(ids, terms, offsets, docs, tfs, { k1, b });
  }

  /** `fromJSON` for the file's text, so a truncated or non-JSON file gets the same clear error. */
  static parse(json: string): LexicalIndex {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new IndexFormatError('lexical index', [`not JSON (${(error as Error).message})`], { cause: error });
    }
    return LexicalIndex.fromJSON(data);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Inverse document frequency of a token (same formula as search), or null for a token no document has. */
  /** How many documents hold the token (0 for a token the index never saw). */
  documentFrequency(token: string): number {
    const t = this.termIds.get(token);
    return t === undefined ? 0 : this.offsets[t + 1]! - this.offsets[t]!;
  }

  /** Every token the index holds, each once. */
  vocabulary(): readonly string[] {
    return this.terms;
  }

  idfOf(token: string): number | null {
    const t = this.termIds.get(token);
    return t === undefined ? null : (this.idf[t] ?? null);
  }

  /** The largest idf in the index: the weight of a term seen in one document only. */
  get maxIdf(): number {
    let max = 0;
    for (const value of this.idf) max = Math.max(max, value);
    return max;
  }

  /**
   * The k best documents for a query's tokens (from the Tokenizer the documents were cut with), best first; equal
   * scores keep build order. `filter` sees document positions (build order) and only documents that
   * match at least one term; documents matching no term are never returned.
   *
   * Query tokens are deduplicated: the Tokenizer emits a two-character word twice (once as a jieba
   * word, once as a bigram), and counting it twice would let every two-character word of a question
   * outweigh longer, rarer words by accident of tokenization. Repetition inside documents is kept, as
   * tf, and BM25 saturates it there.
   */
  search(tokens: readonly string[], k: number, filter?: (docIndex: number) => boolean): ScoredIndex[] {
    if (k <= 0 || this.ids.length === 0) return [];
    const termList: number[] = [];
    for (const token of tokens) {
      const t = this.termIds.get(token);
      if (t !== undefined && !termList.includes(t)) termList.push(t);
    }
    const { scores, touched, offsets, docs, impacts, idf } = this;
    let touchedCount = 0;
    for (const t of termList) {
      const weight = idf[t]!;
      const end = offsets[t + 1]!;
      for (let p = offsets[t]!; p < end; p += 1) {
        const d = docs[p]!;
        // Every impact and idf is > 0, so a zero score means "not touched yet".
        if (scores[d] === 0) touched[touchedCount++] = d;
        scores[d] = scores[d]! + weight * impacts[p]!;
      }
    }
    const top = new TopK(Math.min(Math.floor(k), touchedCount));
    try {
      if (top.k === 0) return [];
      for (let i = 0; i < touchedCount; i += 1) {
        const d = touched[i]!;
        const score = scores[d]!;
        if (score < top.threshold() || (filter && !filter(d))) continue;
        top.offer(d, score);
      }
    } finally {
      for (let i = 0; i < touchedCount; i += 1) scores[touched[i]!] = 0;
    }
    return top.results();
  }

  toJSON(): LexicalIndexJSON {
    const postings: number[][] = [];
    for (let t = 0; t < this.terms.length; t += 1) {
      const start = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      const list = new Array<number>(2 * (end - start));
      let previous = -1;
      for (let p = start, i = 0; p < end; p += 1, i += 2) {
        const doc = this.docs[p]!;
        list[i] = p === start ? doc : doc - previous;
        list[i + 1] = this.tfs[p]!;
        previous = doc;
      }
      postings.push(list);
    }
    return {
      format: LEXICAL_INDEX_FORMAT,
      k1: this.params.k1,
      b: this.params.b,
      ids: [...this.ids],
      terms: [...this.terms],
      postings,
    };
  }
}

function checkParams(params: Partial<Bm25Params>): Bm25Params {
  const k1 = params.k1 ?? DEFAULT_BM25.k1;
  const b = params.b ?? DEFAULT_BM25.b;
  if (!(k1 > 0 && k1 <= 10) || !(b >= 0 && b <= 1)) throw new RangeError(`BM25 parameters out of range: k1=${k1}, b=${b}`);
  return { k1, b };
}

function grow<T extends Uint32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}
