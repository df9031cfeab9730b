import { stat } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import { exactSearch } from './exactSearch.js';
import { IndexFormatError } from './indexFormatError.js';
import type { ScoredIndex } from './topK.js';
import { readVectorFile, writeVectorFile, type VectorSet } from './vectorFile.js';

const { HierarchicalNSW } = hnswlib;
type Graph = InstanceType<typeof HierarchicalNSW>;

export interface VectorIndexOptions {
  /** Graph degree: more links, better recall, bigger file (hnswlib default 16). */
  m?: number;
  /** Candidate list while building: higher is slower to build and better connected (default 200). */
  efConstruction?: number;
  /** Candidate list while searching, raised to k when k is larger (default 128; hnswlib's own is 10). */
  efSearch?: number;
  /** Fixed seed: the same vectors always give the same graph, so search results are reproducible. */
  seed?: number;
  /**
   * At or below this many candidate rows (the whole index, or the rows a filter lets through),
   * search scans exactly instead of walking the graph: a few hundred dot products take microseconds
   * and are never wrong, while a graph walk under a selective filter visits most nodes anyway.
   * 0 always uses the graph (default 1024).
   */
  exactBelow?: number;
  /**
   * `load` only: leave the graph on disk when the index is small enough to be searched exactly (it
   * would never be walked). A few hundred rows per report, a hundred reports: the graphs' native
   * memory is most of the process otherwise.
   */
  lazyGraph?: boolean;
}

/** Where `save` and `load` keep the two parts; the caller (index store) chooses the names. */
export interface VectorIndexFiles {
  /** hnswlib's own file: the graph plus its copy of the vectors. */
  graph: string;
  /** Raw unit vectors (see vectorFile.ts): the source of truth, enough to rebuild the graph. */
  vectors: string;
}

/**
 * Up to 4,096 rows an exact scan (at most ~1.5 M multiply-adds at 384 dimensions, about a millisecond)
 * is as quick as a graph walk and always right, so no graph is built or stored for them: a long annual
 * report (1,000–2,000 chunks) costs no graph build at ingest.
 */
const DEFAULTS = { m: 16, efConstruction: 200, efSearch: 128, seed: 100, exactBelow: 4096, lazyGraph: false } satisfies Required<VectorIndexOptions>;

/**
 * Approximate nearest neighbours by cosine similarity over an hnsw graph, with the unit vectors
 * kept beside it. Rows are numbered in build order; `search` returns those numbers with the cosine
 * similarity as score (1 identical, 0 unrelated), best first.
 *
 * The vectors are normalised once at build and stored normalised, so cosine is a dot product both
 * in the graph (space 'cosine', which normalises again, harmlessly) and in the exact scan.
 */
export class VectorIndex {
  readonly dimensions: number;
  /** `size * dimensions` floats, row-major, each row unit length (or zero for an empty text). */
  readonly vectors: Float32Array;
  private readonly options: Required<VectorIndexOptions>;

  private constructor(
    set: VectorSet,
    private graph: Graph | null,
    options: Required<VectorIndexOptions>,
  ) {
    this.dimensions = set.dimensions;
    this.vectors = set.data;
    this.options = options;
  }

  get size(): number {
    return this.vectors.length / this.dimensions;
  }

  /** Builds from embedder output. `dimensions` is required only when there are no vectors. */
  static build(
    vectors: readonly (readonly number[])[],
    options: VectorIndexOptions & { dimensions?: number } = {},
  ): VectorIndex {
    const dimensions = options.dimensions ?? vectors[0]?.length;
    if (dimensions === undefined || !Number.isInteger(dimensions) || dimensions <= 0) {
      throw new RangeError('VectorIndex.build: no vectors and no dimensions given');
    }
    const data = new Float32Array(vectors.length * dimensions);
    vectors.forEach((vector, i) => {
      if (vector.length !== dimensions) throw new RangeError(`VectorIndex.build: vector ${i} has ${vector.length} dimensions, expected ${dimensions}`);
      data.set(vector, i * dimensions);
    });
    return VectorIndex.fromVectors({ dimensions, count: vectors.length, data }, options);
  }

  /**
   * The index over rows, e.g. from `readVectorFile` or several reports' vector files concatenated: a
   * graph when there are more rows than an exact scan should read. Takes ownership of `set.data` and
   * scales its rows to unit length in place.
   */
  static fromVectors(set: VectorSet, options: VectorIndexOptions = {}): VectorIndex {
    if (!Number.isInteger(set.dimensions) || set.dimensions <= 0 || set.data.length !== set.count * set.dimensions) {
      throw new RangeError(`VectorIndex: ${set.data.length} floats do not make ${set.count} vectors of ${set.dimensions}`);
    }
    const resolved = { ...DEFAULTS, ...options };
    normalizeRows(set.data, set.dimensions);
    return new VectorIndex(set, set.count > resolved.exactBelow ? buildGraph(set, resolved) : null, resolved);
  }

