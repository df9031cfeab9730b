/** A search result: position of the document in the index's build order, and its score (higher is better). */
export interface ScoredIndex {
  index: number;
  score: number;
}

/**
 * The k best (index, score) pairs seen so far, in a bounded heap over typed arrays: a search offers
 * every candidate (tens of thousands) and keeps only k, so sorting all candidates would waste time
 * and allocation. Equal scores rank the lower index first, so results never depend on offer order.
 */
export class TopK {
  private readonly indices: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`TopK: k must be a non-negative integer, got ${k}`);
    this.indices = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** Whether (a) ranks below (b): the heap root is the worst kept pair. */
  private worse(ia: number, sa: number, ib: number, sb: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  offer(index: number, score: number): void {
    const { indices, scores, k } = this;
    if (this.size < k) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(index, score, indices[parent]!, scores[parent]!)) break;
        indices[i] = indices[parent]!;
        scores[i] = scores[parent]!;
        i = parent;
      }
      indices[i] = index;
      scores[i] = score;
      return;
    }
    if (k === 0 || !this.worse(indices[0]!, scores[0]!, index, score)) return;
    this.siftDown(index, score);
  }

  /** The score a candidate must beat to enter, or -Infinity while there is room. */
  threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  private siftDown(index: number, score: number): void {
    const { indices, scores, size } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && this.worse(indices[right]!, scores[right]!, indices[left]!, scores[left]!)) child = right;
      if (!this.worse(indices[child]!, scores[child]!, index, score)) break;
      indices[i] = indices[child]!;
      scores[i] = scores[child]!;
      i = child;
    }
    indices[i] = index;
    scores[i] = score;
  }

  /** Best first. */
  results(): ScoredIndex[] {
    const out: ScoredIndex[] = [];
    for (let i = 0; i < this.size; i += 1) out.push({ index: this.indices[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
