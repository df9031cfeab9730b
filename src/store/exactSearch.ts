import { TopK, type ScoredIndex } from './topK.js';

/**
 * Cosine search by scanning every row: the reference the hnsw graph is measured against, and the
 * faster path when a filter leaves only a few hundred rows. Rows must be unit length (or all zero),
 * as `VectorIndex` stores them; the query is normalised here. `candidates`, when given, limits the
 * scan to those row numbers (ascending), and `filter` is asked about each scanned row.
 */
export function exactSearch(
  rows: Float32Array,
  dimensions: number,
  query: ArrayLike<number>,
  k: number,
  filter?: (index: number) => boolean,
  candidates?: ArrayLike<number>,
): ScoredIndex[] {
  if (query.length !== dimensions) throw new RangeError(`query has ${query.length} dimensions, the index ${dimensions}`);
  const count = Math.floor(rows.length / dimensions);
  const top = new TopK(Math.max(0, Math.min(Math.floor(k), candidates ? candidates.length : count)));
  if (top.k === 0) return [];
  const q = unitVector(query);
  // A question's hashed words fill a few dozen of several hundred dimensions: the product needs only
  // those (adding a zero term changes no sum), a several-fold shorter loop per row.
  const used: number[] = [];
  for (let j = 0; j < dimensions; j += 1) if (q[j] !== 0) used.push(j);
  const weights = Float64Array.from(used, (j) => q[j]!);
  const scan = candidates ? candidates.length : count;
  for (let c = 0; c < scan; c += 1) {
    const row = candidates ? candidates[c]! : c;
    if (filter && !filter(row)) continue;
    let dot = 0;
    const base = row * dimensions;
    for (let u = 0; u < used.length; u += 1) dot += weights[u]! * rows[base + used[u]!]!;
    top.offer(row, dot);
  }
  return top.results();
}

/** A unit-length copy (the zero vector stays zero: it is similar to nothing). */
export function unitVector(vector: ArrayLike<number>): Float64Array {
  const out = new Float64Array(vector.length);
  let norm = 0;
  for (let i = 0; i < vector.length; i += 1) norm += vector[i]! * vector[i]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vector.length; i += 1) out[i] = vector[i]! * scale;
  return out;
}