  /**
   * Loads what `save` wrote. Throws `IndexFormatError` when a part is missing, truncated or does not
   * belong with the other (hnswlib itself happily loads a graph into the wrong dimensions). A set
   * small enough for the exact scan has no graph file and needs none.
   */
  static async load(files: VectorIndexFiles, options: VectorIndexOptions = {}): Promise<VectorIndex> {
    const set = await readVectorFile(files.vectors);
    const what = `vector graph ${files.graph}`;
    const resolved = { ...DEFAULTS, ...options };
    const present = await stat(files.graph).then((info) => info.isFile(), () => false);
    if (set.count <= resolved.exactBelow && (!present || resolved.lazyGraph)) return new VectorIndex(set, null, resolved);
    if (!present) throw new IndexFormatError(what, ['missing']);
    const graph = new HierarchicalNSW('cosine', set.dimensions);
    try {
      // No maxElements here (hnswlib-node 3 takes it from the file): this index never grows in place,
      // a new ingest builds a new one. Growing would need resizeIndex first.
      await graph.readIndex(files.graph);
    } catch (error) {
      throw new IndexFormatError(what, [`unreadable (${(error as Error).message})`], { cause: error });
    }
    const count = graph.getCurrentCount();
    if (count !== set.count) throw new IndexFormatError(what, [`holds ${count} vectors, the vector file ${set.count}`]);
    // Spot-check a few rows against the vector file: a graph from another build, or read with the
    // wrong dimensions, differs here (the graph stores the same float32 unit vectors).
    for (const row of spotRows(set.count)) {
      let point: number[];
      try {
        point = graph.getPoint(row);
      } catch (error) {
        throw new IndexFormatError(what, [`row ${row} missing`], { cause: error });
      }
      const base = row * set.dimensions;
      for (let j = 0; j < set.dimensions; j += 1) {
        if (Math.abs((point[j] ?? NaN) - set.data[base + j]!) > 1e-4) {
          throw new IndexFormatError(what, [`row ${row} differs from the vector file (graph from another build?)`]);
        }
      }
    }
    return new VectorIndex(set, graph, { ...DEFAULTS, ...options });
  }

  async save(files: VectorIndexFiles): Promise<void> {
    await writeVectorFile(files.vectors, { dimensions: this.dimensions, count: this.size, data: this.vectors });
    if (this.size > this.options.exactBelow) await this.ensureGraph().writeIndex(files.graph);
  }

  /**
   * The k rows most similar to `vector`, best first. `filter` sees row numbers; rows it rejects never
   * appear, and up to k allowed rows are still returned (the graph walk keeps going past them).
   */
  search(vector: readonly number[], k: number, filter?: (index: number) => boolean): ScoredIndex[] {
    this.checkQuery(vector);
    const size = this.size;
    const want = Math.min(Math.floor(k), size);
    if (want <= 0) return [];
    const { exactBelow, efSearch } = this.options;
    if (size <= exactBelow) return exactSearch(this.vectors, this.dimensions, vector, want, filter);

    let graphFilter: ((label: number) => boolean) | undefined;
    if (filter) {
      // Ask the caller's filter once per row here, in JS, rather than once per visited node from
      // inside the native walk; the answers also tell whether an exact scan is the cheaper path.
      const allowed = new Uint8Array(size);
      const rows: number[] = [];
      for (let i = 0; i < size; i += 1) {
        if (filter(i)) {
          allowed[i] = 1;
          rows.push(i);
        }
      }
      if (rows.length <= exactBelow) return exactSearch(this.vectors, this.dimensions, vector, want, undefined, rows);
      graphFilter = (label) => allowed[label] === 1;
    }
    const graph = this.ensureGraph();
    graph.setEf(Math.max(efSearch, want));
    const found = graph.searchKnn(Array.from(vector), want, graphFilter);
    return found.neighbors.map((index, i) => ({ index, score: 1 - (found.distances[i] ?? 1) }));
  }

  /** Exact cosine search over the same rows: the benchmark reference for `search`. */
  searchExact(vector: readonly number[], k: number, filter?: (index: number) => boolean): ScoredIndex[] {
    this.checkQuery(vector);
    return exactSearch(this.vectors, this.dimensions, vector, k, filter);
  }

  /** Unit vector of one row (a view, not a copy). */
  vectorAt(index: number): Float32Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no row ${index} in a ${this.size}-row index`);
    return this.vectors.subarray(index * this.dimensions, (index + 1) * this.dimensions);
  }

  /** The graph, built from the stored vectors if it was left on disk (a lazy load). */
  private ensureGraph(): Graph {
    this.graph ??= buildGraph({ dimensions: this.dimensions, count: this.size, data: this.vectors }, this.options);
    if (!this.graph) throw new Error('vector graph could not be built');
    return this.graph;
  }

  private checkQuery(vector: readonly number[]): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`query vector has ${vector.length} dimensions, the index ${this.dimensions} (built with another embedder?)`);
    }
  }
}

/** Unit length per row, so exact search is a plain dot product (zero rows stay zero). */
function normalizeRows(data: Float32Array, dimensions: number): void {
  for (let base = 0; base < data.length; base += dimensions) {
    let norm = 0;
    for (let j = 0; j < dimensions; j += 1) norm += data[base + j]! * data[base + j]!;
    if (norm === 0 || Math.abs(norm - 1) < 1e-6) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dimensions; j += 1) data[base + j] = data[base + j]! * scale;
  }
}

function spotRows(count: number): number[] {
  if (count === 0) return [];
  return [...new Set([0, Math.floor(count / 2), count - 1])];
}

/** The hnsw graph over unit rows (row numbers are the labels). */
function buildGraph(set: VectorSet, options: Required<VectorIndexOptions>): Graph {
  const graph = new HierarchicalNSW('cosine', set.dimensions);
  graph.initIndex({
    // hnswlib refuses k above maxElements, and an empty index is legal: keep it at least 1.
    maxElements: Math.max(1, set.count),
    m: options.m,
    efConstruction: options.efConstruction,
    randomSeed: options.seed,
  });
  for (let i = 0; i < set.count; i += 1) {
    // hnswlib-node reads plain arrays only (a typed array is rejected).
    graph.addPoint(Array.from(set.data.subarray(i * set.dimensions, (i + 1) * set.dimensions)), i);
  }
  return graph;
}
