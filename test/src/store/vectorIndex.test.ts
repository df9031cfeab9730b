import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactSearch } from '../../../src/store/exactSearch.js';
import { IndexFormatError } from '../../../src/store/indexFormatError.js';
import { decodeVectorFile, encodeVectorFile } from '../../../src/store/vectorFile.js';
import { VectorIndex, type VectorIndexFiles } from '../../../src/store/vectorIndex.js';

function randomVectors(count: number, dimensions: number, seed: number): number[][] {
  let s = seed;
  const random = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5);
  return Array.from({ length: count }, () => Array.from({ length: dimensions }, random));
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vector-index-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const files = (name: string): VectorIndexFiles => ({ graph: path.join(dir, `${name}.hnsw`), vectors: path.join(dir, `${name}.f32`) });

describe('VectorIndex', () => {
  const vectors = randomVectors(2_000, 64, 42);
  const queries = randomVectors(50, 64, 4242);
  // exactBelow 0: always walk the graph, which is what these tests measure.
  const index = VectorIndex.build(vectors, { exactBelow: 0 });

  it('finds at least 95% of the exact top-10 when searching 2,000 random vectors', () => {
    let found = 0;
    for (const q of queries) {
      const exact = new Set(index.searchExact(q, 10).map((h) => h.index));
      found += index.search(q, 10).filter((h) => exact.has(h.index)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('scores hits by cosine similarity, best first, when searching', () => {
    const hits = index.search(vectors[7]!, 3);
    expect(hits[0]).toEqual({ index: 7, score: expect.closeTo(1, 5) as number });
    const exact = index.searchExact(vectors[7]!, 3);
    expect(hits.map((h) => h.index)).toEqual(exact.map((h) => h.index));
    hits.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i]!.score, 5));
  });

  it('returns the same neighbours after a save and load round trip', async () => {
    await index.save(files('roundtrip'));
    const loaded = await VectorIndex.load(files('roundtrip'), { exactBelow: 0 });
    expect(loaded.size).toBe(2_000);
    expect(loaded.dimensions).toBe(64);
    for (const q of queries.slice(0, 10)) expect(loaded.search(q, 10)).toEqual(index.search(q, 10));
  });

  it('never returns a row the filter rejects when searching the graph', () => {
    const even = (i: number) => i % 2 === 0;
    for (const q of queries.slice(0, 10)) {
      const hits = index.search(q, 10, even);
      expect(hits).toHaveLength(10);
      expect(hits.every((h) => h.index % 2 === 0)).toBe(true);
    }
  });

  it('scans exactly the allowed rows when the filter leaves only a few', () => {
    const few = new Set([3, 99, 1_500, 1_999]);
    // Default exactBelow (1024): 2,000 rows go through the graph, four allowed rows are scanned.
    const hits = VectorIndex.build(vectors).search(queries[0]!, 10, (i) => few.has(i));
    expect(hits.map((h) => h.index).sort((a, b) => a - b)).toEqual([3, 99, 1_500, 1_999]);
    expect(hits).toEqual(index.searchExact(queries[0]!, 10, (i) => few.has(i)));
  });

  it('searches exactly when the index is no bigger than exactBelow', () => {
    const small = VectorIndex.build(vectors.slice(0, 300));
    for (const q of queries.slice(0, 5)) expect(small.search(q, 10)).toEqual(small.searchExact(q, 10));
  });

  it('returns every row once when k exceeds the index size', () => {
    const tiny = VectorIndex.build(vectors.slice(0, 5), { exactBelow: 0 });
    expect(tiny.search(queries[0]!, 50).map((h) => h.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('stores rows at unit length when given vectors of other lengths', () => {
    const scaled = VectorIndex.fromVectors({ dimensions: 2, count: 2, data: new Float32Array([3, 4, 0, 0]) });
    expect(Array.from(scaled.vectorAt(0))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(scaled.vectorAt(1))).toEqual([0, 0]);
    expect(scaled.search([6, 8], 1)[0]!.score).toBeCloseTo(1, 6);
  });

  it('throws RangeError naming both sizes when the query has other dimensions', () => {
    expect(() => index.search([1, 2, 3], 5)).toThrow('query vector has 3 dimensions, the index 64 (built with another embedder?)');
  });

  it('saves, loads and searches an empty index when built with no vectors', async () => {
    const empty = VectorIndex.build([], { dimensions: 16 });
    await empty.save(files('empty'));
    const loaded = await VectorIndex.load(files('empty'));
    expect(loaded.size).toBe(0);
    expect(loaded.search(new Array<number>(16).fill(0.25), 5)).toEqual([]);
  });

  it('throws IndexFormatError when the graph file is truncated', async () => {
    const graphed = { exactBelow: 0 };
    const small = VectorIndex.build(vectors.slice(0, 100), graphed);
    await small.save(files('truncated'));
    const bytes = await readFile(files('truncated').graph);
    await writeFile(files('truncated').graph, bytes.subarray(0, bytes.length - 100));
    await expect(VectorIndex.load(files('truncated'), graphed)).rejects.toThrow(IndexFormatError);
  });

  it('throws IndexFormatError when the graph belongs to another set of vectors', async () => {
    await VectorIndex.build(vectors.slice(0, 100), { exactBelow: 0 }).save(files('a'));
    await VectorIndex.build(vectors.slice(100, 200), { exactBelow: 0 }).save(files('b'));
    await expect(VectorIndex.load({ graph: files('a').graph, vectors: files('b').vectors }, { exactBelow: 0 })).rejects.toThrow(/differs from the vector file/);
  });

  it('throws IndexFormatError when the graph file is missing', async () => {
    await VectorIndex.build(vectors.slice(0, 10), { exactBelow: 0 }).save(files('missing'));
    await expect(VectorIndex.load({ graph: path.join(dir, 'nope.hnsw'), vectors: files('missing').vectors }, { exactBelow: 0 })).rejects.toThrow(
      /vector graph .*nope\.hnsw is invalid: missing/,
    );
  });

  it('stores no graph for a set the exact scan reads, and loads and searches it without one', async () => {
    const few = vectors.slice(0, 50);
    await VectorIndex.build(few, { exactBelow: 64 }).save(files('exact'));
    await expect(stat(files('exact').graph)).rejects.toThrow(/ENOENT/);
    const loaded = await VectorIndex.load(files('exact'), { exactBelow: 64 });
    expect(loaded.search(few[7] as number[], 1).map((hit) => hit.index)).toEqual([7]);
    // Read with a smaller exactBelow, the missing graph is a broken index, not a silent rebuild.
    await expect(VectorIndex.load(files('exact'), { exactBelow: 10 })).rejects.toThrow(/is invalid: missing/);
  });
});

describe('vector file', () => {
  it('decodes what it encodes when given unit rows', () => {
    const data = new Float32Array([0.6, 0.8, 1, 0, 0, 0]);
    expect(decodeVectorFile(encodeVectorFile({ dimensions: 2, count: 3, data }))).toEqual({ dimensions: 2, count: 3, data });
  });

  it('throws IndexFormatError saying truncated when bytes are missing', () => {
    const bytes = encodeVectorFile({ dimensions: 2, count: 3, data: new Float32Array(6) });
    expect(() => decodeVectorFile(bytes.subarray(0, bytes.length - 4))).toThrow('vector file is invalid: 36 bytes, expected 40 for 3 vectors of 2 (truncated?)');
  });

  it('throws IndexFormatError when the magic number is wrong', () => {
    expect(() => decodeVectorFile(new TextEncoder().encode('{"not":"vectors"}'))).toThrow(/bad magic number/);
  });
});

describe('exactSearch', () => {
  it('ranks rows by cosine to the normalised query when rows are unit vectors', () => {
    const rows = new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
    const hits = exactSearch(rows, 2, [2, 0.2], 3);
    expect(hits.map((h) => h.index)).toEqual([0, 2, 1]);
    expect(hits[0]!.score).toBeCloseTo(2 / Math.hypot(2, 0.2), 6);
    expect(hits[2]!.score).toBeCloseTo(0.2 / Math.hypot(2, 0.2), 6);
  });

  it('skips rows the filter rejects when a filter is given', () => {
    const rows = new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
    expect(exactSearch(rows, 2, [1, 0], 3, (i) => i !== 0).map((h) => h.index)).toEqual([2, 1]);
  });
});
